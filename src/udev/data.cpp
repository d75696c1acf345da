#include "host_exporter/udev/data.h"

#include "host_exporter/file.h"
#include "host_exporter/text.h"

namespace host_exporter::udev {

Result<Properties> ParseDeviceData(std::string_view text) {
  Properties out;
  for (std::string_view line : ScanLines(text)) {
    if (!line.starts_with("E:")) continue;
    line.remove_prefix(2);
    std::size_t eq = line.find('=');
    if (eq == std::string_view::npos) continue;
    out.insert_or_assign(std::string(line.substr(0, eq)), std::string(line.substr(eq + 1)));
  }
  return out;
}

Result<Properties> ReadBlockDeviceProperties(const Paths& paths, std::uint32_t major,
                                             std::uint32_t minor) {
  std::string path = paths.Udev("b" + std::to_string(major) + ":" + std::to_string(minor));
  auto text = ReadFile(path);
  if (!text) return std::unexpected(text.error());
  return ParseDeviceData(*text);
}

std::string_view Get(const Properties& props, std::string_view key) {
  auto it = props.find(key);
  return it == props.end() ? std::string_view() : std::string_view(it->second);
}

}  // namespace host_exporter::udev
