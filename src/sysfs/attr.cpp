#include "host_exporter/sysfs/attr.h"

#include <cmath>

#include "host_exporter/file.h"
#include "host_exporter/text.h"

namespace host_exporter::sysfs {

Result<std::string> ReadSysAttr(const std::string& path) {
  // sysfs attributes are at most one page; procfs reads 128 bytes of it.
  auto text = ReadFile(path, 4096);
  if (!text) return std::unexpected(text.error());
  if (text->size() > 128) text->resize(128);
  return std::string(Trim(*text));
}

std::vector<std::string> ListNamesOrEmpty(const std::string& dir) {
  auto names = ListDir(dir);
  if (!names) return {};
  return std::move(*names);
}

bool MatchPrefixDigit(std::string_view name, std::string_view prefix) {
  return name.size() > prefix.size() && name.starts_with(prefix) &&
         name[prefix.size()] >= '0' && name[prefix.size()] <= '9';
}

bool MatchHasDash(std::string_view name) { return name.find('-') != std::string_view::npos; }

std::uint64_t GoFloatToUint64(double f) {
  if (std::isnan(f)) return 0x8000000000000000ULL;
  constexpr double kTwo63 = 9223372036854775808.0;
  if (f < kTwo63) {
    if (f <= -kTwo63) return 0x8000000000000000ULL;
    return static_cast<std::uint64_t>(static_cast<std::int64_t>(f));
  }
  if (f >= 2 * kTwo63) return 0x8000000000000000ULL;
  return static_cast<std::uint64_t>(static_cast<std::int64_t>(f - kTwo63)) ^ 0x8000000000000000ULL;
}

Result<std::uint64_t> ParseUintBase0(std::string_view s) {
  std::string_view digits = s;
  int base = 10;
  if (digits.size() > 1 && digits[0] == '0') {
    char p = digits[1];
    if (p == 'x' || p == 'X') {
      base = 16;
      digits.remove_prefix(2);
    } else if (p == 'o' || p == 'O') {
      base = 8;
      digits.remove_prefix(2);
    } else if (p == 'b' || p == 'B') {
      base = 2;
      digits.remove_prefix(2);
    } else {
      base = 8;
      digits.remove_prefix(1);
    }
  }
  auto v = ParseUint(digits, base);
  if (!v) return ParseFail("invalid unsigned integer \"" + std::string(s) + "\"");
  return v;
}

}  // namespace host_exporter::sysfs
