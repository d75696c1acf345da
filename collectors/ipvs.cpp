// node_exporter's ipvs collector: node_ipvs_* from /proc/net/ip_vs_stats and /proc/net/ip_vs.
#include <algorithm>
#include <array>
#include <map>

#include "host_exporter/collector.h"
#include "host_exporter/procfs/net_ip_vs.h"
#include "host_exporter/text.h"

namespace host_exporter::collectors::ipvs {
namespace {

constexpr std::string_view kLabelsFlag = "collector.ipvs.backend-labels";
constexpr std::array<std::string_view, 6> kAllLabels = {"local_address", "local_port", "remote_address",
                                                        "remote_port",   "proto",      "local_mark"};

// node_exporter's parseIpvsLabels: known labels in their canonical order; any
// unknown one is an error listing them all, sorted.
Result<std::vector<std::string>> ParseLabels(std::string_view flag) {
  std::vector<std::string> given;
  for (std::string_view l : Split(flag, ',')) {
    if (!l.empty()) given.emplace_back(l);
  }
  std::vector<std::string> out;
  for (std::string_view l : kAllLabels) {
    if (std::find(given.begin(), given.end(), l) != given.end()) out.emplace_back(l);
    std::erase(given, std::string(l));
  }
  if (!given.empty()) {
    std::sort(given.begin(), given.end());
    given.erase(std::unique(given.begin(), given.end()), given.end());
    std::string list;
    for (const auto& l : given) list += (list.empty() ? "" : ", ") + l;
    return Fail(ErrorKind::kInvalidArgument,
                "--" + std::string(kLabelsFlag) + ": unknown IPVS backend labels: \"" + list + "\"");
  }
  return out;
}

std::string LabelValue(const procfs::IPVSBackendStatus& b, std::string_view label) {
  if (label == "local_address") return b.local_address;
  if (label == "local_port") return std::to_string(b.local_port);
  if (label == "remote_address") return b.remote_address;
  if (label == "remote_port") return std::to_string(b.remote_port);
  if (label == "proto") return b.proto;
  return b.local_mark;
}

class IpvsCollector final : public Collector {
 public:
  IpvsCollector(Paths paths, std::vector<std::string> labels) : paths_(std::move(paths)), labels_(std::move(labels)) {}

  Status Collect(MetricWriter& out) const override {
    auto stats = procfs::ReadIPVSStats(paths_);
    if (!stats) return std::unexpected(stats.error());  // no ip_vs_stats: IPVS not loaded, no data
    out.Counter("node_ipvs_connections_total", "The total number of connections made.",
                static_cast<double>(stats->connections));
    out.Counter("node_ipvs_incoming_packets_total", "The total number of incoming packets.",
                static_cast<double>(stats->incoming_packets));
    out.Counter("node_ipvs_outgoing_packets_total", "The total number of outgoing packets.",
                static_cast<double>(stats->outgoing_packets));
    out.Counter("node_ipvs_incoming_bytes_total", "The total amount of incoming data.",
                static_cast<double>(stats->incoming_bytes));
    out.Counter("node_ipvs_outgoing_bytes_total", "The total amount of outgoing data.",
                static_cast<double>(stats->outgoing_bytes));

    auto backends = procfs::ReadIPVSBackendStatus(paths_);
    if (!backends) {
      Error e = backends.error();
      // node_exporter does not treat a missing ip_vs as "no data" here.
      if (e.IsNoData()) e.kind = ErrorKind::kIo;
      e.message = "could not get backend status: " + e.message;
      return std::unexpected(e);
    }

    // Backends that share the selected label values are summed, keyed like
    // node_exporter (values joined with '-').
    struct Sum {
      std::vector<std::string> values;
      std::uint64_t active = 0, inactive = 0, weight = 0;
    };
    std::map<std::string, Sum> sums;
    for (const auto& b : *backends) {
      std::vector<std::string> values;
      std::string key;
      for (std::size_t i = 0; i < labels_.size(); ++i) {
        values.push_back(LabelValue(b, labels_[i]));
        if (i > 0) key.push_back('-');
        key += values.back();
      }
      Sum& s = sums[key];
      s.values = std::move(values);
      s.active += b.active_conn;
      s.inactive += b.inact_conn;
      s.weight += b.weight;
    }
    for (const auto& [key, s] : sums) {
      Labels labels;
      for (std::size_t i = 0; i < labels_.size(); ++i) labels.push_back(Label{labels_[i], s.values[i]});
      out.Gauge("node_ipvs_backend_connections_active", "The current active connections by local and remote address.",
                static_cast<double>(s.active), labels);
      out.Gauge("node_ipvs_backend_connections_inactive",
                "The current inactive connections by local and remote address.", static_cast<double>(s.inactive),
                labels);
      out.Gauge("node_ipvs_backend_weight", "The current backend weight by local and remote address.",
                static_cast<double>(s.weight), std::move(labels));
    }
    return {};
  }

 private:
  Paths paths_;
  std::vector<std::string> labels_;
};

}  // namespace

void DeclareFlags(FlagSet& flags) {
  flags.String(std::string(kLabelsFlag), "local_address,local_port,remote_address,remote_port,proto,local_mark",
               "Comma separated list for IPVS backend stats labels.");
}

Result<std::unique_ptr<Collector>> Create(const CollectorConfig& cfg) {
  auto labels = ParseLabels(cfg.flags.GetString(kLabelsFlag));
  if (!labels) return std::unexpected(labels.error());
  return std::make_unique<IpvsCollector>(cfg.paths, std::move(*labels));
}

}  // namespace host_exporter::collectors::ipvs
