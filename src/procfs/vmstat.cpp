#include "host_exporter/procfs/vmstat.h"

#include "host_exporter/file.h"
#include "host_exporter/text.h"

namespace host_exporter::procfs {

Result<std::vector<VmstatEntry>> ParseVmstat(std::string_view text) {
  std::vector<VmstatEntry> out;
  auto lines = SplitLines(text);
  out.reserve(lines.size());
  for (std::size_t i = 0; i < lines.size(); ++i) {
    auto fields = SplitFields(lines[i]);
    auto where = [&] { return "line " + std::to_string(i + 1) + ": "; };
    if (fields.size() < 2) {
      return ParseFail(where() + "expected \"name value\", got \"" + std::string(lines[i].substr(0, 80)) + "\"");
    }
    auto v = ParseDouble(fields[1]);
    if (!v) return ParseFail(where() + v.error().message);
    out.push_back(VmstatEntry{fields[0], *v});
  }
  return out;
}

Result<std::vector<VmstatEntry>> ReadVmstat(const Paths& paths, std::string& text) {
  return ParseFileInto(paths.Proc("vmstat"), text, ParseVmstat);
}

}  // namespace host_exporter::procfs
