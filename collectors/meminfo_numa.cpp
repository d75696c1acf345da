// node_exporter's meminfo_numa collector: node_memory_numa_<field> per NUMA node
// from /sys/devices/system/node/node<N>/{meminfo,numastat}.
#include <string>

#include "host_exporter/collector.h"
#include "host_exporter/sysfs/system_node.h"
#include "metric_name.h"
#include "series_set.h"

namespace host_exporter::collectors::meminfo_numa {
namespace {

// "Active(anon)" -> "Active_anon": node_exporter's `\((.*)\)` -> "_${1}"
// (greedy, so from the first '(' to the last ')').
std::string FieldName(std::string_view key) {
  std::size_t open = key.find('(');
  std::size_t close = key.rfind(')');
  if (open == std::string_view::npos || close == std::string_view::npos || close < open) return std::string(key);
  return std::string(key.substr(0, open)) + "_" + std::string(key.substr(open + 1, close - open - 1)) +
         std::string(key.substr(close + 1));
}

// Thread safety: immutable after Create; Collect is const and reentrant.
class MeminfoNumaCollector final : public Collector {
 public:
  explicit MeminfoNumaCollector(Paths paths) : paths_(std::move(paths)) {}

  Status Collect(MetricWriter& out) const override {
    auto nodes = sysfs::ReadNumaNodes(paths_);
    if (!nodes) {
      // A node directory without its files fails in node_exporter (an error, not "no data").
      Error e = nodes.error();
      if (e.kind == ErrorKind::kNotFound) e.kind = ErrorKind::kIo;
      return std::unexpected(std::move(e));
    }
    SeriesSet seen;
    auto emit = [&](prometheus::MetricType type, const std::string& field, const std::string& node,
                    double value) -> Status {
      std::string name = "node_memory_numa_" + field;
      if (!ValidMetricName(name)) {
        return ParseFail(paths_.Sys("devices/system/node") + ": field \"" + field + "\" gives an invalid metric name");
      }
      if (seen.Insert(name, {{"node", node}})) {
        out.Add(type, name, "Memory information field " + field + ".", value, {{"node", node}});
      }
      return {};
    };
    for (const sysfs::NumaNode& n : *nodes) {
      for (const auto& v : n.meminfo) {
        if (auto s = emit(prometheus::MetricType::Gauge, FieldName(v.key), v.node, v.value); !s) return s;
      }
      for (const auto& v : n.numastat) {
        if (auto s = emit(prometheus::MetricType::Counter, v.key + "_total", n.number, v.value); !s) return s;
      }
    }
    return {};
  }

 private:
  Paths paths_;
};

}  // namespace

void DeclareFlags(FlagSet&) {}

Result<std::unique_ptr<Collector>> Create(const CollectorConfig& cfg) {
  return std::make_unique<MeminfoNumaCollector>(cfg.paths);
}

}  // namespace host_exporter::collectors::meminfo_numa
