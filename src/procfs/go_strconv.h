// Go's strconv.ParseUint / ParseInt with base 0, which prometheus/procfs uses
// for /proc/meminfo and /proc/net/sockstat values: a "0x", "0o", "0b" or
// leading "0" prefix selects the base, and '_' may separate digits.
// Private to the readers. Thread safety: reentrant.
#pragma once

#include <cstdint>
#include <limits>
#include <string>
#include <string_view>

#include "host_exporter/result.h"
#include "host_exporter/text.h"

namespace host_exporter::procfs::detail {

// Go's underscoreOK: '_' only between digits (a base prefix counts as a digit).
inline bool GoUnderscoreOk(std::string_view s) {
  char saw = '^';
  std::size_t i = 0;
  bool hex = false;
  auto lower = [](char c) { return static_cast<char>(c | 0x20); };
  if (s.size() >= 2 && s[0] == '0' &&
      (lower(s[1]) == 'b' || lower(s[1]) == 'o' || lower(s[1]) == 'x')) {
    i = 2;
    saw = '0';
    hex = lower(s[1]) == 'x';
  }
  for (; i < s.size(); ++i) {
    char c = s[i];
    if ((c >= '0' && c <= '9') || (hex && lower(c) >= 'a' && lower(c) <= 'f')) {
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

inline Result<std::uint64_t> ParseGoUint0(std::string_view s) {
  auto bad = [&] { return ParseFail("invalid unsigned integer \"" + std::string(s.substr(0, 64)) + "\""); };
  if (s.empty()) return bad();
  std::string digits;
  if (s.find('_') != std::string_view::npos) {
    if (!GoUnderscoreOk(s)) return bad();
    for (char c : s) {
      if (c != '_') digits.push_back(c);
    }
  } else {
    digits.assign(s);
  }
  std::string_view d = digits;
  int base = 10;
  if (d.size() >= 2 && d[0] == '0') {
    char p = static_cast<char>(d[1] | 0x20);
    if (p == 'x') {
      base = 16;
      d.remove_prefix(2);
    } else if (p == 'o') {
      base = 8;
      d.remove_prefix(2);
    } else if (p == 'b') {
      base = 2;
      d.remove_prefix(2);
    } else {
      base = 8;
      d.remove_prefix(1);
    }
    if (d.empty()) return bad();
  }
  // ParseUint would accept a second "0x" or a sign; Go does not.
  if (d.front() == '+' || d.front() == '-' || (d.size() >= 2 && (d[1] | 0x20) == 'x')) return bad();
  auto v = ParseUint(d, base);
  if (!v) return bad();
  return *v;
}

inline Result<std::int64_t> ParseGoInt0(std::string_view s) {
  auto bad = [&] { return ParseFail("invalid integer \"" + std::string(s.substr(0, 64)) + "\""); };
  bool neg = false;
  std::string_view u = s;
  if (!u.empty() && (u.front() == '+' || u.front() == '-')) {
    neg = u.front() == '-';
    u.remove_prefix(1);
  }
  auto v = ParseGoUint0(u);
  if (!v) return bad();
  constexpr auto kMax = static_cast<std::uint64_t>(std::numeric_limits<std::int64_t>::max());
  if (neg) {
    if (*v > kMax + 1) return bad();
    return *v == kMax + 1 ? std::numeric_limits<std::int64_t>::min() : -static_cast<std::int64_t>(*v);
  }
  if (*v > kMax) return bad();
  return static_cast<std::int64_t>(*v);
}

}  // namespace host_exporter::procfs::detail
