# descent_add_compile_fail_first(NAME n SOURCE f.cpp FIRST "regex" [NAMED "regex"] [LABELS l...])
#   Like descent_add_compile_fail, but pins the first error line (FIRST), and optionally
#   what the first error with its notes names (NAMED); see first_error.cmake.  Both
#   compilers must produce output that matches the same regexes.
include_guard(GLOBAL)
function(descent_add_compile_fail_first)
  cmake_parse_arguments(T "" "NAME;SOURCE;FIRST;NAMED" "LABELS" ${ARGN})
  add_executable(${T_NAME} EXCLUDE_FROM_ALL ${T_SOURCE})
  target_link_libraries(${T_NAME} PRIVATE descent::descent)
  set(named)
  if(DEFINED T_NAMED)
    set(named "-DNAMED=${T_NAMED}")
  endif()
  add_test(NAME ${T_NAME}
           COMMAND ${CMAKE_COMMAND} -DBUILD_DIR=${CMAKE_BINARY_DIR} -DTARGET=${T_NAME}
                   "-DFIRST=${T_FIRST}" ${named} -P ${CMAKE_CURRENT_FUNCTION_LIST_DIR}/first_error.cmake)
  set_tests_properties(${T_NAME} PROPERTIES LABELS "compile_fail;${T_LABELS}" RESOURCE_LOCK build_tree)
endfunction()
