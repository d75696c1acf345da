// /proc/net/stat/<table> (arp_cache, ndisc_cache, nf_conntrack, rt_cache, ...;
// see lnstat(8)): a header line of counter names, then one line of hexadecimal
// counters per CPU. Parsed as prometheus/procfs does (net_stat.go).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "host_exporter/paths.h"
#include "host_exporter/result.h"

namespace host_exporter::procfs {

struct NetStatColumn {
  std::string name;                    // header word, e.g. "entries"
  std::vector<std::uint64_t> per_cpu;  // index = CPU
};

struct NetStatTable {
  std::string file;                    // "arp_cache"
  std::vector<NetStatColumn> columns;  // header order; a repeated header word shares one column
};

// Words of the first line are the column names; each later line's words are
// hexadecimal counters (Go's ParseUint(s, 16, 64): no "0x", no sign) appended
// to the column at the same position. A counter that is not hexadecimal, or a
// line with more counters than header words, is an error naming the line.
Result<std::vector<NetStatColumn>> ParseNetStatTable(std::string_view text);
// Every entry of <procfs>/net/stat, sorted by name; a missing directory gives
// none, a subdirectory an empty table.
Result<std::vector<NetStatTable>> ReadNetStatTables(const Paths& paths);

}  // namespace host_exporter::procfs
