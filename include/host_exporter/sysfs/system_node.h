// /sys/devices/system/node/node<N>/{meminfo,numastat}, per
// Documentation/ABI/stable/sysfs-devices-node: per-NUMA-node memory counters,
// parsed as node_exporter's meminfo_numa collector parses them.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "host_exporter/paths.h"
#include "host_exporter/result.h"

namespace host_exporter::sysfs {

struct NodeMeminfoValue {
  std::string node;  // the second word of the line: "0" of "Node 0 MemTotal: ..."
  std::string key;   // third word without trailing ':': "Active(anon)"
  double value = 0;  // bytes when the line has a "kB" unit, else as written
};

struct NodeNumastatValue {
  std::string key;  // "numa_hit"
  double value = 0;
};

struct NumaNode {
  std::string number;  // digits after "node" in the directory name
  std::vector<NodeMeminfoValue> meminfo;
  std::vector<NodeNumastatValue> numastat;
};

// "Node <n> <Key>: <value> [kB]" per line; blank lines are skipped. Fewer than
// four words, a value that is not a number, or a fifth word other than "kB"
// is an error naming the line.
Result<std::vector<NodeMeminfoValue>> ParseNodeMeminfo(std::string_view text);
// "<key> <value>" per line; blank lines are skipped. Any other number of words
// or a value that is not a number is an error naming the line.
Result<std::vector<NodeNumastatValue>> ParseNodeNumastat(std::string_view text);

// Every entry "node[0-9]*" of <sysfs>/devices/system/node, sorted by name;
// none when the directory is missing (no NUMA support). A node without a
// readable meminfo or numastat fails, naming the file.
Result<std::vector<NumaNode>> ReadNumaNodes(const Paths& paths);

}  // namespace host_exporter::sysfs
