// node_exporter's udp_queues collector: node_udp_queues{queue="tx|rx",ip="v4|v6"},
// the summed tx_queue/rx_queue of /proc/net/udp and /proc/net/udp6.
#include "host_exporter/collector.h"
#include "host_exporter/procfs/net_udp.h"

namespace host_exporter::collectors::udp_queues {
namespace {

constexpr std::string_view kHelp = "Number of allocated memory in the kernel for UDP datagrams in bytes.";

class UdpQueuesCollector final : public Collector {
 public:
  explicit UdpQueuesCollector(Paths paths) : paths_(std::move(paths)) {}

  Status Collect(MetricWriter& out) const override {
    // Each file may be missing (no IPv4 or no IPv6): skipped; both missing is no data.
    bool v4_missing = false;
    auto v4 = procfs::ReadNetUDP(paths_);
    if (v4) {
      out.Gauge("node_udp_queues", kHelp, static_cast<double>(v4->tx_queue), {{"queue", "tx"}, {"ip", "v4"}});
      out.Gauge("node_udp_queues", kHelp, static_cast<double>(v4->rx_queue), {{"queue", "rx"}, {"ip", "v4"}});
    } else if (v4.error().kind == ErrorKind::kNotFound) {
      v4_missing = true;
    } else {
      return Fail(v4.error().kind, "couldn't get udp queued bytes: " + v4.error().message);
    }
    auto v6 = procfs::ReadNetUDP6(paths_);
    if (v6) {
      out.Gauge("node_udp_queues", kHelp, static_cast<double>(v6->tx_queue), {{"queue", "tx"}, {"ip", "v6"}});
      out.Gauge("node_udp_queues", kHelp, static_cast<double>(v6->rx_queue), {{"queue", "rx"}, {"ip", "v6"}});
    } else if (v6.error().kind != ErrorKind::kNotFound) {
      return Fail(v6.error().kind, "couldn't get udp6 queued bytes: " + v6.error().message);
    } else if (v4_missing) {
      return NoData("neither " + paths_.Proc("net/udp") + " nor " + paths_.Proc("net/udp6") + " exists");
    }
    return {};
  }

 private:
  Paths paths_;
};

}  // namespace

void DeclareFlags(FlagSet&) {}

Result<std::unique_ptr<Collector>> Create(const CollectorConfig& cfg) {
  return std::make_unique<UdpQueuesCollector>(cfg.paths);
}

}  // namespace host_exporter::collectors::udp_queues
