#include "host_exporter/procfs/mdstat.h"

#include <re2/re2.h>

#include <limits>
#include <set>

#include "host_exporter/file.h"
#include "host_exporter/text.h"

namespace host_exporter::procfs {
namespace {

// procfs's regular expressions (Go and RE2 agree on their semantics).
const RE2& StatusLineRe() {
  static const RE2 re(R"((\d+) blocks .*\[(\d+)/(\d+)\] \[([U_]+)\])");
  return re;
}
const RE2& RecoveryBlocksRe() {
  static const RE2 re(R"(\((\d+/\d+)\))");
  return re;
}
const RE2& RecoveryPctRe() {
  static const RE2 re(R"(= (.+)%)");
  return re;
}
const RE2& RecoveryFinishRe() {
  static const RE2 re(R"(finish=(.+)min)");
  return re;
}
const RE2& RecoverySpeedRe() {
  static const RE2 re(R"(speed=(.+)[A-Z])");
  return re;
}
const RE2& ComponentRe() {
  static const RE2 re(R"((.*)\[(\d+)\](\([SF]+\))?)");
  return re;
}

re2::StringPiece Piece(std::string_view s) { return re2::StringPiece(s.data(), s.size()); }
std::string_view View(const re2::StringPiece& p) { return std::string_view(p.data(), p.size()); }

std::int64_t Count(std::string_view s, std::string_view what) {
  std::int64_t n = 0;
  for (std::size_t pos = s.find(what); pos != std::string_view::npos; pos = s.find(what, pos + what.size())) ++n;
  return n;
}

bool Contains(std::string_view s, std::string_view what) { return s.find(what) != std::string_view::npos; }

struct StatusLine {
  std::int64_t active = 0, total = 0, down = 0, size = 0;
};

Result<StatusLine> EvalStatusLine(std::string_view device_line, std::string_view status_line) {
  auto fields = SplitFields(status_line);
  if (fields.empty()) return ParseFail("unexpected status line \"" + std::string(status_line) + "\"");
  auto size = ParseInt(fields[0]);
  if (!size) return ParseFail("unexpected status line \"" + std::string(status_line) + "\"");
  StatusLine s;
  s.size = *size;
  if (Contains(device_line, "raid0") || Contains(device_line, "linear")) {
    // Only the member disks carry a [n] on the device line.
    s.total = s.active = Count(device_line, "[");
    return s;
  }
  if (Contains(device_line, "inactive")) return s;
  re2::StringPiece m[5];
  if (!StatusLineRe().Match(Piece(status_line), 0, status_line.size(), RE2::UNANCHORED, m, 5)) {
    return ParseFail("could not find all substring matches in \"" + std::string(status_line) + "\"");
  }
  auto total = ParseInt(View(m[2]));
  auto active = ParseInt(View(m[3]));
  if (!total || !active) return ParseFail("unexpected status line \"" + std::string(status_line) + "\"");
  s.total = *total;
  s.active = *active;
  s.down = Count(View(m[4]), "_");
  return s;
}

Status EvalRecoveryLine(std::string_view line, MDStat& md) {
  auto bad = [&](std::string_view what) {
    return ParseFail("unexpected recovery line (" + std::string(what) + "): \"" + std::string(Trim(line)) + "\"");
  };
  re2::StringPiece m[2];
  if (!RecoveryBlocksRe().Match(Piece(line), 0, line.size(), RE2::UNANCHORED, m, 2)) return bad("blocks");
  auto blocks = Split(View(m[1]), '/');
  auto synced = ParseInt(blocks[0]);
  auto to_sync = ParseInt(blocks[1]);
  if (!synced || !to_sync) return bad("blocks");
  md.blocks_synced = *synced;
  md.blocks_to_be_synced = *to_sync;
  if (!RecoveryPctRe().Match(Piece(line), 0, line.size(), RE2::UNANCHORED, m, 2)) return bad("percentage");
  auto pct = ParseDouble(Trim(View(m[1])));
  if (!pct) return bad("percentage");
  md.blocks_synced_pct = *pct;
  if (!RecoveryFinishRe().Match(Piece(line), 0, line.size(), RE2::UNANCHORED, m, 2)) return bad("finish time");
  auto finish = ParseDouble(View(m[1]));
  if (!finish) return bad("finish time");
  md.blocks_synced_finish_time = *finish;
  if (!RecoverySpeedRe().Match(Piece(line), 0, line.size(), RE2::UNANCHORED, m, 2)) return bad("speed");
  auto speed = ParseDouble(View(m[1]));
  if (!speed) return bad("speed");
  md.blocks_synced_speed = *speed;
  return {};
}

Result<std::vector<MDStatComponent>> EvalComponents(const std::vector<std::string_view>& fields) {
  std::vector<MDStatComponent> out;
  for (std::string_view f : fields) {
    re2::StringPiece m[4];
    if (!ComponentRe().Match(Piece(f), 0, f.size(), RE2::UNANCHORED, m, 4)) continue;
    auto idx = ParseInt(View(m[2]));
    if (!idx || *idx > std::numeric_limits<std::int32_t>::max()) {
      return ParseFail("error parsing int from device \"" + std::string(View(m[2])) + "\"");
    }
    MDStatComponent c;
    c.name = std::string(View(m[1]));
    c.descriptor_index = static_cast<std::int32_t>(*idx);
    c.faulty = Contains(View(m[3]), "(F)");
    c.spare = Contains(View(m[3]), "(S)");
    out.push_back(std::move(c));
  }
  return out;
}

}  // namespace

Result<std::vector<MDStat>> ParseMDStat(std::string_view text) {
  constexpr std::string_view kPersonalities = "Personalities : ";
  std::vector<MDStat> out;
  auto lines = Split(text, '\n');
  std::set<std::string, std::less<>> known_types;
  for (std::size_t i = 0; i < lines.size(); ++i) {
    std::string_view line = lines[i];
    if (Trim(line).empty() || line[0] == ' ' || line.starts_with("unused")) continue;
    if (known_types.empty() && line.starts_with(kPersonalities)) {
      for (std::string_view w : SplitFields(line.substr(kPersonalities.size()))) {
        if (w.size() >= 2) known_types.emplace(w.substr(1, w.size() - 2));  // "[raid1]"
      }
      continue;
    }
    auto f = SplitFields(line);
    if (f.size() < 3) return ParseFail("expected 3+ fields in md device line \"" + std::string(line) + "\"");
    MDStat md;
    md.name = std::string(f[0]);
    md.activity_state = std::string(f[2]);
    md.type = "unknown";
    auto is_type = [&](std::string_view t) {
      return t.find_first_of("([") == std::string_view::npos && known_types.contains(t);
    };
    std::size_t start = 0;
    if (f.size() > 3) {
      if (is_type(f[3])) {
        md.type = std::string(f[3]);
        start = 4;
      } else if (f.size() > 4 && is_type(f[4])) {
        md.type = std::string(f[4]);  // after "(auto-read-only)" and the like
        start = 5;
      }
    }
    if (lines.size() <= i + 3) return ParseFail("too few lines for md device \"" + md.name + "\"");
    md.disks_failed = Count(line, "(F)");
    md.disks_spare = Count(line, "(S)");
    auto status = EvalStatusLine(lines[i], lines[i + 1]);
    if (!status) return ParseFail("md device " + md.name + ": " + status.error().message);
    md.disks_active = status->active;
    md.disks_total = status->total;
    md.disks_down = status->down;
    md.blocks_total = status->size;

    std::size_t sync_idx = i + 2;
    if (Contains(lines[i + 2], "bitmap")) ++sync_idx;
    std::string_view sync = lines[sync_idx];
    md.blocks_synced = md.blocks_to_be_synced = status->size;
    bool recovering = Contains(sync, "recovery");
    bool reshaping = Contains(sync, "reshape");
    bool resyncing = Contains(sync, "resync");
    bool checking = Contains(sync, "check");
    if (recovering || reshaping || resyncing || checking) {
      md.activity_state = recovering ? "recovering" : reshaping ? "reshaping" : checking ? "checking" : "resyncing";
      if (Contains(sync, "PENDING") || Contains(sync, "DELAYED")) {
        md.blocks_synced = 0;
      } else if (auto s = EvalRecoveryLine(sync, md); !s) {
        return ParseFail("md device " + md.name + ": " + s.error().message);
      }
    }
    auto devices = EvalComponents(std::vector<std::string_view>(f.begin() + static_cast<std::ptrdiff_t>(start), f.end()));
    if (!devices) return ParseFail("md device " + md.name + ": " + devices.error().message);
    md.devices = std::move(*devices);
    out.push_back(std::move(md));
  }
  return out;
}

Result<std::vector<MDStat>> ReadMDStat(const Paths& paths) {
  std::string path = paths.Proc("mdstat");
  auto text = ReadFile(path);
  if (!text) return std::unexpected(text.error());
  auto parsed = ParseMDStat(*text);
  if (!parsed) return std::unexpected(InFile(path, parsed.error()));
  return parsed;
}

}  // namespace host_exporter::procfs
