#include "host_exporter/procfs/net_softnet_stat.h"

#include <limits>
#include <string>

#include "host_exporter/file.h"
#include "host_exporter/text.h"

namespace host_exporter::procfs {
namespace {

Result<std::uint32_t> Hex32(std::string_view s) {
  // Go's ParseUint(s, 16, 32): no "0x" prefix, at most 32 bits.
  auto v = ParseUint(s, 16);
  if (!v || s.starts_with("0x") || s.starts_with("0X") || *v > std::numeric_limits<std::uint32_t>::max()) {
    return ParseFail("invalid 32-bit hex value \"" + std::string(s.substr(0, 64)) + "\"");
  }
  return static_cast<std::uint32_t>(*v);
}

}  // namespace

Result<std::vector<SoftnetStat>> ParseNetSoftnetStat(std::string_view text) {
  constexpr std::size_t kMinColumns = 9;
  std::vector<SoftnetStat> out;
  auto lines = SplitLines(text);
  for (std::size_t n = 0; n < lines.size(); ++n) {
    std::string where = "line " + std::to_string(n + 1) + ": ";
    auto cols = SplitFields(lines[n]);
    if (cols.size() < kMinColumns) {
      return ParseFail(where + "detected " + std::to_string(cols.size()) + " columns, but expected at least " +
                       std::to_string(kMinColumns));
    }
    // Only the columns procfs reads are validated (all of 0-8, then 9, 10, 11-12).
    std::uint32_t v[13] = {};
    std::size_t used = cols.size() >= 13 ? 13 : (cols.size() >= 11 ? 11 : (cols.size() >= 10 ? 10 : 9));
    for (std::size_t i = 0; i < used; ++i) {
      auto h = Hex32(cols[i]);
      if (!h) return ParseFail(where + "column " + std::to_string(i + 1) + ": " + h.error().message);
      v[i] = *h;
    }
    SoftnetStat s;
    s.processed = v[0];
    s.dropped = v[1];
    s.time_squeezed = v[2];
    s.cpu_collision = v[8];
    s.received_rps = v[9];
    s.flow_limit_count = v[10];
    if (cols.size() >= 13) {
      s.backlog_len = v[11];
      s.index = v[12];
    } else {
      // Older kernels do not print the CPU id: use the line number.
      s.index = static_cast<std::uint32_t>(n);
    }
    s.width = cols.size();
    out.push_back(s);
  }
  return out;
}

Result<std::vector<SoftnetStat>> ReadNetSoftnetStat(const Paths& paths) {
  std::string path = paths.Proc("net/softnet_stat");
  return ParseFile(path, ParseNetSoftnetStat);
}

}  // namespace host_exporter::procfs
