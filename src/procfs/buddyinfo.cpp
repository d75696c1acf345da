#include "host_exporter/procfs/buddyinfo.h"

#include <optional>

#include "host_exporter/file.h"
#include "host_exporter/gocompat/strconv.h"
#include "host_exporter/text.h"

namespace host_exporter::procfs {
namespace {

std::string TrimOneComma(std::string_view s) {
  if (s.ends_with(',')) s.remove_suffix(1);
  return std::string(s);
}

}  // namespace

Result<std::vector<BuddyinfoZone>> ParseBuddyinfo(std::string_view text) {
  std::vector<BuddyinfoZone> out;
  std::optional<std::size_t> orders;
  auto lines = SplitLines(text);
  for (std::size_t i = 0; i < lines.size(); ++i) {
    auto fail = [&](const std::string& why) { return ParseFail("line " + std::to_string(i + 1) + ": " + why); };
    auto f = SplitFields(lines[i]);
    if (f.size() < 4) return fail("invalid number of fields in \"" + std::string(lines[i].substr(0, 80)) + "\"");
    std::size_t n = f.size() - 4;
    if (!orders) {
      orders = n;
    } else if (*orders != n) {
      return fail("mismatch in number of buddyinfo buckets, previous count " + std::to_string(*orders) +
                  ", new count " + std::to_string(n));
    }
    BuddyinfoZone z{TrimOneComma(f[1]), TrimOneComma(f[3]), {}};
    z.sizes.reserve(n);
    for (std::size_t j = 4; j < f.size(); ++j) {
      auto v = gocompat::ParseFloat(f[j]);
      if (!v) return fail("invalid value in buddyinfo: " + v.error().message);
      z.sizes.push_back(*v);
    }
    out.push_back(std::move(z));
  }
  return out;
}

Result<std::vector<BuddyinfoZone>> ReadBuddyinfo(const Paths& paths) {
  std::string path = paths.Proc("buddyinfo");
  auto text = ReadFile(path);
  if (!text) return std::unexpected(text.error());
  auto parsed = ParseBuddyinfo(*text);
  if (!parsed) return std::unexpected(InFile(path, parsed.error()));
  return parsed;
}

}  // namespace host_exporter::procfs
