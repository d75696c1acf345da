#include "host_exporter/sysfs/fc_host.h"

#include <cerrno>

#include "host_exporter/file.h"
#include "host_exporter/gocompat/strconv.h"
#include "host_exporter/sysfs/attr.h"
#include "host_exporter/text.h"

namespace host_exporter::sysfs {
namespace {

std::string StripHexPrefix(std::string v) {
  // procfs drops the first two characters of anything longer than two.
  return v.size() > 2 ? v.substr(2) : v;
}

Result<FcHost> ReadHost(const std::string& dir, const std::string& name) {
  FcHost h;
  h.name = name;
  struct Field {
    const char* file;
    std::string FcHost::*dst;
    bool strip;
  };
  static constexpr Field kFields[] = {
      {"speed", &FcHost::speed, false},
      {"port_state", &FcHost::port_state, false},
      {"port_type", &FcHost::port_type, false},
      {"node_name", &FcHost::node_name, true},
      {"port_id", &FcHost::port_id, true},
      {"port_name", &FcHost::port_name, true},
      {"fabric_name", &FcHost::fabric_name, true},
      {"dev_loss_tmo", &FcHost::dev_loss_tmo, false},
      {"symbolic_name", &FcHost::symbolic_name, false},
      {"supported_classes", &FcHost::supported_classes, false},
      {"supported_speeds", &FcHost::supported_speeds, false},
  };
  for (const auto& f : kFields) {
    std::string path = dir + "/" + f.file;
    auto v = ReadSysAttr(path);
    if (!v) {
      if (v.error().kind == ErrorKind::kNotFound) continue;
      return Fail(ErrorKind::kIo, "failed to read file \"" + path + "\": " + v.error().message);
    }
    h.*f.dst = f.strip ? StripHexPrefix(std::move(*v)) : std::move(*v);
  }

  std::string stats = dir + "/statistics";
  auto files = ReadDir(stats);
  if (!files) return std::unexpected(files.error());
  for (const auto& entry : *files) {
    const std::string& f = entry.name;
    if (f == "reset_statistics" || !entry.regular) continue;
    std::string path = stats + "/" + f;
    auto v = ReadSysAttr(path);
    if (!v) {
      // Write-only and unsupported attributes fail to read; procfs skips them.
      const Error& e = v.error();
      if (e.kind == ErrorKind::kNotFound || e.errnum == EOPNOTSUPP || e.errnum == EINVAL) continue;
      return Fail(ErrorKind::kIo, "failed to read file \"" + path + "\": " + e.message);
    }
    if (auto st = ParseFcHostStatistic(f, *v, h.counters); !st) {
      return std::unexpected(InFile(path, st.error()));
    }
  }
  return h;
}

}  // namespace

Status ParseFcHostStatistic(std::string_view name, std::string_view value, FcHostCounters& out) {
  struct Field {
    std::string_view name;
    std::uint64_t FcHostCounters::*dst;
  };
  static constexpr Field kFields[] = {
      {"dumped_frames", &FcHostCounters::dumped_frames},
      {"error_frames", &FcHostCounters::error_frames},
      {"fcp_packet_aborts", &FcHostCounters::fcp_packet_aborts},
      {"invalid_tx_word_count", &FcHostCounters::invalid_tx_word_count},
      {"invalid_crc_count", &FcHostCounters::invalid_crc_count},
      {"link_failure_count", &FcHostCounters::link_failure_count},
      {"loss_of_signal_count", &FcHostCounters::loss_of_signal_count},
      {"loss_of_sync_count", &FcHostCounters::loss_of_sync_count},
      {"nos_count", &FcHostCounters::nos_count},
      {"rx_frames", &FcHostCounters::rx_frames},
      {"rx_words", &FcHostCounters::rx_words},
      {"seconds_since_last_reset", &FcHostCounters::seconds_since_last_reset},
      {"tx_frames", &FcHostCounters::tx_frames},
      {"tx_words", &FcHostCounters::tx_words},
  };
  for (const auto& f : kFields) {
    if (f.name != name) continue;
    auto v = gocompat::ParseUintBase0(Trim(value));
    if (!v) return std::unexpected(v.error());
    out.*f.dst = *v;
    return {};
  }
  return {};
}

Result<std::vector<FcHost>> ReadFcHosts(const Paths& paths) {
  std::string root = paths.Sys("class/fc_host");
  auto names = ListDir(root);
  if (!names) return std::unexpected(names.error());
  std::vector<FcHost> out;
  for (const auto& n : *names) {
    auto h = ReadHost(root + "/" + n, n);
    if (!h) return std::unexpected(h.error());
    out.push_back(std::move(*h));
  }
  return out;
}

}  // namespace host_exporter::sysfs
