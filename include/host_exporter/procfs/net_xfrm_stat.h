// /proc/net/xfrm_stat (net/xfrm/xfrm_proc.c, Documentation/networking/xfrm_proc.rst):
// "<Name> <count>" lines, parsed as prometheus/procfs's NewXfrmStat does.
#pragma once

#include <cstdint>
#include <string_view>

#include "host_exporter/paths.h"
#include "host_exporter/result.h"

namespace host_exporter::procfs {

// The counters procfs knows (XfrmInError ... XfrmAcquireError); absent lines stay 0.
struct XfrmStat {
  std::int64_t in_error = 0, in_buffer_error = 0, in_hdr_error = 0, in_no_states = 0, in_state_proto_error = 0,
               in_state_mode_error = 0, in_state_seq_error = 0, in_state_expired = 0, in_state_mismatch = 0,
               in_state_invalid = 0, in_tmpl_mismatch = 0, in_no_pols = 0, in_pol_block = 0, in_pol_error = 0,
               out_error = 0, out_bundle_gen_error = 0, out_bundle_check_error = 0, out_no_states = 0,
               out_state_proto_error = 0, out_state_mode_error = 0, out_state_seq_error = 0,
               out_state_expired = 0, out_pol_block = 0, out_pol_dead = 0, out_pol_error = 0,
               fwd_hdr_error = 0, out_state_invalid = 0, acquire_error = 0;
};

// Every line must have exactly two fields, the second a decimal int64 (Go's
// Atoi); unknown names are ignored; an empty text gives all zeros.
Result<XfrmStat> ParseNetXfrmStat(std::string_view text);
Result<XfrmStat> ReadNetXfrmStat(const Paths& paths);

}  // namespace host_exporter::procfs
