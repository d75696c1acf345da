// /sys/devices/system/clocksource/clocksource*/{available,current}_clocksource,
// per Documentation/ABI/testing/sysfs-devices-system-clocksource (not all of it:
// only what prometheus/procfs' sysfs.ClockSources reads).
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "host_exporter/paths.h"
#include "host_exporter/result.h"

namespace host_exporter::sysfs {

struct ClockSource {
  std::string name;                    // "0" for clocksource0
  std::vector<std::string> available;  // "tsc hpet acpi_pm" split on whitespace
  std::string current;                 // trimmed
};

// From the two files' contents.
ClockSource ParseClockSource(std::string_view available, std::string_view current);

// Entries named clocksource<digit>..., sorted by name as Go's filepath.Glob
// sorts them (clocksource10 before clocksource2). No (readable) clocksource
// directory: an empty list. A missing or unreadable file in an entry is an error with its path.
Result<std::vector<ClockSource>> ReadClockSources(const Paths& paths);

}  // namespace host_exporter::sysfs
