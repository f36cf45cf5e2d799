# Runs one compile-fail target and checks the FIRST error the compiler reports, the line a
# user reads first (the plain REGEX of descent_add_compile_fail matches anywhere in the output).
#   cmake -DBUILD_DIR=... -DTARGET=... -DFIRST=<regex> [-DNAMED=<regex>] -P first_error.cmake
# FIRST must match the first line holding "error:"; NAMED, if given, must match that error
# together with the notes the compiler prints under it (up to the next "error:" line): g++
# names the failed condition there, clang in the error line itself.
execute_process(COMMAND ${CMAKE_COMMAND} --build ${BUILD_DIR} --target ${TARGET}
                RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE out)
if(rc EQUAL 0)
  message(FATAL_ERROR "${TARGET} compiled, but it must not")
endif()
string(REPLACE ";" "\\;" out "${out}")
string(REGEX REPLACE "\r?\n" ";" lines "${out}")
set(first "")
set(block "")
foreach(line IN LISTS lines)
  if(line MATCHES "(^|: )(fatal )?error: ")
    if(first STREQUAL "")
      set(first "${line}")
      set(block "${line}")
      continue()
    else()
      break()
    endif()
  endif()
  if(NOT first STREQUAL "")
    string(APPEND block "\n${line}")
  endif()
endforeach()
if(first STREQUAL "")
  message(FATAL_ERROR "${TARGET}: no error line in the output:\n${out}")
endif()
if(NOT first MATCHES "${FIRST}")
  message(FATAL_ERROR "${TARGET}: the first error is not descent's message.\n"
                      "expected (regex): ${FIRST}\nfirst error: ${first}\n--- full output:\n${out}")
endif()
if(DEFINED NAMED AND NOT block MATCHES "${NAMED}")
  message(FATAL_ERROR "${TARGET}: the first error does not name what it is about.\n"
                      "expected (regex): ${NAMED}\nfirst error and its notes:\n${block}")
endif()
message(STATUS "${TARGET}: first error is descent's: ${first}")
