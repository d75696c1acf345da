#include "host_exporter/procfs/net_dev.h"

#include <unordered_map>

#include "host_exporter/file.h"
#include "host_exporter/text.h"

namespace host_exporter::procfs {

Result<std::vector<NetDevLine>> ParseNetDev(std::string_view text) {
  std::vector<NetDevLine> out;
  std::unordered_map<std::string, std::size_t> index;
  auto lines = SplitLines(text);
  for (std::size_t n = 2; n < lines.size(); ++n) {
    std::string_view line = lines[n];
    auto where = [n](std::string msg) { return ParseFail("line " + std::to_string(n + 1) + ": " + msg); };
    std::size_t colon = line.rfind(':');
    if (colon == std::string_view::npos) return where("invalid net/dev line, missing colon");
    NetDevLine l;
    l.name = std::string(Trim(line.substr(0, colon)));
    if (l.name.empty()) return where("invalid net/dev line, empty interface name");
    auto fields = SplitFields(line.substr(colon + 1));
    if (fields.size() < 16) {
      return where("interface " + l.name + ": " + std::to_string(fields.size()) + " counters, want 16");
    }
    std::uint64_t* dst[] = {&l.rx_bytes, &l.rx_packets, &l.rx_errors,   &l.rx_dropped,    &l.rx_fifo,
                            &l.rx_frame, &l.rx_compressed, &l.rx_multicast, &l.tx_bytes,  &l.tx_packets,
                            &l.tx_errors, &l.tx_dropped, &l.tx_fifo,     &l.tx_collisions, &l.tx_carrier,
                            &l.tx_compressed};
    for (std::size_t i = 0; i < std::size(dst); ++i) {
      auto v = ParseUint(fields[i]);
      if (!v) return where("interface " + l.name + ": " + v.error().message);
      *dst[i] = *v;
    }
    auto [it, fresh] = index.emplace(l.name, out.size());
    if (fresh) {
      out.push_back(std::move(l));
    } else {
      out[it->second] = std::move(l);
    }
  }
  return out;
}

Result<std::vector<NetDevLine>> ReadNetDev(const Paths& paths) {
  std::string path = paths.Proc("net/dev");
  return ParseFile(path, ParseNetDev);
}

}  // namespace host_exporter::procfs
