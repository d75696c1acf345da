#include "host_exporter/procfs/cgroups.h"

#include "host_exporter/file.h"
#include "host_exporter/text.h"

namespace host_exporter::procfs {

Result<std::vector<CgroupSummary>> ParseCgroups(std::string_view text) {
  std::vector<CgroupSummary> out;
  auto lines = SplitLines(text);
  for (std::size_t i = 0; i < lines.size(); ++i) {
    if (lines[i].starts_with('#')) continue;
    auto fail = [&](const std::string& why) { return ParseFail("line " + std::to_string(i + 1) + ": " + why); };
    auto f = SplitFields(lines[i]);
    if (f.size() < 4) {
      return fail("4+ fields required, found " + std::to_string(f.size()) + " fields in cgroup info string \"" +
                  std::string(lines[i].substr(0, 80)) + "\"");
    }
    CgroupSummary c{std::string(f[0]), 0, 0, 0};
    struct {
      const char* what;
      std::int64_t* into;
    } cols[] = {{"hierarchy ID", &c.hierarchy}, {"num_cgroups", &c.cgroups}, {"enabled", &c.enabled}};
    for (std::size_t j = 0; j < 3; ++j) {
      auto v = ParseInt(f[j + 1]);
      if (!v) return fail(std::string("unable to parse ") + cols[j].what + " from \"" + std::string(f[j + 1]) + "\"");
      *cols[j].into = *v;
    }
    out.push_back(std::move(c));
  }
  return out;
}

Result<std::vector<CgroupSummary>> ReadCgroups(const Paths& paths) {
  std::string path = paths.Proc("cgroups");
  auto text = ReadFile(path);
  if (!text) return std::unexpected(text.error());
  auto parsed = ParseCgroups(*text);
  if (!parsed) return std::unexpected(InFile(path, parsed.error()));
  return parsed;
}

}  // namespace host_exporter::procfs
