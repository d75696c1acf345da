#include "host_exporter/procfs/net_arp.h"

#include "host_exporter/file.h"
#include "host_exporter/gocompat/strconv.h"
#include "host_exporter/text.h"

namespace host_exporter::procfs {

Result<std::vector<ArpEntry>> ParseNetArp(std::string_view text) {
  constexpr std::size_t kHeaderWidth = 9, kDataWidth = 6;
  std::vector<ArpEntry> out;
  auto lines = SplitLines(text);
  for (std::size_t n = 0; n < lines.size(); ++n) {
    auto where = [n](std::string msg) { return ParseFail("line " + std::to_string(n + 1) + ": " + msg); };
    auto cols = SplitFields(lines[n]);
    if (cols.empty() || cols.size() == kHeaderWidth) continue;
    if (cols.size() != kDataWidth) {
      return where(std::to_string(cols.size()) + " columns found, but expected " + std::to_string(kDataWidth));
    }
    ArpEntry e;
    e.ip = std::string(cols[0]);
    e.device = std::string(cols[5]);
    auto mac = gocompat::ParseMAC(cols[3]);
    if (!mac) return where("failed to parse ARP entry: " + mac.error().message);
    e.hw_addr = std::move(*mac);
    auto flags = gocompat::ParseUintBase0(cols[2], 8);
    if (!flags) return where("failed to parse ARP entry flags: " + flags.error().message);
    e.flags = static_cast<std::uint8_t>(*flags);
    out.push_back(std::move(e));
  }
  return out;
}

Result<std::vector<ArpEntry>> ReadNetArp(const Paths& paths) {
  std::string path = paths.Proc("net/arp");
  return ParseFile(path, ParseNetArp);
}

}  // namespace host_exporter::procfs
