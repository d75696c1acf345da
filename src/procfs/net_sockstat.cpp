#include "host_exporter/procfs/net_sockstat.h"

#include <utility>

#include "host_exporter/file.h"
#include "host_exporter/gocompat/strconv.h"
#include "host_exporter/text.h"

namespace host_exporter::procfs {
namespace {

Result<NetSockstat> Read(const std::string& path) {
  return ParseFile(path, ParseNetSockstat);
}

}  // namespace

Result<NetSockstat> ParseNetSockstat(std::string_view text) {
  NetSockstat out;
  auto lines = SplitLines(text);
  for (std::size_t n = 0; n < lines.size(); ++n) {
    std::string where = "line " + std::to_string(n + 1) + ": ";
    auto fields = Split(lines[n], ' ');
    if (fields.size() < 3) {
      return ParseFail(where + "malformed sockstat line \"" + std::string(lines[n].substr(0, 80)) + "\"");
    }
    if ((fields.size() - 1) % 2 != 0) return ParseFail(where + "odd number of fields in key/value pairs");
    // Later duplicates of a key win, as in procfs' map.
    std::vector<std::pair<std::string_view, std::int64_t>> kvs;
    for (std::size_t i = 1; i + 1 < fields.size(); i += 2) {
      auto v = gocompat::ParseIntBase0(fields[i + 1]);
      if (!v) return ParseFail(where + v.error().message);
      bool replaced = false;
      for (auto& kv : kvs) {
        if (kv.first == fields[i]) {
          kv.second = *v;
          replaced = true;
        }
      }
      if (!replaced) kvs.emplace_back(fields[i], *v);
    }
    std::string_view proto = fields[0];
    if (proto.ends_with(':')) proto.remove_suffix(1);
    if (proto == "sockets") {
      std::int64_t used = 0;
      for (const auto& [k, v] : kvs) {
        if (k == "used") used = v;
      }
      out.used = used;
      continue;
    }
    SockstatProtocol p;
    p.protocol = std::string(proto);
    for (const auto& [k, v] : kvs) {
      if (k == "inuse") p.inuse = v;
      else if (k == "orphan") p.orphan = v;
      else if (k == "tw") p.tw = v;
      else if (k == "alloc") p.alloc = v;
      else if (k == "mem") p.mem = v;
      else if (k == "memory") p.memory = v;
    }
    out.protocols.push_back(std::move(p));
  }
  return out;
}

Result<NetSockstat> ReadNetSockstat(const Paths& paths) { return Read(paths.Proc("net/sockstat")); }
Result<NetSockstat> ReadNetSockstat6(const Paths& paths) { return Read(paths.Proc("net/sockstat6")); }

}  // namespace host_exporter::procfs
