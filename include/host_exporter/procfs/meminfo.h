// /proc/meminfo, per Documentation/filesystems/proc.rst ("meminfo"), parsed as
// prometheus/procfs parses it (meminfo.go).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "host_exporter/paths.h"
#include "host_exporter/result.h"

namespace host_exporter::procfs {

struct MeminfoLine {
  std::string key;           // first field as written, e.g. "Active(anon):"
  std::uint64_t value = 0;   // the number as written
  std::uint64_t bytes = 0;   // value * 1024 with a "kB" unit, else value
};

struct Meminfo {
  std::vector<MeminfoLine> lines;  // file order
  // The last line with this key ("MemTotal:"), or nullptr.
  const MeminfoLine* Find(std::string_view key) const;
};

// "Name:   123 kB" or "Name:   123" per line. A line with fewer than two or
// more than three fields, a unit other than "kB", or a value that is not an
// unsigned integer (Go base-0 syntax) is an error naming the line.
Result<Meminfo> ParseMeminfo(std::string_view text);
Result<Meminfo> ReadMeminfo(const Paths& paths);

}  // namespace host_exporter::procfs
