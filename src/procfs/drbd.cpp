#include "host_exporter/procfs/drbd.h"

#include <array>
#include <span>

#include "host_exporter/file.h"
#include "host_exporter/gocompat/strconv.h"
#include "host_exporter/text.h"

namespace host_exporter::procfs {
namespace {

constexpr std::array<std::string_view, 12> kNumberKeys = {"ns", "nr", "dw", "dr", "al", "bm",
                                                          "lo", "pe", "ua", "ap", "ep", "oos"};

bool IsOneOf(std::string_view key, std::span<const std::string_view> keys) {
  for (std::string_view k : keys) {
    if (k == key) return true;
  }
  return false;
}

}  // namespace

std::vector<DrbdField> ParseDrbd(std::string_view text) {
  constexpr std::array<std::string_view, 2> kPairKeys = {"ro", "ds"};
  std::vector<DrbdField> out;
  std::string device = "unknown";
  for (std::string_view word : SplitFields(text)) {
    auto kv = Split(word, ':');
    if (kv.size() != 2) continue;
    std::string_view key = kv[0], value = kv[1];
    if (value.empty()) {
      if (auto minor = ParseUint(key); minor) {
        device = "drbd" + std::to_string(*minor);
        continue;
      }
    }
    DrbdField f;
    if (IsOneOf(key, kNumberKeys)) {
      f.kind = DrbdFieldKind::kNumber;
      if (auto v = gocompat::ParseFloat(value); v) f.number = *v;
    } else if (IsOneOf(key, kPairKeys)) {
      f.kind = DrbdFieldKind::kPair;
      auto halves = Split(value, '/');
      if (halves.size() >= 2) f.pair.emplace(std::string(halves[0]), std::string(halves[1]));
    } else if (key == "cs") {
      f.kind = DrbdFieldKind::kConnection;
    } else {
      continue;
    }
    f.device = device;
    f.key = std::string(key);
    f.value = std::string(value);
    out.push_back(std::move(f));
  }
  return out;
}

Result<std::vector<DrbdField>> ReadDrbd(const Paths& paths) {
  auto text = ReadFile(paths.Proc("drbd"));
  if (!text) return std::unexpected(text.error());
  return ParseDrbd(*text);
}

}  // namespace host_exporter::procfs
