# CTest: a generated rulebook with 100 criteria passes `parscore check --werror`.
execute_process(COMMAND ${GEN} rulebook --criteria 100 ${OUT} RESULT_VARIABLE gen_rc)
if(NOT gen_rc EQUAL 0)
  message(FATAL_ERROR "parscore-gen failed (${gen_rc})")
endif()
execute_process(COMMAND ${PARSCORE} check --werror ${OUT} RESULT_VARIABLE check_rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
if(NOT check_rc EQUAL 0)
  message(FATAL_ERROR "parscore check of the generated rulebook failed (${check_rc}):\n${out}${err}")
endif()
