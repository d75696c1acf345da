#include "host_exporter/procfs/net_udp.h"

#include <string>
#include <vector>

#include "host_exporter/file.h"
#include "host_exporter/gocompat/strconv.h"
#include "host_exporter/text.h"

namespace host_exporter::procfs {
namespace {

bool IsHex(char c) { return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F'); }

// "0100007F:0035": an IPv4 (8 hex digits) or IPv6 (32) address and a hex port.
Status CheckAddress(std::string_view field, std::string_view what) {
  auto parts = Split(field, ':');
  if (parts.size() != 2) return ParseFail("cannot parse " + std::string(what) + " field \"" + std::string(field) + "\"");
  std::string_view ip = parts[0];
  bool hex = ip.size() % 2 == 0;
  for (char c : ip) hex = hex && IsHex(c);
  if (!hex) return ParseFail("cannot parse address \"" + std::string(ip) + "\"");
  if (ip.size() != 8 && ip.size() != 32) return ParseFail("unable to parse IP " + std::string(ip));
  if (auto port = ParseUint(parts[1], 16); !port) {
    return ParseFail("cannot parse " + std::string(what) + " port: " + port.error().message);
  }
  return {};
}

Status ParseLine(std::string_view line, NetUDPSummary& sum) {
  auto f = SplitFields(line);
  if (f.size() < 13) {
    // procfs reads 10 columns for every socket file and then the udp-only
    // drops column (the 13th); it does not check for it first.
    return ParseFail("expected at least 13 columns, got " + std::to_string(f.size()));
  }
  auto sl = Split(f[0], ':');
  if (sl.size() != 2) return ParseFail("cannot parse sl field \"" + std::string(f[0]) + "\"");
  if (auto v = gocompat::ParseUintBase0(sl[0]); !v) return ParseFail("cannot parse sl value: " + v.error().message);
  if (auto s = CheckAddress(f[1], "local_address"); !s) return s;
  if (auto s = CheckAddress(f[2], "rem_address"); !s) return s;
  if (auto v = ParseUint(f[3], 16); !v) return ParseFail("cannot parse st value: " + v.error().message);
  auto q = Split(f[4], ':');
  if (q.size() != 2) return ParseFail("cannot parse tx/rx queues \"" + std::string(f[4]) + "\": missing colon");
  auto tx = ParseUint(q[0], 16);
  if (!tx) return ParseFail("cannot parse tx_queue value: " + tx.error().message);
  auto rx = ParseUint(q[1], 16);
  if (!rx) return ParseFail("cannot parse rx_queue value: " + rx.error().message);
  if (auto v = gocompat::ParseUintBase0(f[7]); !v) return ParseFail("cannot parse uid value: " + v.error().message);
  if (auto v = gocompat::ParseUintBase0(f[9]); !v) return ParseFail("cannot parse inode value: " + v.error().message);
  auto drops = gocompat::ParseUintBase0(f[12]);
  if (!drops) return ParseFail("cannot parse drops value: " + drops.error().message);
  sum.tx_queue += *tx;
  sum.rx_queue += *rx;
  sum.drops += *drops;
  ++sum.used_sockets;
  return {};
}

Result<NetUDPSummary> Read(const Paths& paths, std::string_view rel) {
  std::string path = paths.Proc(rel);
  return ParseFile(path, ParseNetUDP);
}

}  // namespace

Result<NetUDPSummary> ParseNetUDP(std::string_view text) {
  NetUDPSummary sum;
  auto lines = SplitLines(text);
  for (std::size_t i = 1; i < lines.size(); ++i) {
    if (auto s = ParseLine(lines[i], sum); !s) {
      return ParseFail("line " + std::to_string(i + 1) + ": " + s.error().message);
    }
  }
  return sum;
}

Result<NetUDPSummary> ReadNetUDP(const Paths& paths) { return Read(paths, "net/udp"); }
Result<NetUDPSummary> ReadNetUDP6(const Paths& paths) { return Read(paths, "net/udp6"); }

}  // namespace host_exporter::procfs
