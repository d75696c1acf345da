#include "host_exporter/procfs/net_stat.h"

#include "host_exporter/file.h"
#include "host_exporter/text.h"

namespace host_exporter::procfs {

Result<std::vector<NetStatColumn>> ParseNetStatTable(std::string_view text) {
  auto lines = SplitLines(text);
  std::vector<NetStatColumn> columns;
  std::vector<std::size_t> column_of;  // header position -> column
  if (!lines.empty()) {
    for (std::string_view word : SplitFields(lines[0])) {
      std::size_t c = 0;
      while (c < columns.size() && columns[c].name != word) ++c;
      if (c == columns.size()) columns.push_back(NetStatColumn{std::string(word), {}});
      column_of.push_back(c);
    }
  }
  for (std::size_t i = 1; i < lines.size(); ++i) {
    auto fail = [&](const std::string& why) { return ParseFail("line " + std::to_string(i + 1) + ": " + why); };
    auto words = SplitFields(lines[i]);
    for (std::size_t pos = 0; pos < words.size(); ++pos) {
      std::string_view w = words[pos];
      Result<std::uint64_t> v = ParseUint(w, 16);
      // ParseUint(s, 16) takes a "0x" prefix; Go's does not.
      if (w.size() >= 2 && w[0] == '0' && (w[1] | 0x20) == 'x') {
        v = ParseFail("invalid unsigned integer \"" + std::string(w) + "\"");
      }
      if (!v) return fail(v.error().message);
      if (pos >= column_of.size()) {
        return fail(std::to_string(words.size()) + " counters but " + std::to_string(column_of.size()) +
                    " header words");
      }
      columns[column_of[pos]].per_cpu.push_back(*v);
    }
  }
  return columns;
}

Result<std::vector<NetStatTable>> ReadNetStatTables(const Paths& paths) {
  std::string dir = paths.Proc("net/stat");
  auto names = ListDir(dir);
  if (!names) {
    if (names.error().kind == ErrorKind::kNotFound) return std::vector<NetStatTable>{};
    return std::unexpected(names.error());
  }
  std::vector<NetStatTable> out;
  for (const std::string& name : *names) {
    std::string path = Paths::Join(dir, name);
    NetStatTable table{name, {}};
    if (!IsDirectory(path)) {  // procfs reads nothing from a directory and does not fail
      auto text = ReadFile(path);
      if (!text) return std::unexpected(text.error());
      auto columns = ParseNetStatTable(*text);
      if (!columns) return std::unexpected(InFile(path, columns.error()));
      table.columns = std::move(*columns);
    }
    out.push_back(std::move(table));
  }
  return out;
}

}  // namespace host_exporter::procfs
