# Demangles an assembly file with c++filt when available (keeps it readable for users).
find_program(CXXFILT c++filt)
if(CXXFILT)
  execute_process(COMMAND ${CXXFILT} INPUT_FILE ${IN} OUTPUT_FILE ${OUT} RESULT_VARIABLE rc)
  if(rc EQUAL 0)
    return()
  endif()
endif()
file(COPY_FILE ${IN} ${OUT})
