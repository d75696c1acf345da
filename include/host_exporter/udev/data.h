// udev's device database (<--path.udev.data>/b<major>:<minor>), per udevadm(8):
// lines "E:KEY=value" hold the device's properties; other lines (S: symlinks,
// I: init time, G: tags, ...) are ignored.
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <string_view>

#include "host_exporter/paths.h"
#include "host_exporter/result.h"

namespace host_exporter::udev {

using Properties = std::map<std::string, std::string, std::less<>>;

// Never fails: a line without "=" is skipped and a repeated key keeps its last
// value. Values are kept as written (udev escapes nothing in this file).
Result<Properties> ParseDeviceData(std::string_view text);
// The properties of block device major:minor (file "b<major>:<minor>").
Result<Properties> ReadBlockDeviceProperties(const Paths& paths, std::uint32_t major,
                                             std::uint32_t minor);

// Value of key, or "" when absent.
std::string_view Get(const Properties& props, std::string_view key);

}  // namespace host_exporter::udev
