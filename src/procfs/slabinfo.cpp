#include "host_exporter/procfs/slabinfo.h"

#include "host_exporter/file.h"
#include "host_exporter/text.h"

namespace host_exporter::procfs {
namespace {

// RE2's \s: [\t\n\f\r ] (no \v).
bool IsSpace(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f'; }

// Go: strings.Split(regexp(`\s+`).ReplaceAllString(line, " "), " ").
std::vector<std::string_view> SplitOnSpaceRuns(std::string_view line) {
  std::vector<std::string_view> out;
  std::size_t start = 0, i = 0;
  while (i < line.size()) {
    if (!IsSpace(line[i])) {
      ++i;
      continue;
    }
    out.push_back(line.substr(start, i - start));
    while (i < line.size() && IsSpace(line[i])) ++i;
    start = i;
  }
  out.push_back(line.substr(start));
  return out;
}

}  // namespace

Result<std::vector<Slab>> ParseSlabinfo(std::string_view text) {
  std::vector<Slab> out;
  auto lines = SplitLines(text);
  for (std::size_t n = 0; n < lines.size(); ++n) {
    std::string_view line = lines[n];
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);  // bufio.ScanLines drops it
    if (line.find("slabinfo -") != std::string_view::npos || line.find("# name") != std::string_view::npos) {
      continue;
    }
    std::string where = "line " + std::to_string(n + 1) + ": ";
    auto f = SplitOnSpaceRuns(line);
    if (f.size() != 16) {
      return ParseFail(where + "expected 16 fields, got " + std::to_string(f.size()) + ": \"" +
                       std::string(line.substr(0, 120)) + "\"");
    }
    Slab s;
    s.name = std::string(f[0]);
    struct Col {
      std::size_t index;
      std::int64_t Slab::*field;
    };
    static constexpr Col kCols[] = {{1, &Slab::active_objs},    {2, &Slab::num_objs},     {3, &Slab::obj_size},
                                    {4, &Slab::objs_per_slab},  {5, &Slab::pages_per_slab}, {8, &Slab::limit},
                                    {9, &Slab::batch_count},    {10, &Slab::shared_factor}, {13, &Slab::active_slabs},
                                    {14, &Slab::num_slabs},     {15, &Slab::shared_avail}};
    for (const auto& c : kCols) {
      auto v = ParseInt(f[c.index]);
      if (!v) return ParseFail(where + "field " + std::to_string(c.index + 1) + ": " + v.error().message);
      s.*(c.field) = *v;
    }
    out.push_back(std::move(s));
  }
  return out;
}

Result<std::vector<Slab>> ReadSlabinfo(const Paths& paths) {
  std::string path = paths.Proc("slabinfo");
  auto text = ReadFile(path);
  if (!text) return std::unexpected(text.error());
  auto parsed = ParseSlabinfo(*text);
  if (!parsed) return std::unexpected(InFile(path, parsed.error()));
  return parsed;
}

}  // namespace host_exporter::procfs
