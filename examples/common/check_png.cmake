# cmake -DPNG=file.png -P check_png.cmake: fails unless file.png exists, is non-empty and
# starts with the PNG signature.
if(NOT EXISTS "${PNG}")
  message(FATAL_ERROR "${PNG} was not written")
endif()
file(SIZE "${PNG}" size)
if(size EQUAL 0)
  message(FATAL_ERROR "${PNG} is empty")
endif()
file(READ "${PNG}" head LIMIT 8 HEX)
if(NOT head STREQUAL "89504e470d0a1a0a")
  message(FATAL_ERROR "${PNG} is not a PNG (starts with ${head})")
endif()
message(STATUS "${PNG}: ${size} bytes")
