// /sys/devices/system/edac/mc/mc<N>/..., per Documentation/admin-guide/ras.rst
// ("EDAC sysfs"): controller, csrow and per-channel error counts.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "host_exporter/paths.h"
#include "host_exporter/result.h"

namespace host_exporter::sysfs {

struct EdacChannel {
  std::string channel;     // "0" from ch0_ce_count
  std::string dimm_label;  // ch<N>_dimm_label, reformatted; "unknown" when absent
  std::uint64_t ce_count = 0;
  std::optional<std::uint64_t> ue_count;  // absent or unreadable: not reported
};

struct EdacCsrow {
  std::string csrow;  // "0" from csrow0
  std::uint64_t ce_count = 0;
  std::uint64_t ue_count = 0;
  std::vector<EdacChannel> channels;
};

struct EdacController {
  std::string controller;  // "0" from mc0
  std::uint64_t ce_count = 0;
  std::uint64_t ce_noinfo_count = 0;
  std::uint64_t ue_count = 0;
  std::uint64_t ue_noinfo_count = 0;
  std::vector<EdacCsrow> csrows;
};

// node_exporter's DIMM label rewrite: trim, drop '#', "csrow" -> "_csrow",
// "channel" -> "_channel" ("mc0csrow0channel1" -> "mc0_csrow0_channel1").
std::string FormatEdacDimmLabel(std::string_view raw);
// The channel number in a "ch<N>_ce_count" file name; nullopt when there is none.
std::optional<std::string> EdacChannelFromFileName(std::string_view name);

// Every mc[0-9]* controller; none (no EDAC driver): an empty list. A missing or
// malformed counter of a controller, csrow or channel CE count fails the read
// naming it; a channel's UE count is optional, as in node_exporter.
Result<std::vector<EdacController>> ReadEdac(const Paths& paths);

}  // namespace host_exporter::sysfs
