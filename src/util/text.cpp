#include "host_exporter/text.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstring>
#include <limits>

namespace host_exporter {
namespace {
// ' ' and \t \n \v \f \r (9..13), as isspace in the C locale.
bool IsSpace(char c) { return c == ' ' || (c >= '\t' && c <= '\r'); }

// How many times c occurs in s, by memchr: glibc's scans many bytes a cycle,
// where std::count's byte loop took about five instructions per byte, more
// than the split that follows it.
std::size_t Count(std::string_view s, char c) {
  std::size_t n = 0;
  const char* p = s.data();
  const char* const end = p + s.size();
  while (p != end &&
         (p = static_cast<const char*>(std::memchr(p, c, static_cast<std::size_t>(end - p)))) != nullptr) {
    ++n;
    ++p;
  }
  return n;
}

std::string Quote(std::string_view s) {
  std::string out = "\"";
  out.append(s.substr(0, 64));
  if (s.size() > 64) out.append("...");
  out.push_back('"');
  return out;
}
}  // namespace

std::string_view Trim(std::string_view s) {
  while (!s.empty() && IsSpace(s.front())) s.remove_prefix(1);
  while (!s.empty() && IsSpace(s.back())) s.remove_suffix(1);
  return s;
}

// The splitters allocate once: growing the vector one push at a time cost
// more than the scan itself on /proc files of many short lines. A line of n
// bytes has at most n/2+1 fields; the guess is capped, longer lines regrow.
std::vector<std::string_view> SplitFields(std::string_view line) {
  std::vector<std::string_view> out;
  if (line.empty()) return out;
  out.reserve(std::min<std::size_t>(line.size() / 2 + 1, 256));
  std::size_t i = 0;
  while (i < line.size()) {
    while (i < line.size() && IsSpace(line[i])) ++i;
    std::size_t start = i;
    while (i < line.size() && !IsSpace(line[i])) ++i;
    if (i > start) out.push_back(line.substr(start, i - start));
  }
  return out;
}

std::vector<std::string_view> Split(std::string_view s, char sep) {
  std::vector<std::string_view> out;
  out.reserve(Count(s, sep) + 1);
  std::size_t start = 0;
  for (;;) {
    std::size_t pos = s.find(sep, start);
    if (pos == std::string_view::npos) {
      out.push_back(s.substr(start));
      return out;
    }
    out.push_back(s.substr(start, pos - start));
    start = pos + 1;
  }
}

std::vector<std::string_view> SplitLines(std::string_view text) {
  std::vector<std::string_view> out;
  out.reserve(Count(text, '\n') + 1);
  std::size_t start = 0;
  while (start < text.size()) {
    std::size_t pos = text.find('\n', start);
    if (pos == std::string_view::npos) pos = text.size();
    out.push_back(text.substr(start, pos - start));
    start = pos + 1;
  }
  return out;
}

std::vector<std::string_view> ScanLines(std::string_view text) {
  auto lines = SplitLines(text);
  for (auto& l : lines) {
    if (l.ends_with('\r')) l.remove_suffix(1);
  }
  return lines;
}

void ReplaceAll(std::string& s, std::string_view from, std::string_view to) {
  std::size_t pos = 0;
  while ((pos = s.find(from, pos)) != std::string::npos) {
    s.replace(pos, from.size(), to);
    pos += to.size();
  }
}

Result<std::uint64_t> ParseUint(std::string_view s, int base) {
  std::uint64_t v = 0;
  if (base == 16 && (s.starts_with("0x") || s.starts_with("0X"))) s.remove_prefix(2);
  auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), v, base);
  if (s.empty() || ec != std::errc() || p != s.data() + s.size()) {
    return ParseFail("invalid unsigned integer " + Quote(s));
  }
  return v;
}

Result<std::int64_t> ParseInt(std::string_view s, int base) {
  std::int64_t v = 0;
  if (!s.empty() && s.front() == '+') s.remove_prefix(1);
  auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), v, base);
  if (s.empty() || ec != std::errc() || p != s.data() + s.size()) {
    return ParseFail("invalid integer " + Quote(s));
  }
  return v;
}

