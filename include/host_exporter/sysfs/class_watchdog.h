// /sys/class/watchdog/<watchdog>/*, per Documentation/ABI/testing/sysfs-class-watchdog,
// read as prometheus/procfs's WatchdogClass does. Every attribute is optional: older
// kernels and simpler drivers expose fewer (pretimeout, access_cs0 are recent).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "host_exporter/paths.h"
#include "host_exporter/result.h"

namespace host_exporter::sysfs {

struct Watchdog {
  std::string name;  // "watchdog0"
  std::optional<std::int64_t> bootstatus, fw_version, nowayout, timeleft, timeout, pretimeout, access_cs0;
  std::optional<std::string> options, identity, state, status, pretimeout_governor;
};

// The attribute files procfs reads, in its order.
inline constexpr std::string_view kWatchdogAttributes[] = {
    "bootstatus", "options",    "fw_version",          "identity",  "nowayout", "state", "status", "timeleft",
    "timeout",    "pretimeout", "pretimeout_governor", "access_cs0"};

// Pure. Stores one attribute (trimmed content); numbers are decimal or "0x" hex int64.
Status SetWatchdogAttribute(Watchdog& wd, std::string_view attr, std::string_view value);
// Pure. SetWatchdogAttribute for each (attribute, content); errors name the attribute.
Result<Watchdog> ParseWatchdog(std::string name,
                               const std::vector<std::pair<std::string, std::string>>& attrs);

// Every entry of /sys/class/watchdog, sorted. Missing attribute files are skipped.
// Errors: kNotFound (no class directory, as node_exporter: no data), kNoData
// (permission denied), kIo, kParse naming the file.
Result<std::vector<Watchdog>> ReadWatchdogs(const Paths& paths);

}  // namespace host_exporter::sysfs
