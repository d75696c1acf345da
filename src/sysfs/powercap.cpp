#include "host_exporter/sysfs/powercap.h"

#include "host_exporter/file.h"
#include "host_exporter/gocompat/filepath.h"
#include "host_exporter/text.h"

namespace host_exporter::sysfs {
namespace {

// procfs's util.ReadUintFromFile (whole file, trimmed, decimal uint64); a
// root-only file is "no data".
Result<std::uint64_t> ReadUintFile(const std::string& path) {
  auto v = ReadUint(path);
  if (!v && v.error().IsPermission()) v.error().kind = ErrorKind::kNoData;
  return v;
}

// Go's strconv.Atoi (64-bit int): optional sign, decimal digits.
bool Atoi(std::string_view s, std::int64_t& out) {
  auto v = ParseInt(s);
  if (!v) return false;
  out = *v;
  return true;
}

}  // namespace

std::pair<std::int64_t, std::string> RaplIndexAndName(const RaplNameCounts& seen, std::string_view raw_name) {
  auto parts = Split(raw_name, '-');
  std::int64_t index = 0;
  if (parts.size() == 2 && Atoi(parts[1], index)) return {index, std::string(parts[0])};
  auto it = seen.find(raw_name);
  return {it == seen.end() ? 0 : it->second, std::string(raw_name)};
}

void RecordRaplName(RaplNameCounts& seen, const std::string& name, std::int64_t index) {
  seen[name] = index + 1;
}

Result<std::vector<RaplZone>> ReadRaplZones(const Paths& paths) {
  std::string dir = paths.Sys("class/powercap");
  auto entries = ReadDir(dir);
  if (!entries) {
    Error e = entries.error();
    if (e.IsPermission()) e.kind = ErrorKind::kNoData;
    e.message = "unable to read class/powercap: " + e.message;
    return std::unexpected(e);
  }
  std::vector<RaplZone> zones;
  RaplNameCounts seen;
  for (const auto& entry : *entries) {
    std::string zone_dir = dir + "/" + entry.name;
    auto raw = ReadFile(zone_dir + "/name");
    if (!raw) continue;
    auto [index, name] = RaplIndexAndName(seen, Trim(*raw));
    auto max = ReadUintFile(zone_dir + "/max_energy_range_uj");
    if (!max) return std::unexpected(max.error());
    RaplZone z;
    z.name = name;
    z.index = index;
    z.path = gocompat::CleanPath(zone_dir);
    z.max_microjoules = *max;
    zones.push_back(std::move(z));
    RecordRaplName(seen, name, index);
  }
  return zones;
}

Result<std::uint64_t> ReadRaplEnergyMicrojoules(const RaplZone& zone) {
  return ReadUintFile(zone.path + "/energy_uj");
}

}  // namespace host_exporter::sysfs
