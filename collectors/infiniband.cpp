// node_exporter's infiniband collector: node_infiniband_* from /sys/class/infiniband.
#include <string>

#include "host_exporter/collector.h"
#include "host_exporter/sysfs/class_infiniband.h"

namespace host_exporter::collectors::infiniband {
namespace {

using Counters = sysfs::InfiniBandCounters;

struct CounterMetric {
  std::string_view name;  // without the node_infiniband_ prefix
  std::string_view help;
  std::optional<std::uint64_t> Counters::*field;
};

constexpr CounterMetric kCounters[] = {
    {"legacy_multicast_packets_received_total", "Number of multicast packets received",
     &Counters::legacy_port_multicast_rcv_packets},
    {"legacy_multicast_packets_transmitted_total", "Number of multicast packets transmitted",
     &Counters::legacy_port_multicast_xmit_packets},
    {"legacy_data_received_bytes_total", "Number of data octets received on all links",
     &Counters::legacy_port_rcv_data64},
    {"legacy_packets_received_total", "Number of data packets received on all links",
     &Counters::legacy_port_rcv_packets64},
    {"legacy_unicast_packets_received_total", "Number of unicast packets received",
     &Counters::legacy_port_unicast_rcv_packets},
    {"legacy_unicast_packets_transmitted_total", "Number of unicast packets transmitted",
     &Counters::legacy_port_unicast_xmit_packets},
    {"legacy_data_transmitted_bytes_total", "Number of data octets transmitted on all links",
     &Counters::legacy_port_xmit_data64},
    // node_exporter's HELP says "received" here too.
    {"legacy_packets_transmitted_total", "Number of data packets received on all links",
     &Counters::legacy_port_xmit_packets64},
    {"excessive_buffer_overrun_errors_total",
     "Number of times that OverrunErrors consecutive flow control update periods occurred, each having at "
     "least one overrun error.",
     &Counters::excessive_buffer_overrun_errors},
    {"link_downed_total", "Number of times the link failed to recover from an error state and went down",
     &Counters::link_downed},
    {"link_error_recovery_total", "Number of times the link successfully recovered from an error state",
     &Counters::link_error_recovery},
    {"local_link_integrity_errors_total",
     "Number of times that the count of local physical errors exceeded the threshold specified by "
     "LocalPhyErrors.",
     &Counters::local_link_integrity_errors},
    {"multicast_packets_received_total", "Number of multicast packets received (including errors)",
     &Counters::multicast_rcv_packets},
    {"multicast_packets_transmitted_total", "Number of multicast packets transmitted (including errors)",
     &Counters::multicast_xmit_packets},
    {"port_constraint_errors_received_total",
     "Number of packets received on the switch physical port that are discarded",
     &Counters::port_rcv_constraint_errors},
    {"port_constraint_errors_transmitted_total", "Number of packets not transmitted from the switch physical port",
     &Counters::port_xmit_constraint_errors},
    {"port_data_received_bytes_total", "Number of data octets received on all links", &Counters::port_rcv_data},
    {"port_data_transmitted_bytes_total", "Number of data octets transmitted on all links",
     &Counters::port_xmit_data},
    {"port_discards_received_total",
     "Number of inbound packets discarded by the port because the port is down or congested",
     &Counters::port_rcv_discards},
    {"port_discards_transmitted_total",
     "Number of outbound packets discarded by the port because the port is down or congested",
     &Counters::port_xmit_discards},
    {"port_errors_received_total", "Number of packets containing an error that were received on this port",
     &Counters::port_rcv_errors},
    {"port_packets_received_total", "Number of packets received on all VLs by this port (including errors)",
     &Counters::port_rcv_packets},
    {"port_packets_transmitted_total", "Number of packets transmitted on all VLs from this port (including errors)",
     &Counters::port_xmit_packets},
    {"port_transmit_wait_total",
     "Number of ticks during which the port had data to transmit but no data was sent during the entire tick",
     &Counters::port_xmit_wait},
    {"unicast_packets_received_total", "Number of unicast packets received (including errors)",
     &Counters::unicast_rcv_packets},
    {"unicast_packets_transmitted_total", "Number of unicast packets transmitted (including errors)",
     &Counters::unicast_xmit_packets},
    {"port_receive_remote_physical_errors_total",
     "Number of packets marked with the EBP (End of Bad Packet) delimiter received on the port.",
     &Counters::port_rcv_remote_physical_errors},
    {"port_receive_switch_relay_errors_total", "Number of packets that could not be forwarded by the switch.",
     &Counters::port_rcv_switch_relay_errors},
    {"symbol_error_total", "Number of minor link errors detected on one or more physical lanes.",
     &Counters::symbol_error},
    {"vl15_dropped_total", "Number of incoming VL15 packets dropped due to resource limitations.",
     &Counters::vl15_dropped},
};

class InfinibandCollector final : public Collector {
 public:
  explicit InfinibandCollector(Paths paths) : paths_(std::move(paths)) {}

  Status Collect(MetricWriter& out) const override {
    // A missing file anywhere (no /sys/class/infiniband, a port without state)
    // is "no data", as node_exporter's errors.Is(err, os.ErrNotExist).
    auto devices = sysfs::ReadInfiniBandClass(paths_);
    if (!devices) return std::unexpected(devices.error());

    for (const auto& d : *devices) {
      out.Gauge("node_infiniband_info", "Non-numeric data from /sys/class/infiniband/<device>, value is always 1.", 1,
                {{"device", d.name},
                 {"board_id", d.board_id},
                 {"firmware_version", d.firmware_version},
                 {"hca_type", d.hca_type}});
      for (const auto& [num, p] : d.ports) {
        std::string port = std::to_string(num);
        auto gauge = [&](std::string_view name, std::string_view help, double v) {
          out.Gauge(name, help, v, {{"device", p.name}, {"port", port}});
        };
        gauge("node_infiniband_state_id",
              "State of the InfiniBand port (0: no change, 1: down, 2: init, 3: armed, 4: active, 5: act defer)",
              p.state_id);
        gauge("node_infiniband_physical_state_id",
              "Physical state of the InfiniBand port (0: no change, 1: sleep, 2: polling, 3: disable, 4: shift, 5: "
              "link up, 6: link error recover, 7: phytest)",
              p.phys_state_id);
        gauge("node_infiniband_rate_bytes_per_second", "Maximum signal transfer rate", static_cast<double>(p.rate));
        for (const auto& m : kCounters) {
          const auto& v = p.counters.*(m.field);
          if (!v) continue;
          out.Counter("node_infiniband_" + std::string(m.name), m.help, static_cast<double>(*v),
                      {{"device", p.name}, {"port", port}});
        }
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
  return std::make_unique<InfinibandCollector>(cfg.paths);
}

}  // namespace host_exporter::collectors::infiniband
