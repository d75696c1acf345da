#include "host_exporter/procfs/net_netstat.h"

#include <bit>
#include <cstdint>
#include <functional>
#include <span>
#include <utility>
#include <vector>

#include "host_exporter/file.h"
#include "host_exporter/text.h"

namespace host_exporter::procfs {
namespace {

NetStatProtocol& Protocol(NetStats& stats, std::string_view name) {
  for (auto& p : stats) {
    if (p.protocol == name) return p;
  }
  NetStatProtocol& p = stats.emplace_back();
  p.protocol = name;
  return p;
}

// A later duplicate name replaces the earlier value in place. `unique` says the
// caller knows there are none, which saves the linear search per name (the
// kernel never repeats one, and TcpExt alone has over a hundred).
void Set(NetStatProtocol& p, std::string_view name, std::string_view text, bool unique) {
  NetStatValue v{name, text, std::nullopt};
  if (auto d = ParseDouble(text)) v.value = *d;
  if (!unique) {
    for (auto& old : p.values) {
      if (old.name == name) {
        old = std::move(v);
        return;
      }
    }
  }
  p.values.push_back(std::move(v));
}

// An open-addressed table of indexes: no allocation per name, and about a
// third of the work of sorting TcpExt's 130-odd names to compare neighbours.
bool AllDistinct(std::span<const std::string_view> names) {
  if (names.size() < 2) return true;
  const std::size_t mask = std::bit_ceil(names.size() * 2) - 1;
  std::vector<std::uint32_t> table(mask + 1, 0);  // index + 1; 0 is empty
  for (std::uint32_t i = 0; i < names.size(); ++i) {
    std::size_t h = std::hash<std::string_view>{}(names[i]) & mask;
    for (; table[h] != 0; h = (h + 1) & mask) {
      if (names[table[h] - 1] == names[i]) return false;
    }
    table[h] = i + 1;
  }
  return true;
}

}  // namespace

Result<NetStats> ParseNetStats(std::string_view text) {
  NetStats out;
  auto lines = SplitLines(text);
  for (std::size_t i = 0; i < lines.size(); i += 2) {
    auto names = Split(lines[i], ' ');
    auto values = Split(i + 1 < lines.size() ? lines[i + 1] : std::string_view(), ' ');
    if (names[0].empty()) {
      return ParseFail("line " + std::to_string(i + 1) + ": missing protocol name");
    }
    std::string_view proto = names[0].substr(0, names[0].size() - 1);
    if (names.size() != values.size()) {
      return ParseFail("line " + std::to_string(i + 1) + ": field count mismatch for protocol \"" +
                       std::string(proto) + "\": " + std::to_string(names.size()) + " names, " +
                       std::to_string(values.size()) + " values");
    }
    NetStatProtocol& p = Protocol(out, proto);
    p.values.clear();
    p.values.reserve(names.size() - 1);
    const bool unique = AllDistinct(std::span(names).subspan(1));
    for (std::size_t k = 1; k < names.size(); ++k) Set(p, names[k], values[k], unique);
  }
  return out;
}

NetStats ParseSnmp6(std::string_view text) {
  NetStats out;
  std::vector<std::pair<std::string_view, std::string_view>> pairs;  // full name, value
  for (std::string_view line : SplitLines(text)) {
    auto fields = SplitFields(line);
    if (fields.size() < 2) continue;
    if (fields[0].find('6') == std::string_view::npos) continue;
    pairs.emplace_back(fields[0], fields[1]);
  }
  std::vector<std::string_view> names;
  names.reserve(pairs.size());
  for (const auto& [name, value] : pairs) names.push_back(name);
  const bool unique = AllDistinct(names);
  for (const auto& [name, value] : pairs) {
    std::size_t six = name.find('6');
    Set(Protocol(out, name.substr(0, six + 1)), name.substr(six + 1), value, unique);
  }
  return out;
}

Result<NetStats> ReadNetNetstat(const Paths& paths, std::string& text) {
  return ParseFileInto(paths.Proc("net/netstat"), text, ParseNetStats);
}
Result<NetStats> ReadNetSnmp(const Paths& paths, std::string& text) {
  return ParseFileInto(paths.Proc("net/snmp"), text, ParseNetStats);
}

Result<NetStats> ReadNetSnmp6(const Paths& paths, std::string& text) {
  auto stats = ParseFileInto(paths.Proc("net/snmp6"), text, [](std::string_view t) -> Result<NetStats> {
    return ParseSnmp6(t);
  });
  if (!stats && stats.error().kind == ErrorKind::kNotFound) return NetStats{};
  return stats;
}

}  // namespace host_exporter::procfs
