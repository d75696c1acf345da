#include "host_exporter/procfs/net_rpc_nfs.h"

#include <algorithm>

#include "host_exporter/file.h"
#include "host_exporter/text.h"

namespace host_exporter::procfs {
namespace {

std::string Describe(std::span<const std::uint64_t> v) {
  std::string s = "[";
  for (std::size_t i = 0; i < v.size(); ++i) s += (i ? " " : "") + std::to_string(v[i]);
  return s + "]";
}

// "procN <count> v1 .. vcount": the count must match and be at least `min`.
template <std::size_t N>
Result<std::array<std::uint64_t, N>> ParseProcLine(std::span<const std::uint64_t> v, std::string_view what) {
  if (v.empty() || v.size() - 1 != v[0] || v[0] < N) {
    return ParseFail("invalid " + std::string(what) + " line " + Describe(v));
  }
  std::array<std::uint64_t, N> out{};
  std::copy_n(v.begin() + 1, N, out.begin());
  return out;
}

}  // namespace

Result<std::vector<std::uint64_t>> ParseRpcValues(std::span<const std::string_view> fields) {
  std::vector<std::uint64_t> out;
  out.reserve(fields.size());
  for (std::string_view f : fields) {
    auto v = ParseUint(f);
    if (!v) return std::unexpected(v.error());
    out.push_back(*v);
  }
  return out;
}

Result<RpcNetwork> ParseRpcNetwork(std::span<const std::uint64_t> v) {
  if (v.size() != 4) return ParseFail("invalid Network line " + Describe(v));
  return RpcNetwork{v[0], v[1], v[2], v[3]};
}

Result<NfsV2Stats> ParseNfsV2Stats(std::span<const std::uint64_t> v) {
  return ParseProcLine<kNfsV2Procedures.size()>(v, "V2Stats");
}

Result<NfsV3Stats> ParseNfsV3Stats(std::span<const std::uint64_t> v) {
  return ParseProcLine<kNfsV3Procedures.size()>(v, "V3Stats");
}

Result<ClientRpcStats> ParseClientRpcStats(std::string_view text) {
  ClientRpcStats s;
  std::size_t n = 0;
  for (std::string_view line : SplitLines(text)) {
    ++n;
    auto where = [&](const Error& e) { return ParseFail("line " + std::to_string(n) + ": " + e.message); };
    auto parts = SplitFields(line);
    if (parts.size() < 2) return ParseFail("line " + std::to_string(n) + ": invalid NFS metric line \"" + std::string(line) + "\"");
    auto values = ParseRpcValues(std::span(parts).subspan(1));
    if (!values) return where(values.error());
    std::string_view key = parts[0];
    if (key == "net") {
      auto r = ParseRpcNetwork(*values);
      if (!r) return where(r.error());
      s.network = *r;
    } else if (key == "rpc") {
      if (values->size() != 3) return where(Error{ErrorKind::kParse, "invalid RPC line " + Describe(*values)});
      s.client_rpc = ClientRpc{(*values)[0], (*values)[1], (*values)[2]};
    } else if (key == "proc2") {
      auto r = ParseNfsV2Stats(*values);
      if (!r) return where(r.error());
      s.v2 = *r;
    } else if (key == "proc3") {
      auto r = ParseNfsV3Stats(*values);
      if (!r) return where(r.error());
      s.v3 = *r;
    } else if (key == "proc4") {
      const auto& v = *values;
      if (v.size() - 1 != v[0]) {
        return where(Error{ErrorKind::kParse, "invalid ClientV4Stats line " + Describe(v)});
      }
      // Older kernels know fewer NFSv4 procedures: the missing ones read 0.
      s.v4 = {};
      std::copy_n(v.begin() + 1, std::min(v.size() - 1, s.v4.size()), s.v4.begin());
    } else {
      return ParseFail("line " + std::to_string(n) + ": unknown NFS metric line \"" + std::string(key) + "\"");
    }
  }
  return s;
}

Result<ClientRpcStats> ReadClientRpcStats(const Paths& paths) {
  std::string path = paths.Proc("net/rpc/nfs");
  auto text = ReadFile(path);
  if (!text) return std::unexpected(text.error());
  auto parsed = ParseClientRpcStats(*text);
  if (!parsed) return std::unexpected(InFile(path, parsed.error()));
  return parsed;
}

}  // namespace host_exporter::procfs
