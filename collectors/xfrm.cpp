// node_exporter's xfrm collector: the IPsec transformation error counters of
// /proc/net/xfrm_stat as node_xfrm_*_packets_total (disabled by default).
#include <string>
#include <utility>

#include "host_exporter/collector.h"
#include "host_exporter/procfs/net_xfrm_stat.h"

namespace host_exporter::collectors::xfrm {
namespace {

struct Counter {
  std::int64_t procfs::XfrmStat::*field;
  std::string_view name;
  std::string_view help;
};

// node_exporter's order, names and help strings.
constexpr Counter kCounters[] = {
    {&procfs::XfrmStat::in_error, "node_xfrm_in_error_packets_total", "All errors not matched by other"},
    {&procfs::XfrmStat::in_buffer_error, "node_xfrm_in_buffer_error_packets_total", "No buffer is left"},
    {&procfs::XfrmStat::in_hdr_error, "node_xfrm_in_hdr_error_packets_total", "Header error"},
    {&procfs::XfrmStat::in_no_states, "node_xfrm_in_no_states_packets_total",
     "No state is found i.e. Either inbound SPI, address, or IPsec protocol at SA is wrong"},
    {&procfs::XfrmStat::in_state_proto_error, "node_xfrm_in_state_proto_error_packets_total",
     "Transformation protocol specific error e.g. SA key is wrong"},
    {&procfs::XfrmStat::in_state_mode_error, "node_xfrm_in_state_mode_error_packets_total",
     "Transformation mode specific error"},
    {&procfs::XfrmStat::in_state_seq_error, "node_xfrm_in_state_seq_error_packets_total",
     "Sequence error i.e. Sequence number is out of window"},
    {&procfs::XfrmStat::in_state_expired, "node_xfrm_in_state_expired_packets_total", "State is expired"},
    {&procfs::XfrmStat::in_state_mismatch, "node_xfrm_in_state_mismatch_packets_total",
     "State has mismatch option e.g. UDP encapsulation type is mismatch"},
    {&procfs::XfrmStat::in_state_invalid, "node_xfrm_in_state_invalid_packets_total", "State is invalid"},
    {&procfs::XfrmStat::in_tmpl_mismatch, "node_xfrm_in_tmpl_mismatch_packets_total",
     "No matching template for states e.g. Inbound SAs are correct but SP rule is wrong"},
    {&procfs::XfrmStat::in_no_pols, "node_xfrm_in_no_pols_packets_total",
     "No policy is found for states e.g. Inbound SAs are correct but no SP is found"},
    {&procfs::XfrmStat::in_pol_block, "node_xfrm_in_pol_block_packets_total", "Policy discards"},
    {&procfs::XfrmStat::in_pol_error, "node_xfrm_in_pol_error_packets_total", "Policy error"},
    {&procfs::XfrmStat::out_error, "node_xfrm_out_error_packets_total", "All errors which is not matched others"},
    {&procfs::XfrmStat::out_bundle_gen_error, "node_xfrm_out_bundle_gen_error_packets_total",
     "Bundle generation error"},
    {&procfs::XfrmStat::out_bundle_check_error, "node_xfrm_out_bundle_check_error_packets_total",
     "Bundle check error"},
    {&procfs::XfrmStat::out_no_states, "node_xfrm_out_no_states_packets_total", "No state is found"},
    {&procfs::XfrmStat::out_state_proto_error, "node_xfrm_out_state_proto_error_packets_total",
     "Transformation protocol specific error"},
    {&procfs::XfrmStat::out_state_mode_error, "node_xfrm_out_state_mode_error_packets_total",
     "Transformation mode specific error"},
    {&procfs::XfrmStat::out_state_seq_error, "node_xfrm_out_state_seq_error_packets_total",
     "Sequence error i.e. Sequence number overflow"},
    {&procfs::XfrmStat::out_state_expired, "node_xfrm_out_state_expired_packets_total", "State is expired"},
    {&procfs::XfrmStat::out_pol_block, "node_xfrm_out_pol_block_packets_total", "Policy discards"},
    {&procfs::XfrmStat::out_pol_dead, "node_xfrm_out_pol_dead_packets_total", "Policy is dead"},
    {&procfs::XfrmStat::out_pol_error, "node_xfrm_out_pol_error_packets_total", "Policy error"},
    {&procfs::XfrmStat::fwd_hdr_error, "node_xfrm_fwd_hdr_error_packets_total",
     "Forward routing of a packet is not allowed"},
    {&procfs::XfrmStat::out_state_invalid, "node_xfrm_out_state_invalid_packets_total",
     "State is invalid, perhaps expired"},
    {&procfs::XfrmStat::acquire_error, "node_xfrm_acquire_error_packets_total",
     "State hasn\u2019t been fully acquired before use"},
};

class XfrmCollector final : public Collector {
 public:
  explicit XfrmCollector(Paths paths) : paths_(std::move(paths)) {}

  Status Collect(MetricWriter& out) const override {
    auto stat = procfs::ReadNetXfrmStat(paths_);
    if (!stat) return std::unexpected(stat.error());
    for (const auto& c : kCounters) out.Counter(c.name, c.help, static_cast<double>((*stat).*(c.field)));
    return {};
  }

 private:
  Paths paths_;
};

}  // namespace

void DeclareFlags(FlagSet&) {}

Result<std::unique_ptr<Collector>> Create(const CollectorConfig& cfg) {
  return std::make_unique<XfrmCollector>(cfg.paths);
}

}  // namespace host_exporter::collectors::xfrm
