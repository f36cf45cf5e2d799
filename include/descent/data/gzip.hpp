#ifndef DESCENT_DATA_GZIP_HPP
#define DESCENT_DATA_GZIP_HPP

// gzip decompression for data files (digits.csv.gz, the diabetes files), with zlib (the
// `descent` CMake target links ZLIB::ZLIB).  Recognised by the magic bytes 1f 8b, not by the
// file name.  Concatenated members (as `cat a.gz b.gz` makes) are decoded in turn.  Corrupt
// or truncated data is a csv_error naming the file and the byte offset; nothing partial is
// returned.

#include <descent/data/csv_error.hpp>

#include <zlib.h>

#include <algorithm>
#include <climits>
#include <cstddef>
#include <new>
#include <string>
#include <string_view>

namespace descent::data {

// True when `bytes` starts like a gzip stream (RFC 1952: ID1 = 0x1f, ID2 = 0x8b).
inline bool is_gzip(std::string_view bytes) noexcept {
  return bytes.size() >= 2 && static_cast<unsigned char>(bytes[0]) == 0x1f &&
         static_cast<unsigned char>(bytes[1]) == 0x8b;
}

// The decompressed contents of the gzip data `bytes`; `name` names it in errors.
inline std::string gunzip(std::string_view bytes, const std::string& name) {
  z_stream zs{};
  if (inflateInit2(&zs, 16 + MAX_WBITS) != Z_OK)  // 16: gzip wrapper only
    throw csv_error(name, 0, 0, "cannot initialise zlib");
  struct guard {
    z_stream* z;
    ~guard() { inflateEnd(z); }
  } g{&zs};
  const auto* in = reinterpret_cast<const Bytef*>(bytes.data());
  std::size_t consumed = 0;  // bytes of `bytes` handed to zlib so far
  std::string out;
  char buf[1 << 15];
  auto where = [&] {
    return " at byte " + std::to_string(consumed - zs.avail_in) + " of " +
           std::to_string(bytes.size());
  };
  for (;;) {
    if (zs.avail_in == 0 && consumed < bytes.size()) {
      const std::size_t n = std::min<std::size_t>(bytes.size() - consumed, UINT_MAX);
      zs.next_in = const_cast<Bytef*>(in + consumed);  // zlib's API is not const-correct
      zs.avail_in = static_cast<uInt>(n);
      consumed += n;
    }
    zs.next_out = reinterpret_cast<Bytef*>(buf);
    zs.avail_out = sizeof buf;
    const int rc = inflate(&zs, Z_NO_FLUSH);
    out.append(buf, sizeof buf - zs.avail_out);
    if (rc == Z_STREAM_END) {
      const std::size_t rest = zs.avail_in + (bytes.size() - consumed);
      if (rest == 0) return out;
      const std::string_view tail = bytes.substr(bytes.size() - rest);
      if (!is_gzip(tail))
        throw csv_error(name, 0, 0, "corrupt gzip data: " + std::to_string(rest) +
                                        " trailing bytes after the compressed stream" + where());
      if (inflateReset(&zs) != Z_OK) throw csv_error(name, 0, 0, "cannot reset zlib");
      continue;  // the next member
    }
    if (rc == Z_MEM_ERROR) throw std::bad_alloc();
    if (rc == Z_DATA_ERROR || rc == Z_NEED_DICT || rc == Z_STREAM_ERROR)
      throw csv_error(name, 0, 0, std::string("corrupt gzip data (") +
                                      (zs.msg ? zs.msg : "invalid stream") + ")" + where());
    if (rc == Z_BUF_ERROR || (zs.avail_in == 0 && consumed == bytes.size() && zs.avail_out != 0))
      throw csv_error(name, 0, 0, "truncated gzip data: the stream ends before its end marker" +
                                      where());
  }
}

}  // namespace descent::data

#endif
