#include "host_exporter/procfs/sysctl.h"

#include <algorithm>

#include "host_exporter/gocompat/strconv.h"
#include "host_exporter/file.h"
#include "host_exporter/sysfs/attr.h"
#include "host_exporter/text.h"

namespace host_exporter::procfs {

std::string SysctlPath(std::string_view name) {
  std::string rel = "sys/" + std::string(name);
  std::replace(rel.begin() + 4, rel.end(), '.', '/');
  return rel;
}

std::vector<std::string> ParseSysctlStrings(std::string_view value) {
  std::vector<std::string> out;
  for (auto f : SplitFields(value)) out.emplace_back(f);
  return out;
}

Result<std::vector<std::int64_t>> ParseSysctlInts(std::string_view value) {
  std::vector<std::int64_t> out;
  auto fields = SplitFields(value);
  for (std::size_t i = 0; i < fields.size(); ++i) {
    auto v = gocompat::ParseIntBase0(fields[i]);
    if (!v) return ParseFail("field " + std::to_string(i) + " is not a valid int: " + v.error().message);
    out.push_back(*v);
  }
  return out;
}

namespace {

Result<std::string> ReadValue(const Paths& paths, std::string_view name) {
  return sysfs::ReadSysAttr(paths.Proc(SysctlPath(name)));
}

}  // namespace

Result<std::vector<std::string>> ReadSysctlStrings(const Paths& paths, std::string_view name) {
  auto value = ReadValue(paths, name);
  if (!value) return std::unexpected(value.error());
  return ParseSysctlStrings(*value);
}

Result<std::vector<std::int64_t>> ReadSysctlInts(const Paths& paths, std::string_view name) {
  auto value = ReadValue(paths, name);
  if (!value) return std::unexpected(value.error());
  auto ints = ParseSysctlInts(*value);
  if (!ints) return std::unexpected(InFile(paths.Proc(SysctlPath(name)), ints.error()));
  return ints;
}

Result<std::uint64_t> ParseSysctlUint(std::string_view text) { return ParseUint(Trim(text)); }

Result<std::uint64_t> ReadSysctlUint(const Paths& paths, std::string_view rel) {
  std::string path = paths.Proc(rel);
  auto text = ReadFile(path);
  if (!text) return std::unexpected(text.error());
  auto v = ParseSysctlUint(*text);
  if (!v) return std::unexpected(InFile(path, v.error()));
  return v;
}

}  // namespace host_exporter::procfs
