// Reading sysfs attributes and class directories the way prometheus/procfs
// does: util.SysReadFile (one read of at most 128 bytes, whitespace-trimmed),
// the directory matching of Go's filepath.Glob, and procfs's ValueParser. Errors
// keep errno and whether open(2) or read(2) failed (Error::errnum, at_open), so
// readers can apply node_exporter's per-class rules for which failures skip an
// attribute, skip a device, mean "no data" or fail the scrape.
// Thread safety: all functions are reentrant.
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "host_exporter/file.h"
#include "host_exporter/result.h"

namespace host_exporter::sysfs {

// The first 128 bytes of a sysfs attribute with surrounding whitespace removed,
// as procfs's util.SysReadFile returns them (one read(2); longer values are cut).
Result<std::string> ReadSysAttr(const std::string& path);
// The same for `name` in the directory `dir` was opened from (File::OpenAt);
// `path` is dir's path + "/" + name, for errors and fallbacks.
Result<std::string> ReadSysAttrAt(const File& dir, std::string_view name, const std::string& path);

// Names in `dir` for which `match` is true, sorted. Like filepath.Glob, a missing
// or unreadable directory matches nothing (no error).
template <class Pred>
std::vector<std::string> GlobNames(const std::string& dir, Pred match);

// filepath.Glob of "<dir>/<pattern>" where only the last element has a pattern:
// the cleaned full paths of GlobNames(dir, match).
std::vector<std::string> GlobDir(const std::string& dir, const std::function<bool(std::string_view)>& match);

// Glob patterns used by the collectors here.
// "<prefix>[0-9]*": the prefix, then a digit, then anything.
bool MatchPrefixDigit(std::string_view name, std::string_view prefix);
// "*-*": any name containing a '-'.
bool MatchHasDash(std::string_view name);

// procfs's ValueParser.PInt64 / PUInt64: decimal, or hexadecimal after "0x".
Result<std::int64_t> ParseSysInt64(std::string_view s);
Result<std::uint64_t> ParseSysUint64(std::string_view s);

// ListDir's names, or none on any error (filepath.Glob ignores I/O errors).
std::vector<std::string> ListNamesOrEmpty(const std::string& dir);

template <class Pred>
std::vector<std::string> GlobNames(const std::string& dir, Pred match) {
  std::vector<std::string> out;
  for (auto& n : ListNamesOrEmpty(dir)) {
    if (match(std::string_view(n))) out.push_back(std::move(n));
  }
  return out;
}

}  // namespace host_exporter::sysfs
