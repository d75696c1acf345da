// /sys/kernel/mm/ksm/*, per Documentation/admin-guide/mm/ksm.rst and
// Documentation/ABI/testing/sysfs-kernel-mm-ksm: one decimal number per file.
#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "host_exporter/paths.h"
#include "host_exporter/result.h"

namespace host_exporter::sysfs {

// The files node_exporter's ksmd collector reads, in its order.
inline constexpr std::array<std::string_view, 10> kKsmFiles = {
    "full_scans",    "general_profit", "merge_across_nodes", "pages_shared", "pages_sharing",
    "pages_to_scan", "pages_unshared", "pages_volatile",     "run",          "sleep_millisecs"};

struct KsmValue {
  std::string_view file;  // one of kKsmFiles
  std::uint64_t value = 0;
};

// An unsigned decimal with surrounding whitespace (node_exporter's
// readUintFromFile); anything else, a negative general_profit included, is an error.
Result<std::uint64_t> ParseKsmValue(std::string_view text);
// The kKsmFiles that exist, in that order: a missing file (an older kernel, or
// no CONFIG_KSM) is left out; another read error or a bad value fails, naming the file.
Result<std::vector<KsmValue>> ReadKsm(const Paths& paths);

}  // namespace host_exporter::sysfs
