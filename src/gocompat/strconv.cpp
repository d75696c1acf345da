#include "host_exporter/gocompat/strconv.h"

#include <charconv>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <limits>

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

}  // namespace host_exporter::gocompat
