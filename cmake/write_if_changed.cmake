# write_if_changed(PATH TEXT): writes TEXT to PATH only when it differs from what is there, so that
# a generated source whose input did not change triggers no recompile. Included by the embedding
# scripts (app/embed_text.cmake, i18n/embed_binary.cmake), which CMake runs with -P.
function(write_if_changed path text)
  if(EXISTS "${path}")
    file(READ "${path}" previous)
    if(previous STREQUAL text)
      return()
    endif()
  endif()
  file(WRITE "${path}" "${text}")
endfunction()
