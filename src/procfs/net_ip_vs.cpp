#include "host_exporter/procfs/net_ip_vs.h"

#include <arpa/inet.h>

#include <array>
#include <cstdio>

#include "host_exporter/file.h"
#include "host_exporter/text.h"

namespace host_exporter::procfs {
namespace {

// strconv.ParseUint(s, 16, bits): no "0x" prefix, no sign.
Result<std::uint64_t> ParseHex(std::string_view s, int bits) {
  if (s.size() >= 2 && s[0] == '0' && (s[1] == 'x' || s[1] == 'X')) {
    return ParseFail("invalid hexadecimal number \"" + std::string(s) + "\"");
  }
  auto v = ParseUint(s, 16);
  if (!v) return v;
  if (bits < 64 && *v >> bits != 0) return ParseFail("value out of range \"" + std::string(s) + "\"");
  return v;
}

// Go's net.IP.String for a 16-byte address: IPv4-mapped addresses print as
// IPv4; otherwise RFC 5952 (the longest run of two or more zero groups is "::").
std::string FormatIPv6(const std::array<unsigned char, 16>& ip) {
  bool mapped = true;
  for (int i = 0; i < 10; ++i) mapped = mapped && ip[static_cast<std::size_t>(i)] == 0;
  if (mapped && ip[10] == 0xff && ip[11] == 0xff) {
    char buf[16];
    std::snprintf(buf, sizeof buf, "%u.%u.%u.%u", ip[12], ip[13], ip[14], ip[15]);
    return buf;
  }
  int best = -1, best_len = 0;
  for (int i = 0; i < 8;) {
    int j = i;
    while (j < 8 && ip[static_cast<std::size_t>(2 * j)] == 0 && ip[static_cast<std::size_t>(2 * j + 1)] == 0) ++j;
    if (j - i > best_len) {
      best = i;
      best_len = j - i;
    }
    i = (j == i) ? i + 1 : j;
  }
  if (best_len < 2) best = -1;
  std::string out;
  for (int i = 0; i < 8; ++i) {
    if (i == best) {
      out += "::";
      i += best_len - 1;
      continue;
    }
    if (!out.empty() && out.back() != ':') out.push_back(':');
    char buf[8];
    unsigned g = (static_cast<unsigned>(ip[static_cast<std::size_t>(2 * i)]) << 8) | ip[static_cast<std::size_t>(2 * i + 1)];
    std::snprintf(buf, sizeof buf, "%x", g);
    out += buf;
  }
  return out;
}

}  // namespace

Result<IPPort> ParseIPVSAddress(std::string_view s) {
  IPPort out;
  if (s.size() == 13) {
    std::array<unsigned, 4> b{};
    for (std::size_t i = 0; i < 4; ++i) {
      auto v = ParseHex(s.substr(2 * i, 2), 8);
      if (!v) return ParseFail("invalid IPv4 address \"" + std::string(s.substr(0, 8)) + "\"");
      b[i] = static_cast<unsigned>(*v);
    }
    out.address = std::to_string(b[0]) + "." + std::to_string(b[1]) + "." + std::to_string(b[2]) + "." +
                  std::to_string(b[3]);
  } else if (s.size() == 46) {
    std::string addr(s.substr(1, 39));
    std::array<unsigned char, 16> ip{};
    if (inet_pton(AF_INET6, addr.c_str(), ip.data()) != 1) return ParseFail("invalid IPv6 address: " + addr);
    out.address = FormatIPv6(ip);
  } else {
    return ParseFail("unexpected IP:Port: " + std::string(s));
  }
  auto port = ParseHex(s.substr(s.size() - 4), 16);
  if (!port) return std::unexpected(port.error());
  out.port = static_cast<std::uint16_t>(*port);
  return out;
}

Result<IPVSStats> ParseIPVSStats(std::string_view text) {
  // strings.SplitN(text, "\n", 4) must give four parts: the totals are line 3.
  auto lines = Split(text, '\n');
  if (lines.size() < 4) return ParseFail("ip_vs_stats corrupt: too short");
  auto fields = SplitFields(lines[2]);
  if (fields.size() != 5) return ParseFail("ip_vs_stats corrupt: unexpected number of fields");
  IPVSStats s;
  std::uint64_t* dst[] = {&s.connections, &s.incoming_packets, &s.outgoing_packets, &s.incoming_bytes,
                          &s.outgoing_bytes};
  for (std::size_t i = 0; i < 5; ++i) {
    auto v = ParseHex(fields[i], 64);
    if (!v) return std::unexpected(v.error());
    *dst[i] = *v;
  }
  return s;
}

Result<std::vector<IPVSBackendStatus>> ParseIPVSBackendStatus(std::string_view text) {
  std::vector<IPVSBackendStatus> out;
  std::string proto, local_mark, local_address;
  std::uint16_t local_port = 0;
  for (std::string_view line : SplitLines(text)) {
    auto f = SplitFields(line);
    // node_exporter would crash on a one-field line; it is skipped here.
    if (f.size() < 2) continue;
    if (f[0] == "IP" || f[0] == "Prot" || f[1] == "RemoteAddress:Port") continue;
    if (f[0] == "TCP" || f[0] == "UDP") {
      auto a = ParseIPVSAddress(f[1]);
      if (!a) return std::unexpected(a.error());
      proto = std::string(f[0]);
      local_mark.clear();
      local_address = a->address;
      local_port = a->port;
    } else if (f[0] == "FWM") {
      proto = std::string(f[0]);
      local_mark = std::string(f[1]);
      local_address.clear();
      local_port = 0;
    } else if (f[0] == "->") {
      if (f.size() < 6) continue;
      auto remote = ParseIPVSAddress(f[1]);
      if (!remote) return std::unexpected(remote.error());
      IPVSBackendStatus b;
      b.local_address = local_address;
      b.local_port = local_port;
      b.local_mark = local_mark;
      b.remote_address = remote->address;
      b.remote_port = remote->port;
      b.proto = proto;
      std::uint64_t* dst[] = {&b.weight, &b.active_conn, &b.inact_conn};
      for (std::size_t i = 0; i < 3; ++i) {
        auto v = ParseUint(f[3 + i]);
        if (!v) return std::unexpected(v.error());
        *dst[i] = *v;
      }
      out.push_back(std::move(b));
    }
  }
  return out;
}

Result<IPVSStats> ReadIPVSStats(const Paths& paths) {
  std::string path = paths.Proc("net/ip_vs_stats");
  auto text = ReadFile(path);
  if (!text) return std::unexpected(text.error());
  auto parsed = ParseIPVSStats(*text);
  if (!parsed) return std::unexpected(InFile(path, parsed.error()));
  return parsed;
}

Result<std::vector<IPVSBackendStatus>> ReadIPVSBackendStatus(const Paths& paths) {
  std::string path = paths.Proc("net/ip_vs");
  auto text = ReadFile(path);
  if (!text) return std::unexpected(text.error());
  auto parsed = ParseIPVSBackendStatus(*text);
  if (!parsed) return std::unexpected(InFile(path, parsed.error()));
  return parsed;
}

}  // namespace host_exporter::procfs
