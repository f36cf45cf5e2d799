# Settings for descent's own tests, examples and benchmarks (never exported to users).

# descent_dev: warnings and sanitizers for everything built in this tree.
add_library(descent_dev INTERFACE)
target_link_libraries(descent_dev INTERFACE descent::descent)
target_compile_options(descent_dev INTERFACE -Wall -Wextra -Wpedantic)
if(DESCENT_WARNINGS_AS_ERRORS)
  target_compile_options(descent_dev INTERFACE -Werror)
endif()
if(DESCENT_SANITIZE)
  target_compile_options(descent_dev INTERFACE -fsanitize=address,undefined -fno-omit-frame-pointer
                                               -fno-sanitize-recover=all)
  target_link_options(descent_dev INTERFACE -fsanitize=address,undefined)
endif()

# descent_emit_asm(target source): with DESCENT_EMIT_ASM=ON, writes <target>.s next to the
# binary: the optimised assembly of `source`, demangled and annotated with source lines, so
# users can read what the compiler generated for their expressions.  Also available as the
# explicit target `<target>.asm` in every configuration.
function(descent_emit_asm target source)
  get_filename_component(src "${source}" ABSOLUTE)
  set(out "${CMAKE_CURRENT_BINARY_DIR}/${target}.s")
  add_custom_command(OUTPUT "${out}"
    COMMAND ${CMAKE_CXX_COMPILER} -std=c++20 -O3 -march=native -DNDEBUG -g1
            -fverbose-asm -masm=intel -S
            "-I${PROJECT_SOURCE_DIR}/include" "${src}" -o "${out}.raw"
    COMMAND ${CMAKE_COMMAND} -DIN=${out}.raw -DOUT=${out}
            -P "${PROJECT_SOURCE_DIR}/cmake/demangle-asm.cmake"
    DEPENDS "${src}" VERBATIM
    COMMENT "Annotated assembly of ${target} -> ${out}")
  add_custom_target(${target}.asm DEPENDS "${out}")
  if(DESCENT_EMIT_ASM)
    add_custom_target(${target}.asm.all ALL DEPENDS "${out}")
  endif()
endfunction()
