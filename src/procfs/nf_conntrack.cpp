#include "host_exporter/procfs/nf_conntrack.h"

#include <string>

#include "host_exporter/file.h"
#include "host_exporter/text.h"

namespace host_exporter::procfs {
namespace {

Result<std::uint64_t> ReadValue(const Paths& paths, std::string_view rel) {
  std::string path = paths.Proc(rel);
  auto text = ReadFile(path);
  if (!text) return std::unexpected(text.error());
  auto v = ParseNfConntrackValue(*text);
  if (!v) return std::unexpected(InFile(path, v.error()));
  return v;
}

}  // namespace

Result<std::vector<NfConntrackStatEntry>> ParseNfConntrackStat(std::string_view text) {
  std::vector<NfConntrackStatEntry> out;
  auto lines = SplitLines(text);
  for (std::size_t i = 1; i < lines.size(); ++i) {
    auto fields = SplitFields(lines[i]);
    std::vector<std::uint64_t> v;
    v.reserve(fields.size());
    for (auto f : fields) {
      auto n = ParseUint(f, 16);
      if (!n) return ParseFail("line " + std::to_string(i + 1) + ": " + n.error().message);
      v.push_back(*n);
    }
    if (v.size() < 16 || v.size() > 17) {
      return ParseFail("line " + std::to_string(i + 1) + ": expected 16 or 17 fields, got " +
                       std::to_string(v.size()));
    }
    NfConntrackStatEntry e;
    e.entries = v[0];
    e.searched = v[1];
    e.found = v[2];
    e.new_ = v[3];
    e.invalid = v[4];
    e.ignore = v[5];
    e.delete_ = v[6];
    e.delete_list = v[7];
    e.insert = v[8];
    e.insert_failed = v[9];
    e.drop = v[10];
    e.early_drop = v[11];
    if (v.size() == 17) e.search_restart = v[16];
    out.push_back(e);
  }
  return out;
}

Result<std::vector<NfConntrackStatEntry>> ReadNfConntrackStat(const Paths& paths) {
  std::string path = paths.Proc("net/stat/nf_conntrack");
  return ParseFile(path, ParseNfConntrackStat);
}

Result<std::uint64_t> ParseNfConntrackValue(std::string_view text) { return ParseUint(Trim(text)); }

Result<std::uint64_t> ReadNfConntrackCount(const Paths& paths) {
  return ReadValue(paths, "sys/net/netfilter/nf_conntrack_count");
}

Result<std::uint64_t> ReadNfConntrackMax(const Paths& paths) {
  return ReadValue(paths, "sys/net/netfilter/nf_conntrack_max");
}

}  // namespace host_exporter::procfs
