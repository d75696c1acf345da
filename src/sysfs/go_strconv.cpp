#include "host_exporter/sysfs/go_strconv.h"

#include <limits>
#include <string>

namespace host_exporter::sysfs {
namespace {

char Lower(char c) { return static_cast<char>(c | 0x20); }

std::string Quote(std::string_view s) { return "\"" + std::string(s.substr(0, 64)) + "\""; }

// strconv.underscoreOK: '_' only between digits or after a base prefix.
bool UnderscoreOK(std::string_view s) {
  char saw = '^';
  std::size_t i = 0;
  if (!s.empty() && (s[0] == '-' || s[0] == '+')) s.remove_prefix(1);
  bool hex = false;
  if (s.size() >= 2 && s[0] == '0' && (Lower(s[1]) == 'b' || Lower(s[1]) == 'o' || Lower(s[1]) == 'x')) {
    i = 2;
    saw = '0';
    hex = Lower(s[1]) == 'x';
  }
  for (; i < s.size(); ++i) {
    char c = s[i];
    if ((c >= '0' && c <= '9') || (hex && Lower(c) >= 'a' && Lower(c) <= 'f')) {
      saw = '0';
      continue;
    }
    if (c == '_') {
      if (saw != '0') return false;
      saw = '_';
      continue;
    }
    if (saw == '_') return false;
    saw = '!';
  }
  return saw != '_';
}

Result<std::uint64_t> ParseUintBase0(std::string_view s0, int bits) {
  std::string_view s = s0;
  auto fail = [&](const char* why) { return ParseFail(std::string(why) + " " + Quote(s0)); };
  if (s.empty()) return fail("invalid syntax");
  int base = 10;
  if (s[0] == '0') {
    if (s.size() >= 3 && Lower(s[1]) == 'b') {
      base = 2;
      s.remove_prefix(2);
    } else if (s.size() >= 3 && Lower(s[1]) == 'o') {
      base = 8;
      s.remove_prefix(2);
    } else if (s.size() >= 3 && Lower(s[1]) == 'x') {
      base = 16;
      s.remove_prefix(2);
    } else {
      base = 8;
      s.remove_prefix(1);
    }
  }
  const std::uint64_t max = bits >= 64 ? std::numeric_limits<std::uint64_t>::max()
                                       : (std::uint64_t{1} << bits) - 1;
  std::uint64_t n = 0;
  bool underscores = false;
  for (char c : s) {
    int d;
    if (c == '_') {
      underscores = true;
      continue;
    } else if (c >= '0' && c <= '9') {
      d = c - '0';
    } else if (Lower(c) >= 'a' && Lower(c) <= 'z') {
      d = Lower(c) - 'a' + 10;
    } else {
      return fail("invalid syntax");
    }
    if (d >= base) return fail("invalid syntax");
    if (n > (max - static_cast<std::uint64_t>(d)) / static_cast<std::uint64_t>(base)) {
      return fail("value out of range");
    }
    n = n * static_cast<std::uint64_t>(base) + static_cast<std::uint64_t>(d);
  }
  if (underscores && !UnderscoreOK(s0)) return fail("invalid syntax");
  return n;
}

// xtoi2: two hex digits, followed by `sep` when more text follows.
bool HexByte(std::string_view s, char sep, std::uint8_t& out) {
  if (s.size() < 2) return false;
  if (s.size() > 2 && s[2] != sep) return false;
  int v = 0;
  for (int i = 0; i < 2; ++i) {
    char c = s[static_cast<std::size_t>(i)];
    int d;
    if (c >= '0' && c <= '9') {
      d = c - '0';
    } else if (Lower(c) >= 'a' && Lower(c) <= 'f') {
      d = Lower(c) - 'a' + 10;
    } else {
      return false;
    }
    v = v * 16 + d;
  }
  out = static_cast<std::uint8_t>(v);
  return true;
}

}  // namespace

Result<std::uint64_t> ParseGoUint(std::string_view s, int bits) {
  if (!s.empty() && (s[0] == '+' || s[0] == '-')) return ParseFail("invalid syntax " + Quote(s));
  return ParseUintBase0(s, bits);
}

Result<std::int64_t> ParseGoInt(std::string_view s0, int bits) {
  std::string_view s = s0;
  bool neg = false;
  if (!s.empty() && (s[0] == '+' || s[0] == '-')) {
    neg = s[0] == '-';
    s.remove_prefix(1);
  }
  auto u = ParseUintBase0(s, 64);
  if (!u) return ParseFail(u.error().message.starts_with("value out of range") ? "value out of range " + Quote(s0)
                                                                               : "invalid syntax " + Quote(s0));
  // The unsigned parse checked '_' placement without the sign; Go checks it with.
  const std::uint64_t cutoff = std::uint64_t{1} << (bits - 1);
  if (!neg && *u >= cutoff) return ParseFail("value out of range " + Quote(s0));
  if (neg && *u > cutoff) return ParseFail("value out of range " + Quote(s0));
  if (neg) return *u == cutoff ? std::numeric_limits<std::int64_t>::min() >> (64 - bits)
                               : -static_cast<std::int64_t>(*u);
  return static_cast<std::int64_t>(*u);
}

Result<std::vector<std::uint8_t>> ParseGoMAC(std::string_view s) {
  auto fail = [&] { return ParseFail("address " + std::string(s) + ": invalid MAC address"); };
  if (s.size() < 14) return fail();
  std::vector<std::uint8_t> hw;
  if (s[2] == ':' || s[2] == '-') {
    if ((s.size() + 1) % 3 != 0) return fail();
    std::size_t n = (s.size() + 1) / 3;
    if (n != 6 && n != 8 && n != 20) return fail();
    hw.resize(n);
    for (std::size_t i = 0, x = 0; i < n; ++i, x += 3) {
      if (!HexByte(s.substr(x), s[2], hw[i])) return fail();
    }
  } else if (s[4] == '.') {
    if ((s.size() + 1) % 5 != 0) return fail();
    std::size_t n = 2 * (s.size() + 1) / 5;
    if (n != 6 && n != 8 && n != 20) return fail();
    hw.resize(n);
    for (std::size_t i = 0, x = 0; i < n; i += 2, x += 5) {
      if (!HexByte(s.substr(x, 2), 0, hw[i]) || !HexByte(s.substr(x + 2), s[4], hw[i + 1])) return fail();
    }
  } else {
    return fail();
  }
  return hw;
}

}  // namespace host_exporter::sysfs
