#include "host_exporter/procfs/net_rpc_nfsd.h"

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

Status Expect(std::span<const std::uint64_t> v, std::size_t n, std::string_view what) {
  if (v.size() != n) return ParseFail("invalid " + std::string(what) + " line " + Describe(v));
  return {};
}

}  // namespace

Result<ServerRpcStats> ParseServerRpcStats(std::string_view text) {
  ServerRpcStats s;
  std::size_t n = 0;
  for (std::string_view line : SplitLines(text)) {
    ++n;
    auto fail = [&](const std::string& msg) { return ParseFail("line " + std::to_string(n) + ": " + msg); };
    auto parts = SplitFields(line);
    if (parts.size() < 2) return fail("invalid NFSd metric line \"" + std::string(line) + "\"");
    std::string_view key = parts[0];
    std::span<const std::string_view> fields = std::span(parts).subspan(1);
    if (key == "th") {
      // Threads and the (float) thread usage histogram: only the first two count.
      if (fields.size() < 2) return fail("invalid NFSd th metric line \"" + std::string(line) + "\"");
      fields = fields.subspan(0, 2);
    }
    auto values = ParseRpcValues(fields);
    if (!values) return fail(values.error().message);
    std::span<const std::uint64_t> v = *values;
    Status st;
    if (key == "rc") {
      st = Expect(v, 3, "ReplyCache");
      if (st) s.reply_cache = {v[0], v[1], v[2]};
    } else if (key == "fh") {
      st = Expect(v, 5, "FileHandles");
      if (st) s.file_handles = {v[0], v[1], v[2], v[3], v[4]};
    } else if (key == "io") {
      st = Expect(v, 2, "InputOutput");
      if (st) s.input_output = {v[0], v[1]};
    } else if (key == "th") {
      s.threads = {v[0], v[1]};
    } else if (key == "ra") {
      st = Expect(v, 12, "ReadAheadCache");
      if (st) {
        s.read_ahead_cache.cache_size = v[0];
        std::copy_n(v.begin() + 1, 10, s.read_ahead_cache.histogram.begin());
        s.read_ahead_cache.not_found = v[11];
      }
    } else if (key == "net") {
      auto r = ParseRpcNetwork(v);
      if (r) s.network = *r; else st = std::unexpected(r.error());
    } else if (key == "rpc") {
      st = Expect(v, 5, "RPC");
      if (st) s.server_rpc = {v[0], v[1], v[2], v[3], v[4]};
    } else if (key == "proc2") {
      auto r = ParseNfsV2Stats(v);
      if (r) s.v2 = *r; else st = std::unexpected(r.error());
    } else if (key == "proc3") {
      auto r = ParseNfsV3Stats(v);
      if (r) s.v3 = *r; else st = std::unexpected(r.error());
    } else if (key == "proc4") {
      if (v.size() - 1 != v[0] || v[0] != 2) {
        st = ParseFail("invalid V4Stats line " + Describe(v));
      } else {
        s.v4 = {v[1], v[2]};
      }
    } else if (key == "proc4ops") {
      // 39 operations before kernel 2.6, 40 since, and the NFSv4.1/4.2 ones after.
      if (v.size() - 1 != v[0] || v[0] < 39) {
        st = ParseFail("invalid V4Ops line " + Describe(v));
      } else {
        s.v4_ops = {};
        std::copy_n(v.begin() + 1, std::min<std::size_t>(v[0], s.v4_ops.size()), s.v4_ops.begin());
      }
    } else if (key == "wdeleg_getattr") {
      s.wdeleg_getattr = v[0];
    } else {
      return fail("unknown NFSd metric line \"" + std::string(key) + "\"");
    }
    if (!st) return fail(st.error().message);
  }
  return s;
}

Result<ServerRpcStats> ReadServerRpcStats(const Paths& paths) {
  std::string path = paths.Proc("net/rpc/nfsd");
  auto text = ReadFile(path);
  if (!text) return std::unexpected(text.error());
  auto parsed = ParseServerRpcStats(*text);
  if (!parsed) return std::unexpected(InFile(path, parsed.error()));
  return parsed;
}

}  // namespace host_exporter::procfs
