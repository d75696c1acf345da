#include "host_exporter/procfs/zoneinfo.h"

#include "host_exporter/gocompat/strconv.h"
#include "host_exporter/file.h"
#include "host_exporter/text.h"

namespace host_exporter::procfs {
namespace {

bool IsDigit(char c) { return c >= '0' && c <= '9'; }
bool IsWord(char c) { return IsDigit(c) || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_'; }
bool IsReSpace(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\f' || c == '\r'; }

// The leftmost match of `(\d+), zone\s+(\w+)` in line.
bool MatchNodeZone(std::string_view line, std::string& node, std::string& zone) {
  constexpr std::string_view kSep = ", zone";
  for (std::size_t at = line.find(kSep); at != std::string_view::npos; at = line.find(kSep, at + 1)) {
    std::size_t begin = at;
    while (begin > 0 && IsDigit(line[begin - 1])) --begin;
    if (begin == at) continue;
    std::size_t i = at + kSep.size();
    std::size_t ws = i;
    while (i < line.size() && IsReSpace(line[i])) ++i;
    if (i == ws) continue;
    std::size_t word = i;
    while (i < line.size() && IsWord(line[i])) ++i;
    if (i == word) continue;
    node.assign(line.substr(begin, at - begin));
    zone.assign(line.substr(word, i - word));
    return true;
  }
  return false;
}

// "        protection: (0, 2877, 7826)": Go's Split(line, ":")[1] without its
// first '(' and ')', trimmed, split on ", ", each a decimal int64.
std::vector<std::int64_t> ParseProtection(std::string_view line) {
  std::size_t colon = line.find(':');
  std::string_view rest = line.substr(colon + 1);
  rest = rest.substr(0, rest.find(':'));
  std::string s(rest);
  if (auto p = s.find('('); p != std::string::npos) s.erase(p, 1);
  if (auto p = s.find(')'); p != std::string::npos) s.erase(p, 1);
  std::string_view trimmed = Trim(s);
  std::vector<std::int64_t> out;
  std::size_t start = 0;
  for (;;) {
    std::size_t pos = trimmed.find(", ", start);
    auto v = ParseInt(trimmed.substr(start, pos == std::string_view::npos ? std::string_view::npos : pos - start));
    if (!v) return {};
    out.push_back(*v);
    if (pos == std::string_view::npos) return out;
    start = pos + 2;
  }
}

}  // namespace

Result<std::vector<Zoneinfo>> ParseZoneinfo(std::string_view text) {
  std::vector<Zoneinfo> out;
  constexpr std::string_view kBlockSep = "\nNode";
  std::size_t start = 0;
  for (;;) {
    std::size_t end = text.find(kBlockSep, start);
    std::string_view block = text.substr(start, end == std::string_view::npos ? std::string_view::npos : end - start);
    Zoneinfo z;
    for (std::string_view line : Split(block, '\n')) {
      if (MatchNodeZone(line, z.node, z.zone)) continue;
      std::string_view trimmed = Trim(line);
      if (trimmed.starts_with("per-node stats")) continue;
      auto parts = SplitFields(trimmed);
      if (parts.size() < 2) continue;
      if (parts[0] == "protection:") {
        z.protection = ParseProtection(line);
        continue;
      }
      for (std::size_t i = 0; i < kZoneinfoKeyCount; ++i) {
        if (parts[0] != kZoneinfoKeys[i]) continue;
        auto v = gocompat::ParseIntBase0(parts[1]);
        z.values[i] = v ? *v : 0;  // procfs's ValueParser hands out 0 on a parse error
      }
    }
    out.push_back(std::move(z));
    if (end == std::string_view::npos) return out;
    start = end + kBlockSep.size();
  }
}

Result<std::vector<Zoneinfo>> ReadZoneinfo(const Paths& paths) {
  std::string path = paths.Proc("zoneinfo");
  auto text = ReadFile(path);
  if (!text) return std::unexpected(text.error());
  auto parsed = ParseZoneinfo(*text);
  if (!parsed) return std::unexpected(InFile(path, parsed.error()));
  return parsed;
}

}  // namespace host_exporter::procfs
