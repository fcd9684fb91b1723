# Writes OUTPUT: a C++ file defining parscore::i18n::detail::FUNCTION(), the bytes of INPUT (a
# binary file such as a compiled .mo catalog) as an array. Run by CMake (-P) as a build step.
# app/embed_text.cmake does the same for text, as a raw string literal, which cannot hold the
# NUL bytes of a binary file.
#   cmake -DINPUT=file -DOUTPUT=file.cpp -DFUNCTION=name -P embed_binary.cmake
foreach(var INPUT OUTPUT FUNCTION)
  if(NOT DEFINED ${var})
    message(FATAL_ERROR "embed_binary.cmake: ${var} is not set")
  endif()
endforeach()

file(READ "${INPUT}" hex HEX)
if(hex STREQUAL "")
  message(FATAL_ERROR "embed_binary.cmake: ${INPUT} is empty")
endif()
string(REGEX REPLACE "([0-9a-f][0-9a-f])" "0x\\1," bytes "${hex}")
# Sixteen bytes a line, so the generated file stays readable.
string(REGEX REPLACE "((0x[0-9a-f][0-9a-f],){16})" "\\1\n    " bytes "${bytes}")

set(text "// Generated from ${INPUT} by i18n/embed_binary.cmake: do not edit.
#include <string_view>

namespace parscore::i18n::detail {

std::string_view ${FUNCTION}() {
    static constexpr unsigned char bytes[] = {
    ${bytes}
    };
    return {reinterpret_cast<const char*>(bytes), sizeof bytes};
}

}  // namespace parscore::i18n::detail
")
include("${CMAKE_CURRENT_LIST_DIR}/../cmake/write_if_changed.cmake")
write_if_changed("${OUTPUT}" "${text}")
