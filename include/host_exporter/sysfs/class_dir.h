// Reading sysfs class directories (/sys/class/<class>/<device>/<attribute>) the
// way prometheus/procfs does, so collectors can apply node_exporter's per-class
// rules for which failures skip an attribute, skip a device, mean "no data" or
// fail the scrape. Those rules depend on errno and on whether open(2) or read(2)
// failed (Go's *fs.PathError vs a bare syscall.Errno), so errors here keep both.
// Thread safety: all functions are reentrant.
#pragma once

#include <expected>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "host_exporter/result.h"

namespace host_exporter::sysfs {

struct SysErr {
  int errnum = 0;        // errno
  bool at_open = false;  // open/opendir failed (Go: *fs.PathError), else read failed
  std::string message;   // "open <path>: No such file or directory"

  bool NotExist() const;    // Go's errors.Is(err, fs.ErrNotExist): ENOENT
  bool Permission() const;  // Go's errors.Is(err, fs.ErrPermission): EACCES, EPERM
  // As an Error: kNotFound for ENOENT, kIo otherwise.
  Error ToError() const;
};

template <class T>
using SysResult = std::expected<T, SysErr>;

// procfs's util.SysReadFile: one read of at most 128 bytes, whitespace trimmed.
SysResult<std::string> ReadAttr(const std::string& path);
// Go's os.ReadFile (whole file, untrimmed).
SysResult<std::string> ReadWhole(const std::string& path);

struct DirEntry {
  std::string name;
  bool regular = false;  // lstat type: a symlink is neither regular nor a directory
  bool directory = false;
};
// Go's os.ReadDir: entries sorted by name, types from lstat (d_type).
SysResult<std::vector<DirEntry>> ReadDir(const std::string& path);

// Go's filepath.Glob for "<dir>/<pattern>" where only the last element has a
// pattern: full paths of the entries of dir whose names match, sorted. A missing
// or unreadable dir gives no matches (Glob ignores I/O errors).
std::vector<std::string> GlobDir(const std::string& dir, const std::function<bool(std::string_view)>& match);

// Go's filepath.Clean: "a//b/./c/../d/" -> "a/b/d".
std::string CleanPath(std::string_view path);

// procfs's ValueParser.PInt64 / PUInt64: decimal, or hexadecimal after "0x".
Result<std::int64_t> ParseSysInt64(std::string_view s);
Result<std::uint64_t> ParseSysUint64(std::string_view s);

}  // namespace host_exporter::sysfs
