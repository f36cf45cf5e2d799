# Tests mirror include/: every public header has a test that includes it by name.
#
#   cmake -DDOC=docs/design/architecture.md -DINCLUDE_DIR=include -DTESTS_DIR=tests
#         -P tests/design/mirror.cmake
#
# A public header is one under INCLUDE_DIR/descent that is not in a detail/ folder.  The
# header descent/<area>/.../x.hpp needs a file under TESTS_DIR/<area>/ with the line
# `#include <descent/<area>/.../x.hpp>`; an umbrella descent/<name>.hpp needs one anywhere
# under TESTS_DIR.  The document's ```untested block lists the headers known to have none
# yet; the check fails on a header without a test that is not listed, and names the
# listed headers that have gained one (to be removed from the list).
cmake_minimum_required(VERSION 3.25)

foreach(v DOC INCLUDE_DIR TESTS_DIR)
  if(NOT DEFINED ${v})
    message(FATAL_ERROR "mirror.cmake: pass -D${v}=...")
  endif()
  file(REAL_PATH "${${v}}" ${v} BASE_DIRECTORY "$ENV{PWD}")
endforeach()

file(READ "${DOC}" doc)
if(NOT doc MATCHES "```untested\n([^`]*)```")
  message(FATAL_ERROR "mirror.cmake: ${DOC} has no ```untested block")
endif()
string(REGEX REPLACE "[ \t\n]+" ";" listed "${CMAKE_MATCH_1}")
list(REMOVE_ITEM listed "")

# Every `#include <descent/...>` of every test file, per area folder.
file(GLOB_RECURSE test_files "${TESTS_DIR}/*.cpp" "${TESTS_DIR}/*.hpp")
set(all_included)
foreach(f IN LISTS test_files)
  file(RELATIVE_PATH rel "${TESTS_DIR}" "${f}")
  if(rel MATCHES "^design/fixtures/")
    continue()
  endif()
  string(REGEX MATCH "^[^/]+" folder "${rel}")
  file(STRINGS "${f}" lines REGEX "^[ \t]*#[ \t]*include[ \t]*<descent/")
  foreach(line IN LISTS lines)
    if(line MATCHES "<(descent/[^>]+)>")
      list(APPEND included_${folder} "${CMAKE_MATCH_1}")
      list(APPEND all_included "${CMAKE_MATCH_1}")
    endif()
  endforeach()
endforeach()

file(GLOB_RECURSE headers RELATIVE "${INCLUDE_DIR}" "${INCLUDE_DIR}/descent/*.hpp")
list(SORT headers)
set(problems)
set(stale)
set(public 0)
foreach(h IN LISTS headers)
  if(h MATCHES "/detail/")
    continue()
  endif()
  math(EXPR public "${public} + 1")
  if(h MATCHES "^descent/([a-z_]+)/")
    set(area "${CMAKE_MATCH_1}")
    set(tested FALSE)
    if(h IN_LIST included_${area})
      set(tested TRUE)
    endif()
    set(where "tests/${area}/")
  else()
    set(tested FALSE)
    if(h IN_LIST all_included)
      set(tested TRUE)
    endif()
    set(where "tests/")
  endif()
  if(NOT tested AND NOT h IN_LIST listed)
    list(APPEND problems "${h}: no file under ${where} includes it (write a test, or list it under ```untested in ${DOC})")
  elseif(tested AND h IN_LIST listed)
    list(APPEND stale "${h}")
  endif()
endforeach()
foreach(l IN LISTS listed)
  if(NOT l IN_LIST headers)
    list(APPEND problems "${l}: listed under ```untested but no such header")
  endif()
endforeach()

list(LENGTH listed n_listed)
if(stale)
  # Not an error (tests are written in parallel with the list), but worth shrinking the list.
  string(REPLACE ";" " " text "${stale}")
  message(STATUS "mirror: listed as untested but tested now (remove from ```untested): ${text}")
endif()
if(problems)
  list(LENGTH problems n)
  string(REPLACE ";" "\n  " text "${problems}")
  message(FATAL_ERROR "mirror: ${n} problem(s):\n  ${text}")
endif()
message(STATUS "mirror: ${public} public headers; ${n_listed} listed as untested, every other one included by a test of its area")
