# Runs COMMAND (a ;-list) in WORKDIR, then checks its exit code against EXIT_CODE and its
# stdout followed by stderr against the file EXPECTED. UPDATE_GOLDEN=1 rewrites EXPECTED.
execute_process(COMMAND ${COMMAND} WORKING_DIRECTORY ${WORKDIR}
                RESULT_VARIABLE code OUTPUT_VARIABLE out ERROR_VARIABLE err)
set(actual "${out}--- stderr ---\n${err}")
if(DEFINED ENV{UPDATE_GOLDEN})
  file(WRITE ${EXPECTED} "${actual}")
endif()
file(READ ${EXPECTED} expected)
if(NOT code EQUAL EXIT_CODE)
  message(FATAL_ERROR "exit code ${code}, expected ${EXIT_CODE}\n${actual}")
endif()
if(NOT actual STREQUAL expected)
  message(FATAL_ERROR "output differs from ${EXPECTED}:\n${actual}")
endif()
