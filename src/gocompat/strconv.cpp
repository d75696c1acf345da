#include "host_exporter/gocompat/strconv.h"

#include <charconv>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <limits>
#include <string>
#include <vector>

#include "host_exporter/gocompat/utf8.h"

namespace host_exporter::gocompat {
namespace {

char Lower(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c; }

bool EqualFold(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i) {
    if (Lower(a[i]) != Lower(b[i])) return false;
  }
  return true;
}

bool IsDigit(char c) { return c >= '0' && c <= '9'; }

// Decimal float syntax without sign: digits [. digits] [e [sign] digits], at
// least one mantissa digit.
bool IsDecimalFloat(std::string_view s) {
  std::size_t i = 0, digits = 0;
  while (i < s.size() && IsDigit(s[i])) ++i, ++digits;
  if (i < s.size() && s[i] == '.') {
    ++i;
    while (i < s.size() && IsDigit(s[i])) ++i, ++digits;
  }
  if (digits == 0) return false;
  if (i < s.size() && (s[i] == 'e' || s[i] == 'E')) {
    ++i;
    if (i < s.size() && (s[i] == '+' || s[i] == '-')) ++i;
    std::size_t exp_digits = 0;
    while (i < s.size() && IsDigit(s[i])) ++i, ++exp_digits;
    if (exp_digits == 0) return false;
  }
  return i == s.size();
}

std::string QuoteInner(std::string_view s, char quote) {
  std::string out;
  while (!s.empty()) {
    std::size_t n = ValidRuneLength(s);
    unsigned char c = static_cast<unsigned char>(s[0]);
    if (n > 1) {
      out.append(s.substr(0, n));
      s.remove_prefix(n);
      continue;
    }
    s.remove_prefix(1);
    if (n == 1 && c == static_cast<unsigned char>(quote)) {
      out.push_back('\\');
      out.push_back(quote);
    } else if (n == 1 && c == '\\') {
      out.append("\\\\");
    } else if (n == 1 && c >= 0x20 && c < 0x7f) {
      out.push_back(static_cast<char>(c));
    } else if (c == '\n') {
      out.append("\\n");
    } else if (c == '\t') {
      out.append("\\t");
    } else if (c == '\r') {
      out.append("\\r");
    } else {
      char buf[8];
      std::snprintf(buf, sizeof buf, "\\x%02x", c);
      out.append(buf);
    }
  }
  return out;
}

// c | 0x20: ASCII lower case for letters (as strconv's lower()).
char LowerBits(char c) { return static_cast<char>(c | 0x20); }

// The text of a number in an error message, cut at 64 bytes.
std::string QuoteNum(std::string_view s) { return "\"" + std::string(s.substr(0, 64)) + "\""; }

// strconv.underscoreOK: '_' only between digits or after a base prefix.
bool UnderscoreOK(std::string_view s) {
  char saw = '^';
  std::size_t i = 0;
  if (!s.empty() && (s[0] == '-' || s[0] == '+')) s.remove_prefix(1);
  bool hex = false;
  if (s.size() >= 2 && s[0] == '0' &&
      (LowerBits(s[1]) == 'b' || LowerBits(s[1]) == 'o' || LowerBits(s[1]) == 'x')) {
    i = 2;
    saw = '0';
    hex = LowerBits(s[1]) == 'x';
  }
  for (; i < s.size(); ++i) {
    char c = s[i];
    if ((c >= '0' && c <= '9') || (hex && LowerBits(c) >= 'a' && LowerBits(c) <= 'f')) {
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

// strconv.ParseUint(s0, 0, bits); errors quote `shown` (ParseInt's whole text).
Result<std::uint64_t> ParseUnsigned(std::string_view s0, int bits, std::string_view shown) {
  std::string_view s = s0;
  auto fail = [&](const char* why) { return ParseFail(std::string(why) + " " + QuoteNum(shown)); };
  if (s.empty()) return fail("invalid syntax");
  int base = 10;
  if (s[0] == '0') {
    if (s.size() >= 3 && LowerBits(s[1]) == 'b') {
      base = 2;
      s.remove_prefix(2);
    } else if (s.size() >= 3 && LowerBits(s[1]) == 'o') {
      base = 8;
      s.remove_prefix(2);
    } else if (s.size() >= 3 && LowerBits(s[1]) == 'x') {
      base = 16;
      s.remove_prefix(2);
    } else {
      base = 8;
      s.remove_prefix(1);
    }
  }
  const std::uint64_t max =
      bits >= 64 ? std::numeric_limits<std::uint64_t>::max() : (std::uint64_t{1} << bits) - 1;
  std::uint64_t n = 0;
  bool underscores = false;
  for (char c : s) {
    int d;
    if (c == '_') {
      underscores = true;
      continue;
    } else if (c >= '0' && c <= '9') {
      d = c - '0';
    } else if (LowerBits(c) >= 'a' && LowerBits(c) <= 'z') {
      d = LowerBits(c) - 'a' + 10;
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
    } else if (LowerBits(c) >= 'a' && LowerBits(c) <= 'f') {
      d = LowerBits(c) - 'a' + 10;
    } else {
      return false;
    }
    v = v * 16 + d;
  }
  out = static_cast<std::uint8_t>(v);
  return true;
}

}  // namespace

Result<double> ParseFloat(std::string_view s) {
  auto bad = [&] { return ParseFail("strconv.ParseFloat: parsing " + Quote(s) + ": invalid syntax"); };
  std::string_view t = s;
  bool neg = false;
  bool has_sign = false;
  if (!t.empty() && (t.front() == '+' || t.front() == '-')) {
    neg = t.front() == '-';
    has_sign = true;
    t.remove_prefix(1);
  }
  if (EqualFold(t, "inf") || EqualFold(t, "infinity")) {
    return neg ? -std::numeric_limits<double>::infinity() : std::numeric_limits<double>::infinity();
  }
  if (!has_sign && EqualFold(t, "nan")) return std::numeric_limits<double>::quiet_NaN();
  if (!IsDecimalFloat(t)) return bad();
  double v = 0;
  auto [p, ec] = std::from_chars(t.data(), t.data() + t.size(), v, std::chars_format::general);
  if (p != t.data() + t.size()) return bad();
  if (ec == std::errc::result_out_of_range) {
    // from_chars does not say which way it went out of range; strtod does.
    std::string copy(t);
    v = std::strtod(copy.c_str(), nullptr);
    if (std::isinf(v)) return ParseFail("strconv.ParseFloat: parsing " + Quote(s) + ": value out of range");
  } else if (ec != std::errc()) {
    return bad();
  }
  return neg ? -v : v;
}

std::uint64_t FloatToUint64(double f) {
  constexpr double kTwo63 = 9223372036854775808.0;
  constexpr std::uint64_t kIndefinite = std::uint64_t{1} << 63;
  if (std::isnan(f)) return kIndefinite;
  if (f < kTwo63) {
    if (f <= -kTwo63) return kIndefinite;  // CVTTSD2SQ's "integer indefinite"
    return static_cast<std::uint64_t>(static_cast<std::int64_t>(f));
  }
  double y = f - kTwo63;
  if (y >= kTwo63) return kIndefinite;
  return static_cast<std::uint64_t>(static_cast<std::int64_t>(y)) | kIndefinite;
}

std::string Quote(std::string_view s) { return "\"" + QuoteInner(s, '"') + "\""; }

std::string QuoteByte(char c) {
  // A byte formats as the rune of the same value.
  unsigned char u = static_cast<unsigned char>(c);
  if (u >= 0x80) {
    std::string utf8{static_cast<char>(0xC0 | (u >> 6)), static_cast<char>(0x80 | (u & 0x3F))};
    return "'" + utf8 + "'";
  }
  return "'" + QuoteInner(std::string_view(&c, 1), '\'') + "'";
}

Result<std::uint64_t> ParseUintBase0(std::string_view s, int bits) {
  if (!s.empty() && (s[0] == '+' || s[0] == '-')) return ParseFail("invalid syntax " + QuoteNum(s));
  return ParseUnsigned(s, bits, s);
}

Result<std::int64_t> ParseIntBase0(std::string_view s0, int bits) {
  std::string_view s = s0;
  bool neg = false;
  if (!s.empty() && (s[0] == '+' || s[0] == '-')) {
    neg = s[0] == '-';
    s.remove_prefix(1);
  }
  auto u = ParseUnsigned(s, 64, s0);
  if (!u) return std::unexpected(u.error());
  // The unsigned parse checked '_' placement without the sign; Go checks it with.
  const std::uint64_t cutoff = std::uint64_t{1} << (bits - 1);
  if (!neg && *u >= cutoff) return ParseFail("value out of range " + QuoteNum(s0));
  if (neg && *u > cutoff) return ParseFail("value out of range " + QuoteNum(s0));
  if (neg)
    return *u == cutoff ? std::numeric_limits<std::int64_t>::min() >> (64 - bits)
                        : -static_cast<std::int64_t>(*u);
  return static_cast<std::int64_t>(*u);
}

Result<std::vector<std::uint8_t>> ParseMAC(std::string_view s) {
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

}  // namespace host_exporter::gocompat
