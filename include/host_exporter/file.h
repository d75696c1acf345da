// A thin RAII layer over POSIX file reading for pseudo-files (procfs, sysfs).
// Pseudo-files report a size of 0 or 4096, so they are read with one open and
// read-until-EOF into a capped buffer, never sized with stat. EINTR is retried;
// errors carry the path and errno text, and Error::errnum. ENOENT (only, as Go's
// os.IsNotExist) gives ErrorKind::kNotFound.
//
// Flattened links. A tree copied without symlinks (an unpacker that writes a
// link's target as the file's content) is read as if its links were there: a
// regular file shorter than 4096 bytes whose whole content is one line naming a
// path is taken for a symlink to that path when the path exists. A relative
// path is resolved against the file's directory; a bare name (proc/self -> 10)
// must be a real directory beside the file; an absolute path is looked up under
// the nearest directory above the file that holds it (the copy's root, e.g. the
// --path.sysfs directory), never under "/". So a sysfs attribute reading "1" or
// "up" is no link. Opening files beneath one, listing one (ReadDir), ReadLink,
// RealPath, PathExists and IsDirectory follow them, at most 40 links per lookup
// (more: ELOOP). This is tried only after the call failed as a flattened link
// makes it fail (ENOTDIR, EINVAL from readlink) or on a small regular file where
// a directory is asked for: sysfs attributes report 4096 bytes and procfs files
// 0, so a real host pays nothing.
// Thread safety: all functions are reentrant.
#pragma once

#include <sys/types.h>

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <type_traits>
#include <vector>

#include "host_exporter/result.h"

namespace host_exporter {

inline constexpr std::size_t kMaxPseudoFileSize = 64 << 20;

// The system calls file reading goes through, so tests can inject failures.
// With no `openat`, File::OpenAt opens the full path through `open` (so an
// override that knows only `open` sees every file by its path).
struct Syscalls {
  int (*open)(const char* path, int flags) = nullptr;
  ssize_t (*read)(int fd, void* buf, std::size_t n) = nullptr;
  int (*close)(int fd) = nullptr;
  int (*openat)(int dirfd, const char* name, int flags) = nullptr;
};
const Syscalls& RealSyscalls();

// Replaces the syscalls used by this thread's file reads while alive (tests).
// Keeps its own copy of `s`, so a temporary may be passed.
class ScopedSyscallOverride {
 public:
  explicit ScopedSyscallOverride(const Syscalls& s);
  ~ScopedSyscallOverride();
  ScopedSyscallOverride(const ScopedSyscallOverride&) = delete;
  ScopedSyscallOverride& operator=(const ScopedSyscallOverride&) = delete;

 private:
  Syscalls syscalls_;
  const Syscalls* previous_;
};

// Owns a file descriptor; closes it on destruction.
class File {
 public:
  File() = default;
  explicit File(int fd) : fd_(fd) {}
  File(File&& o) noexcept : fd_(o.fd_) { o.fd_ = -1; }
  File& operator=(File&& o) noexcept;
  ~File();
  static Result<File> Open(const std::string& path, int flags = 0);
  // `name` (one path component) in the directory `dir` was opened from, where
  // `path` is dir's path + "/" + name: openat(2), which skips walking the
  // directory's path (and the symlink in sysfs's class/net/<device>) again.
  // Any failure is retried as Open(path), so errors, flattened links and
  // overrides behave as Open's.
  static Result<File> OpenAt(const File& dir, std::string_view name, const std::string& path, int flags = 0);
  int fd() const { return fd_; }
  // Appends everything up to EOF (at most max_bytes) to out.
  Status ReadAll(std::string& out, std::size_t max_bytes, const std::string& path) const;
  // One read(2) of at most n bytes (EINTR retried): the byte count.
  Result<std::size_t> ReadOnce(char* buf, std::size_t n, const std::string& path) const;

 private:
  int fd_ = -1;
};

// Whole file contents. Larger than max_bytes: ErrorKind::kIo naming the cap.
Result<std::string> ReadFile(const std::string& path, std::size_t max_bytes = kMaxPseudoFileSize);
// The reader half of a ReadX/ParseX pair for a parser whose result points into
// the text (views, no copies): the file's contents go into `text`, which the
// caller keeps while it uses the result, and are handed to the pure parser
// `parse` (std::string_view -> Result<T>); a parse error names the file (InFile).
template <class Parse>
std::invoke_result_t<Parse, std::string_view> ParseFileInto(const std::string& path, std::string& text,
                                                            Parse parse,
                                                            std::size_t max_bytes = kMaxPseudoFileSize) {
  auto read = ReadFile(path, max_bytes);
  if (!read) return std::unexpected(read.error());
  text = std::move(*read);
  auto parsed = parse(std::string_view(text));
  if (!parsed) return std::unexpected(InFile(path, parsed.error()));
  return parsed;
}
// The same for a parser that owns its result.
template <class Parse>
std::invoke_result_t<Parse, std::string_view> ParseFile(const std::string& path, Parse parse,
                                                        std::size_t max_bytes = kMaxPseudoFileSize) {
  std::string text;
  return ParseFileInto(path, text, parse, max_bytes);
}

// Contents with surrounding whitespace (the trailing newline) removed.
Result<std::string> ReadTrimmed(const std::string& path);
// A file holding one integer / float (sysfs attributes).
Result<std::uint64_t> ReadUint(const std::string& path);
Result<std::int64_t> ReadInt(const std::string& path);
Result<double> ReadDouble(const std::string& path);

struct DirEntry {
  std::string name;
  bool regular = false;  // lstat type: a symlink is neither regular nor a directory
  bool directory = false;
};
// Go's os.ReadDir: entries without "." and "..", sorted by name, typed from
// d_type (lstat where the file system does not say).
Result<std::vector<DirEntry>> ReadDir(const std::string& path);
// Names in a directory, without "." and "..", sorted.
Result<std::vector<std::string>> ListDir(const std::string& path);
// Target of a symlink, or the content of a flattened link.
Result<std::string> ReadLink(const std::string& path);
// Go's filepath.EvalSymlinks, made absolute (realpath(3)), flattened links followed.
Result<std::string> RealPath(const std::string& path);
// Whether path is a flattened link: for a ReadDir entry that is `regular` where
// the caller expects links (class/net/<device>).
bool IsFlattenedLink(const std::string& path);
bool PathExists(const std::string& path);
// Follows symlinks and flattened links.
bool IsDirectory(const std::string& path);

}  // namespace host_exporter
