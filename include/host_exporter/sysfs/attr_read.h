// Reading single-value sysfs attributes the way prometheus/procfs's
// util.SysReadFile does: one read(2) of at most 128 bytes (some hwmon drivers
// return EAGAIN on a second read), so longer values are cut at 128 bytes.
// Thread safety: all functions are reentrant.
#pragma once

#include <cstddef>
#include <string>

#include "host_exporter/result.h"

namespace host_exporter::sysfs {

inline constexpr std::size_t kSysAttrMaxBytes = 128;

// The bytes of one read, untouched. Errors carry the path; ENOENT/ENOTDIR give kNotFound.
Result<std::string> SysReadRaw(const std::string& path);
// SysReadRaw with surrounding whitespace removed (procfs util.SysReadFile).
Result<std::string> SysReadFile(const std::string& path);

// True when the error came from EACCES/EPERM (Go's os.ErrPermission).
bool IsPermissionError(const Error& e);
// True when an I/O error came from the given errno (errors name it last).
bool IsErrno(const Error& e, int err);

}  // namespace host_exporter::sysfs
