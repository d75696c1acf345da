// node_exporter's fibrechannel collector: node_fibrechannel_* per FC host from
// /sys/class/fc_host.
#include <cstdint>
#include <limits>

#include "host_exporter/collector.h"
#include "host_exporter/sysfs/fc_host.h"

namespace host_exporter::collectors::fibrechannel {
namespace {

class FibrechannelCollector final : public Collector {
 public:
  explicit FibrechannelCollector(Paths paths) : paths_(std::move(paths)) {}

  Status Collect(MetricWriter& out) const override {
    auto hosts = sysfs::ReadFcHosts(paths_);
    if (!hosts) {
      if (hosts.error().kind == ErrorKind::kNotFound) {
        return NoData("fibrechannel statistics not found, skipping: " + hosts.error().message);
      }
      return Fail(hosts.error().kind,
                  "error obtaining FibreChannel class info: " + hosts.error().message);
    }
    for (const auto& h : *hosts) {
      out.Gauge("node_fibrechannel_info",
                "Non-numeric data from /sys/class/fc_host/<host>, value is always 1.", 1,
                {{"fc_host", h.name},
                 {"speed", h.speed},
                 {"port_state", h.port_state},
                 {"port_type", h.port_type},
                 {"port_id", h.port_id},
                 {"port_name", h.port_name},
                 {"fabric_name", h.fabric_name},
                 {"symbolic_name", h.symbolic_name},
                 {"supported_classes", h.supported_classes},
                 {"supported_speeds", h.supported_speeds},
                 {"dev_loss_tmo", h.dev_loss_tmo}});
      const auto& c = h.counters;
      auto counter = [&](std::string_view name, std::string_view help, std::uint64_t v) {
        // 2^64-1 is the HBA firmware's "not implemented".
        if (v == std::numeric_limits<std::uint64_t>::max()) return;
        out.Counter(name, help, static_cast<double>(v), {{"fc_host", h.name}});
      };
      counter("node_fibrechannel_dumped_frames_total", "Number of dumped frames", c.dumped_frames);
      counter("node_fibrechannel_error_frames_total", "Number of errors in frames", c.error_frames);
      counter("node_fibrechannel_invalid_crc_total", "Invalid Cyclic Redundancy Check count",
              c.invalid_crc_count);
      counter("node_fibrechannel_rx_frames_total", "Number of frames received", c.rx_frames);
      counter("node_fibrechannel_rx_words_total", "Number of words received by host port",
              c.rx_words);
      counter("node_fibrechannel_tx_frames_total", "Number of frames transmitted by host port",
              c.tx_frames);
      counter("node_fibrechannel_tx_words_total", "Number of words transmitted by host port",
              c.tx_words);
      counter("node_fibrechannel_seconds_since_last_reset_total",
              "Number of seconds since last host port reset", c.seconds_since_last_reset);
      counter("node_fibrechannel_invalid_tx_words_total",
              "Number of invalid words transmitted by host port", c.invalid_tx_word_count);
      counter("node_fibrechannel_link_failure_total",
              "Number of times the host port link has failed", c.link_failure_count);
      counter("node_fibrechannel_loss_of_sync_total",
              "Number of failures on either bit or transmission word boundaries",
              c.loss_of_sync_count);
      counter("node_fibrechannel_loss_of_signal_total", "Number of times signal has been lost",
              c.loss_of_signal_count);
      counter("node_fibrechannel_nos_total",
              "Number Not_Operational Primitive Sequence received by host port", c.nos_count);
      counter("node_fibrechannel_fcp_packet_aborts_total", "Number of aborted packets",
              c.fcp_packet_aborts);
    }
    return {};
  }

 private:
  Paths paths_;
};

}  // namespace

void DeclareFlags(FlagSet&) {}

Result<std::unique_ptr<Collector>> Create(const CollectorConfig& cfg) {
  return std::make_unique<FibrechannelCollector>(cfg.paths);
}

}  // namespace host_exporter::collectors::fibrechannel
