#include "host_exporter/procfs/net_xfrm_stat.h"

#include <string>
#include <utility>

#include "host_exporter/file.h"
#include "host_exporter/text.h"

namespace host_exporter::procfs {

Result<XfrmStat> ParseNetXfrmStat(std::string_view text) {
  using F = std::int64_t XfrmStat::*;
  static constexpr std::pair<std::string_view, F> kNames[] = {
      {"XfrmInError", &XfrmStat::in_error},
      {"XfrmInBufferError", &XfrmStat::in_buffer_error},
      {"XfrmInHdrError", &XfrmStat::in_hdr_error},
      {"XfrmInNoStates", &XfrmStat::in_no_states},
      {"XfrmInStateProtoError", &XfrmStat::in_state_proto_error},
      {"XfrmInStateModeError", &XfrmStat::in_state_mode_error},
      {"XfrmInStateSeqError", &XfrmStat::in_state_seq_error},
      {"XfrmInStateExpired", &XfrmStat::in_state_expired},
      {"XfrmInStateMismatch", &XfrmStat::in_state_mismatch},
      {"XfrmInStateInvalid", &XfrmStat::in_state_invalid},
      {"XfrmInTmplMismatch", &XfrmStat::in_tmpl_mismatch},
      {"XfrmInNoPols", &XfrmStat::in_no_pols},
      {"XfrmInPolBlock", &XfrmStat::in_pol_block},
      {"XfrmInPolError", &XfrmStat::in_pol_error},
      {"XfrmOutError", &XfrmStat::out_error},
      {"XfrmOutBundleGenError", &XfrmStat::out_bundle_gen_error},
      {"XfrmOutBundleCheckError", &XfrmStat::out_bundle_check_error},
      {"XfrmOutNoStates", &XfrmStat::out_no_states},
      {"XfrmOutStateProtoError", &XfrmStat::out_state_proto_error},
      {"XfrmOutStateModeError", &XfrmStat::out_state_mode_error},
      {"XfrmOutStateSeqError", &XfrmStat::out_state_seq_error},
      {"XfrmOutStateExpired", &XfrmStat::out_state_expired},
      {"XfrmOutPolBlock", &XfrmStat::out_pol_block},
      {"XfrmOutPolDead", &XfrmStat::out_pol_dead},
      {"XfrmOutPolError", &XfrmStat::out_pol_error},
      {"XfrmFwdHdrError", &XfrmStat::fwd_hdr_error},
      {"XfrmOutStateInvalid", &XfrmStat::out_state_invalid},
      {"XfrmAcquireError", &XfrmStat::acquire_error},
  };
  XfrmStat out;
  auto lines = SplitLines(text);
  for (std::size_t n = 0; n < lines.size(); ++n) {
    std::string where = "line " + std::to_string(n + 1) + ": ";
    auto fields = SplitFields(lines[n]);
    if (fields.size() != 2) {
      return ParseFail(where + "expected \"<name> <count>\", got \"" + std::string(lines[n].substr(0, 80)) + "\"");
    }
    auto v = ParseInt(fields[1]);
    if (!v) return ParseFail(where + std::string(fields[0]) + ": " + v.error().message);
    for (const auto& [name, field] : kNames) {
      if (fields[0] == name) out.*field = *v;
    }
  }
  return out;
}

Result<XfrmStat> ReadNetXfrmStat(const Paths& paths) {
  std::string path = paths.Proc("net/xfrm_stat");
  auto text = ReadFile(path);
  if (!text) return std::unexpected(text.error());
  auto parsed = ParseNetXfrmStat(*text);
  if (!parsed) return std::unexpected(InFile(path, parsed.error()));
  return parsed;
}

}  // namespace host_exporter::procfs
