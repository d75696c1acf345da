// /proc/net/netstat and /proc/net/snmp (pairs of "Proto: Name1 Name2 ..." /
// "Proto: v1 v2 ..." lines; net/ipv4/proc.c) and /proc/net/snmp6 ("Ip6InReceives
// 123" per line; net/ipv6/proc.c), parsed as node_exporter's netstat collector
// parses them.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "host_exporter/paths.h"
#include "host_exporter/result.h"

namespace host_exporter::procfs {

// Names and values are views into the text parsed, which the caller keeps:
// the files hold a few hundred fields, and a scrape that copied each name and
// value into strings spent more on the allocations than on the parse.
struct NetStatValue {
  std::string_view name;         // "InSegs"
  std::string_view text;         // the value as written
  std::optional<double> value;   // empty when text is not a number
};

struct NetStatProtocol {
  std::string_view protocol;  // "Tcp", "TcpExt", "Ip6", ...
  std::vector<NetStatValue> values;  // unique names; a later duplicate replaces the value
};

// Unique protocols in order of first appearance; a repeated header replaces
// the protocol's values.
using NetStats = std::vector<NetStatProtocol>;

// Header/value line pairs split on single spaces; the protocol is the first
// field without its last character (the ':'). Field counts that differ between
// a header and its value line (including a header without a value line) are an
// error naming the protocol. Values are kept as written: node_exporter only
// rejects a bad number when it converts it.
Result<NetStats> ParseNetStats(std::string_view text);
// "<Proto6><Name> <value>" lines; the protocol ends at the first '6'. Lines
// with fewer than two fields or without a '6' in the name are skipped.
NetStats ParseSnmp6(std::string_view text);

// Each reads its file into `text` and parses it; the result points into `text`.
Result<NetStats> ReadNetNetstat(const Paths& paths, std::string& text);  // net/netstat
Result<NetStats> ReadNetSnmp(const Paths& paths, std::string& text);     // net/snmp
// Missing file (IPv6 disabled): an empty result, as node_exporter.
Result<NetStats> ReadNetSnmp6(const Paths& paths, std::string& text);

}  // namespace host_exporter::procfs
