// Flattened links: regular files standing for the symlinks of a tree copied
// without them (an unpacker that writes a link's target as the file's content).
// Internal to file.cpp, which calls these only after a system call has failed
// the way a flattened link makes it fail (ENOTDIR, EINVAL from readlink) or for
// a small regular file where a link or directory is expected, so a real host
// pays nothing. See file.h for the rules.
// Thread safety: reentrant.
#pragma once

#include <sys/stat.h>

#include <expected>
#include <optional>
#include <string>
#include <string_view>

namespace host_exporter::flattened {

// A flattened link's file is shorter than this; sysfs attributes report 4096
// and procfs files 0, so stat alone rules out almost every pseudo-file.
inline constexpr off_t kMaxFileSize = 4096;
// Links followed in one lookup, as the kernel's MAXSYMLINKS.
inline constexpr int kMaxHops = 40;

// Whether st (from lstat) can be a flattened link at all: a small regular file.
inline bool MaybeLinkFile(const struct stat& st) {
  return S_ISREG(st.st_mode) && st.st_size > 0 && st.st_size < kMaxFileSize;
}

// readlink(2) into a string, any length; the errno on failure.
std::expected<std::string, int> ReadSymlink(const std::string& path);

// `path` looked up as the kernel would, following symlinks and flattened links
// on every component (the last one too if follow_last): a path to the same
// file with no link before its last component. The errno on failure: ENOTDIR
// where a regular file that is no link is passed through, ELOOP after kMaxHops.
std::expected<std::string, int> Resolve(std::string_view path, bool follow_last);

// The target text if `path` (whose directories may be flattened links) is a
// flattened link itself, nullopt if it is anything else; an errno (ELOOP) when
// that cannot be told.
std::expected<std::optional<std::string>, int> LinkTarget(const std::string& path);

}  // namespace host_exporter::flattened