Result<double> ParseDouble(std::string_view s) {
  std::string_view t = s;
  bool neg = false;
  if (!t.empty() && (t.front() == '+' || t.front() == '-')) {
    neg = t.front() == '-';
    t.remove_prefix(1);
  }
  // Most values in /proc and /sys are plain integers: up to 15 digits are
  // exact in a double, so they need no float parsing.
  if (!t.empty() && t.size() <= 15) {
    std::uint64_t n = 0;
    std::size_t i = 0;
    for (; i < t.size() && t[i] >= '0' && t[i] <= '9'; ++i)
      n = n * 10 + static_cast<std::uint64_t>(t[i] - '0');
    if (i == t.size()) return neg ? -static_cast<double>(n) : static_cast<double>(n);
  }
  // Go's ParseFloat accepts Inf/NaN spellings; from_chars accepts most of them too,
  // but not a leading '+'.
  double v = 0;
  auto [p, ec] = std::from_chars(t.data(), t.data() + t.size(), v);
  if (t.empty() || p != t.data() + t.size()) return ParseFail("invalid number " + Quote(s));
  if (ec == std::errc::result_out_of_range) {
    // Go returns ±Inf for overflow and 0 for underflow; keep that.
    v = (std::abs(v) < 1) ? 0.0 : std::numeric_limits<double>::infinity();
  } else if (ec != std::errc()) {
    return ParseFail("invalid number " + Quote(s));
  }
  return neg ? -v : v;
}

Result<std::chrono::nanoseconds> ParseGoDuration(std::string_view s) {
  std::string_view orig = s;
  auto bad = [&] { return ParseFail("invalid duration " + Quote(orig)); };
  bool neg = false;
  if (!s.empty() && (s.front() == '-' || s.front() == '+')) {
    neg = s.front() == '-';
    s.remove_prefix(1);
  }
  if (s == "0") return std::chrono::nanoseconds(0);
  if (s.empty()) return bad();
  long double total = 0;
  while (!s.empty()) {
    std::size_t i = 0;
    while (i < s.size() && ((s[i] >= '0' && s[i] <= '9') || s[i] == '.')) ++i;
    if (i == 0) return bad();
    double num = 0;
    auto [p, ec] = std::from_chars(s.data(), s.data() + i, num);
    if (ec != std::errc() || p != s.data() + i) return bad();
    s.remove_prefix(i);
    std::size_t j = 0;
    while (j < s.size() && !((s[j] >= '0' && s[j] <= '9') || s[j] == '.')) ++j;
    std::string_view unit = s.substr(0, j);
    s.remove_prefix(j);
    long double mult;
    if (unit == "ns")
      mult = 1;
    else if (unit == "us" || unit == "\xC2\xB5s" || unit == "\xCE\xBCs")
      mult = 1e3;
    else if (unit == "ms")
      mult = 1e6;
    else if (unit == "s")
      mult = 1e9;
    else if (unit == "m")
      mult = 60e9;
    else if (unit == "h")
      mult = 3600e9;
    else
      return bad();
    total += static_cast<long double>(num) * mult;
  }
  if (total > static_cast<long double>(std::numeric_limits<std::int64_t>::max())) return bad();
  auto ns = std::chrono::nanoseconds(static_cast<std::int64_t>(total));
  return neg ? -ns : ns;
}

namespace {
bool IsMetricNameChar(char c) {
  return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
}
}  // namespace

std::string SanitizeMetricName(std::string_view s) {
  std::string out;
  std::size_t i = 0;
  while (i < s.size()) {
    std::size_t j = i;
    while (j < s.size() && s[j] == '_') ++j;
    if (j < s.size() && !IsMetricNameChar(s[j])) {
      while (j < s.size() && !IsMetricNameChar(s[j])) ++j;
      while (j < s.size() && s[j] == '_') ++j;
      out.push_back('_');
      i = j;
      continue;
    }
    out.push_back(s[i]);
    ++i;
  }
  return out;
}

Result<bool> ParseBool(std::string_view s) {
  if (s == "1" || s == "t" || s == "T" || s == "TRUE" || s == "true" || s == "True") return true;
  if (s == "0" || s == "f" || s == "F" || s == "FALSE" || s == "false" || s == "False") return false;
  return Fail(ErrorKind::kInvalidArgument, "invalid boolean " + Quote(s));
}

}  // namespace host_exporter
