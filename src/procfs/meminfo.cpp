#include "host_exporter/procfs/meminfo.h"

#include "host_exporter/file.h"
#include "host_exporter/gocompat/strconv.h"
#include "host_exporter/text.h"

namespace host_exporter::procfs {

const MeminfoLine* Meminfo::Find(std::string_view key) const {
  for (auto it = lines.rbegin(); it != lines.rend(); ++it) {
    if (it->key == key) return &*it;
  }
  return nullptr;
}

Result<Meminfo> ParseMeminfo(std::string_view text) {
  Meminfo out;
  auto lines = SplitLines(text);
  for (std::size_t i = 0; i < lines.size(); ++i) {
    auto fail = [&](const std::string& why) {
      return ParseFail("line " + std::to_string(i + 1) + ": " + why);
    };
    auto fields = SplitFields(lines[i]);
    if (fields.size() < 2 || fields.size() > 3) {
      return fail("malformed line \"" + std::string(lines[i].substr(0, 80)) + "\"");
    }
    auto v = gocompat::ParseUintBase0(fields[1]);
    if (!v) return fail(v.error().message);
    MeminfoLine line{std::string(fields[0]), *v, *v};
    if (fields.size() == 3) {
      // The kernel only ever writes "kB".
      if (fields[2] != "kB") return fail("unsupported unit \"" + std::string(fields[2]) + "\"");
      line.bytes = *v * 1024;  // wraps like Go's uint64 arithmetic
    }
    out.lines.push_back(std::move(line));
  }
  return out;
}

Result<Meminfo> ReadMeminfo(const Paths& paths) {
  std::string path = paths.Proc("meminfo");
  return ParseFile(path, ParseMeminfo);
}

}  // namespace host_exporter::procfs
