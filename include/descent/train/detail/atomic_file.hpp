// Write a file so that a crash mid-write loses nothing: write a temporary file in the same
// directory (NAME.tmp.<pid>), flush it to disk (fsync), rename it over the target (atomic on
// POSIX), then fsync the directory so the rename itself is durable.
// A process killed mid-write leaves its NAME.tmp.<pid> behind.  After each successful write
// the temporaries of the same NAME whose process is no longer alive (kill(pid, 0) fails with
// ESRCH) are removed; those of live processes (another process writing the same file right
// now) are left alone.  Files of other names are never touched.
#ifndef DESCENT_TRAIN_DETAIL_ATOMIC_FILE_HPP
#define DESCENT_TRAIN_DETAIL_ATOMIC_FILE_HPP

#include <cerrno>
#include <cstdio>
#include <cstddef>
#include <cstring>
#include <fstream>
#include <iterator>
#include <stdexcept>
#include <string>
#include <string_view>

#if __has_include(<unistd.h>) && __has_include(<fcntl.h>) && __has_include(<dirent.h>) && \
    __has_include(<signal.h>)
#include <dirent.h>
#include <fcntl.h>
#include <signal.h>
#include <unistd.h>
#define DESCENT_TRAIN_POSIX_FILES 1
#else
#define DESCENT_TRAIN_POSIX_FILES 0
#endif

namespace descent::detail {

[[noreturn]] inline void file_error(std::string_view who, const std::string& path,
                                    std::string_view what, int err) {
  std::string msg = std::string(who) + ": '" + path + "': " + std::string(what);
  if (err != 0) msg += std::string(": ") + std::strerror(err);
  throw std::runtime_error(msg);
}

#if DESCENT_TRAIN_POSIX_FILES
/// Removes dir/NAME.tmp.<pid> files whose process is gone (see above); returns how many.
/// Best effort: a directory that cannot be read is left as it is.
inline std::size_t remove_stale_temporaries(const std::string& dir, const std::string& name) {
  const std::string prefix = name + ".tmp.";
  DIR* d = ::opendir(dir.c_str());
  if (d == nullptr) return 0;
  std::size_t removed = 0;
  const long self = static_cast<long>(::getpid());
  while (const dirent* e = ::readdir(d)) {
    const std::string_view f = e->d_name;
    if (f.size() <= prefix.size() || f.substr(0, prefix.size()) != prefix) continue;
    const std::string_view digits = f.substr(prefix.size());
    if (digits.size() > 9 || digits.find_first_not_of("0123456789") != std::string_view::npos) continue;
    long pid = 0;
    for (const char c : digits) pid = pid * 10 + (c - '0');
    if (pid <= 0 || pid == self) continue;
    if (::kill(static_cast<pid_t>(pid), 0) == 0 || errno != ESRCH) continue;  // alive (or not ours to judge)
    if (::unlink((dir + "/" + std::string(f)).c_str()) == 0) ++removed;
  }
  ::closedir(d);
  return removed;
}
#endif

inline void write_file_atomically(const std::string& path, std::string_view data,
                                  std::string_view who) {
#if DESCENT_TRAIN_POSIX_FILES
  const std::string tmp = path + ".tmp." + std::to_string(::getpid());
  const int fd = ::open(tmp.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
  if (fd < 0) file_error(who, tmp, "cannot create the temporary file", errno);
  std::size_t done = 0;
  while (done < data.size()) {
    const auto w = ::write(fd, data.data() + done, data.size() - done);
    if (w < 0) {
      if (errno == EINTR) continue;
      const int err = errno;
      ::close(fd);
      ::unlink(tmp.c_str());
      file_error(who, tmp, "write failed", err);
    }
    done += static_cast<std::size_t>(w);
  }
  if (::fsync(fd) != 0) {
    const int err = errno;
    ::close(fd);
    ::unlink(tmp.c_str());
    file_error(who, tmp, "fsync failed", err);
  }
  if (::close(fd) != 0) {
    const int err = errno;
    ::unlink(tmp.c_str());
    file_error(who, tmp, "close failed", err);
  }
  if (std::rename(tmp.c_str(), path.c_str()) != 0) {
    const int err = errno;
    ::unlink(tmp.c_str());
    file_error(who, path, "cannot rename the temporary file over it", err);
  }
  // Make the rename durable: fsync the directory (best effort; some filesystems refuse).
  const auto slash = path.find_last_of('/');
  const std::string dir = slash == std::string::npos ? "." : (slash == 0 ? "/" : path.substr(0, slash));
  const int dfd = ::open(dir.c_str(), O_RDONLY | O_CLOEXEC);
  if (dfd >= 0) {
    (void)::fsync(dfd);
    ::close(dfd);
  }
  (void)remove_stale_temporaries(dir, slash == std::string::npos ? path : path.substr(slash + 1));
#else
  const std::string tmp = path + ".tmp";
  {
    std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
    if (!out) file_error(who, tmp, "cannot create the temporary file", errno);
    out.write(data.data(), static_cast<std::streamsize>(data.size()));
    out.flush();
    if (!out) file_error(who, tmp, "write failed", errno);
  }
  std::remove(path.c_str());  // non-POSIX rename does not replace
  if (std::rename(tmp.c_str(), path.c_str()) != 0)
    file_error(who, path, "cannot rename the temporary file over it", errno);
#endif
}

inline std::string read_whole_file(const std::string& path, std::string_view who) {
  std::ifstream in(path, std::ios::binary);
  if (!in) file_error(who, path, "cannot open it", errno);
  std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  if (in.bad()) file_error(who, path, "read failed", errno);
  return text;
}

}  // namespace descent::detail

#endif  // DESCENT_TRAIN_DETAIL_ATOMIC_FILE_HPP
