#include "host_exporter/procfs/vmstat.h"

#include "host_exporter/file.h"
#include "host_exporter/text.h"

namespace host_exporter::procfs {

Result<std::vector<VmstatEntry>> ParseVmstat(std::string_view text) {
  std::vector<VmstatEntry> out;
  auto lines = SplitLines(text);
  for (std::size_t i = 0; i < lines.size(); ++i) {
    auto fields = SplitFields(lines[i]);
    std::string where = "line " + std::to_string(i + 1) + ": ";
    if (fields.size() < 2) {
      return ParseFail(where + "expected \"name value\", got \"" + std::string(lines[i].substr(0, 80)) + "\"");
    }
    auto v = ParseDouble(fields[1]);
    if (!v) return ParseFail(where + v.error().message);
    out.push_back(VmstatEntry{std::string(fields[0]), *v});
  }
  return out;
}

Result<std::vector<VmstatEntry>> ReadVmstat(const Paths& paths) {
  std::string path = paths.Proc("vmstat");
  return ParseFile(path, ParseVmstat);
}

}  // namespace host_exporter::procfs
