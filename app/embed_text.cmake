# Writes OUTPUT: a C++ file defining parscore::app::FUNCTION(), the bytes of INPUT as a raw string
# literal, and FUNCTION_source(), INPUT's path when the program was built. Run by CMake (-P) as a
# build step, so the text follows the file whenever it changes.
#   cmake -DINPUT=file -DOUTPUT=file.cpp -DFUNCTION=name -P embed_text.cmake
foreach(var INPUT OUTPUT FUNCTION)
  if(NOT DEFINED ${var})
    message(FATAL_ERROR "embed_text.cmake: ${var} is not set")
  endif()
endforeach()

file(READ "${INPUT}" content)
set(delimiter "psc_embed")  # at most 16 characters (C++ raw strings)
string(FIND "${content}" ")${delimiter}\"" clash)
if(NOT clash EQUAL -1)
  message(FATAL_ERROR "embed_text.cmake: ${INPUT} contains the raw-string delimiter )${delimiter}\"")
endif()
string(REPLACE "\\" "\\\\" source_path "${INPUT}")
string(REPLACE "\"" "\\\"" source_path "${source_path}")

set(text "// Generated from ${INPUT} by app/embed_text.cmake: do not edit.
#include <string_view>

namespace parscore::app {

namespace {
constexpr std::string_view k_${FUNCTION} = R\"${delimiter}(${content})${delimiter}\";
}  // namespace

std::string_view ${FUNCTION}() { return k_${FUNCTION}; }

std::string_view ${FUNCTION}_source() { return \"${source_path}\"; }

}  // namespace parscore::app
")
include("${CMAKE_CURRENT_LIST_DIR}/../cmake/write_if_changed.cmake")
write_if_changed("${OUTPUT}" "${text}")
