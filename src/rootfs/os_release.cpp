#include "host_exporter/rootfs/os_release.h"

#include <cstdio>
#include <vector>

#include "host_exporter/file.h"
#include "host_exporter/text.h"

namespace host_exporter::rootfs {
namespace {

bool IsGoSpace(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f'; }

std::string_view TrimGo(std::string_view s) {
  while (!s.empty() && IsGoSpace(s.front())) s.remove_prefix(1);
  while (!s.empty() && IsGoSpace(s.back())) s.remove_suffix(1);
  return s;
}

std::string Hex2(unsigned char c) {
  char buf[8];
  std::snprintf(buf, sizeof buf, "0x%02x", c);
  return buf;
}

// Four hex digits at the start of s (go-envparse's h2r).
Result<char32_t> HexRune(std::string_view s) {
  if (s.size() < 4) return ParseFail("incomplete hex sequence");
  char32_t r = 0;
  for (int i = 0; i < 4; ++i) {
    char d = s[static_cast<std::size_t>(i)];
    int v;
    if (d >= '0' && d <= '9') v = d - '0';
    else if (d >= 'a' && d <= 'f') v = d - 'a' + 10;
    else if (d >= 'A' && d <= 'F') v = d - 'A' + 10;
    else return ParseFail(std::string("invalid hex character: \"") + d + "\"");
    r = r * 16 + static_cast<char32_t>(v);
  }
  return r;
}

void AppendUtf8(std::string& out, char32_t r) {
  if (r > 0x10FFFF || (r >= 0xD800 && r < 0xE000)) r = 0xFFFD;
  if (r < 0x80) {
    out.push_back(static_cast<char>(r));
  } else if (r < 0x800) {
    out.push_back(static_cast<char>(0xC0 | (r >> 6)));
    out.push_back(static_cast<char>(0x80 | (r & 0x3F)));
  } else if (r < 0x10000) {
    out.push_back(static_cast<char>(0xE0 | (r >> 12)));
    out.push_back(static_cast<char>(0x80 | ((r >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (r & 0x3F)));
  } else {
    out.push_back(static_cast<char>(0xF0 | (r >> 18)));
    out.push_back(static_cast<char>(0x80 | ((r >> 12) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | ((r >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (r & 0x3F)));
  }
}

// One line: {} key for a blank or comment line.
Result<std::pair<std::string, std::string>> ParseEnvLine(std::string_view ln) {
  ln = TrimGo(ln);
  if (ln.empty() || ln.front() == '#') return std::pair<std::string, std::string>{};
  std::size_t eq = ln.find('=');
  if (eq == std::string_view::npos) return ParseFail("missing =");
  std::string_view key = TrimGo(ln.substr(0, eq));
  std::string_view value = TrimGo(ln.substr(eq + 1));
  constexpr std::string_view kExport = "export ";
  if (key.size() > kExport.size() && key.starts_with(kExport)) key.remove_prefix(kExport.size());
  if (key.empty()) return ParseFail("empty key");
  char k0 = key.front();
  if (!((k0 >= 'A' && k0 <= 'Z') || (k0 >= 'a' && k0 <= 'z') || k0 == '_')) {
    return ParseFail(std::string("key must start with [A-Za-z_] but found '") + k0 + "'");
  }
  for (char c : key.substr(1)) {
    if (!((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || c == '.' ||
          c == '/')) {
      return ParseFail(std::string("key characters must be [A-Za-z0-9/_.] but found '") + c + "'");
    }
  }

  enum Mode { kNormal, kDouble, kSingle, kEscape } mode = kNormal;
  std::string out;
  std::size_t last_sig = 0;  // length up to the last significant character
  for (std::size_t i = 0; i < value.size(); ++i) {
    auto v = static_cast<unsigned char>(value[i]);
    if (v < 32) return ParseFail(Hex2(v) + " is an invalid value character");
    if (v > 127) {
      if (mode == kEscape) return ParseFail("multibyte characters disallowed in escape sequences");
      // go-envparse marks the position before the byte as significant.
      last_sig = out.size();
      out.push_back(static_cast<char>(v));
      continue;
    }
    char c = static_cast<char>(v);
    switch (mode) {
      case kNormal:
        if (c == '"') {
          mode = kDouble;
        } else if (c == '\'') {
          mode = kSingle;
        } else if (c == '#') {
          out.resize(last_sig);
          return std::pair{std::string(key), std::move(out)};
        } else if (c == ' ' || c == '\t') {
          out.push_back(c);
        } else {
          out.push_back(c);
          last_sig = out.size();
        }
        break;
      case kDouble:
        if (c == '"') {
          mode = kNormal;
        } else if (c == '\\') {
          mode = kEscape;
        } else {
          out.push_back(c);
          last_sig = out.size();
        }
        break;
      case kEscape: {
        switch (c) {
          case '"': case '\\': case '/': out.push_back(c); break;
          case 'b': out.push_back('\b'); break;
          case 'f': out.push_back('\f'); break;
          case 'r': out.push_back('\r'); break;
          case 'n': out.push_back('\n'); break;
          case 't': out.push_back('\t'); break;
          case 'u': {
            auto r = HexRune(value.substr(i + 1));
            if (!r) return std::unexpected(r.error());
            i += 4;
            char32_t rune = *r;
            if (rune >= 0xD800 && rune < 0xE000) {
              if (value.size() < i + 6 || value[i + 1] != '\\' || value[i + 2] != 'u') {
                return ParseFail("incomplete Unicode surrogate pair");
              }
              auto r2 = HexRune(value.substr(i + 3));
              if (!r2) return std::unexpected(r2.error());
              i += 6;
              // utf16.DecodeRune: a valid pair combines, anything else is U+FFFD.
              if (rune < 0xDC00 && *r2 >= 0xDC00 && *r2 < 0xE000) {
                rune = 0x10000 + ((rune - 0xD800) << 10) + (*r2 - 0xDC00);
              } else {
                rune = 0xFFFD;
              }
            }
            AppendUtf8(out, rune);
            break;
          }
          default:
            return ParseFail(std::string("invalid escape sequence: \"") + c + "\"");
        }
        last_sig = out.size();
        mode = kDouble;
        break;
      }
      case kSingle:
        if (c == '\'') {
          mode = kNormal;
        } else {
          out.push_back(c);
          last_sig = out.size();
        }
        break;
    }
  }
  switch (mode) {
    case kNormal: return std::pair{std::string(key), std::move(out)};
    case kDouble: return ParseFail("unmatched \"");
    case kSingle: return ParseFail("unmatched '");
    case kEscape: break;
  }
  return ParseFail("incomplete escape sequence");
}

bool IsLeap(std::int64_t y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

// Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's algorithm).
std::int64_t DaysFromCivil(std::int64_t y, unsigned m, unsigned d) {
  y -= m <= 2;
  const std::int64_t era = (y >= 0 ? y : y - 399) / 400;
  const auto yoe = static_cast<unsigned>(y - era * 400);
  const unsigned doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + static_cast<std::int64_t>(doe) - 719468;
}

// Go's time.Parse(time.DateOnly, s) in UTC, as Unix seconds.
Result<std::int64_t> ParseDateOnly(std::string_view s) {
  auto bad = [&](const char* why) {
    return ParseFail("SUPPORT_END \"" + std::string(s.substr(0, 40)) + "\": " + why);
  };
  auto digits = [&](std::size_t pos, std::size_t n) -> int {
    int v = 0;
    for (std::size_t i = pos; i < pos + n; ++i) {
      if (i >= s.size() || s[i] < '0' || s[i] > '9') return -1;
      v = v * 10 + (s[i] - '0');
    }
    return v;
  };
  int year = digits(0, 4);
  if (year < 0 || s.size() < 5 || s[4] != '-') return bad("not a YYYY-MM-DD date");
  int month = digits(5, 2);
  if (month < 0 || s.size() < 8 || s[7] != '-') return bad("not a YYYY-MM-DD date");
  int day = digits(8, 2);
  if (day < 0) return bad("not a YYYY-MM-DD date");
  if (s.size() > 10) return bad("extra text after the date");
  if (month < 1 || month > 12) return bad("month out of range");
  static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  int max_day = kDays[month - 1] + (month == 2 && IsLeap(year) ? 1 : 0);
  if (day < 1 || day > max_day) return bad("day out of range");
  return DaysFromCivil(year, static_cast<unsigned>(month), static_cast<unsigned>(day)) * 86400;
}

// node_exporter's versionRegex `^[0-9]+\.?[0-9]*`, then ParseFloat.
double VersionNumber(std::string_view id) {
  std::size_t i = 0;
  while (i < id.size() && id[i] >= '0' && id[i] <= '9') ++i;
  if (i == 0) return 0;
  std::size_t end = i;
  if (end < id.size() && id[end] == '.') {
    std::size_t j = end + 1;
    while (j < id.size() && id[j] >= '0' && id[j] <= '9') ++j;
    // "12." parses as 12 in Go; keep the digits after the dot only if any.
    end = j > end + 1 ? j : end;
  }
  auto v = ParseDouble(id.substr(0, end));
  return v ? *v : 0;
}

}  // namespace

Result<std::map<std::string, std::string, std::less<>>> ParseEnvFile(std::string_view text) {
  std::map<std::string, std::string, std::less<>> env;
  auto lines = SplitLines(text);
  for (std::size_t i = 0; i < lines.size(); ++i) {
    auto kv = ParseEnvLine(lines[i]);
    if (!kv) return ParseFail("error on line " + std::to_string(i + 1) + ": " + kv.error().message);
    if (!kv->first.empty()) env[kv->first] = std::move(kv->second);
  }
  return env;
}

Result<OsRelease> ParseOsRelease(std::string_view text) {
  auto env = ParseEnvFile(text);
  if (!env) return std::unexpected(env.error());
  auto get = [&](std::string_view k) {
    auto it = env->find(k);
    return it == env->end() ? std::string() : it->second;
  };
  OsRelease r;
  r.name = get("NAME");
  r.id = get("ID");
  r.id_like = get("ID_LIKE");
  r.pretty_name = get("PRETTY_NAME");
  r.variant = get("VARIANT");
  r.variant_id = get("VARIANT_ID");
  r.version = get("VERSION");
  r.version_id = get("VERSION_ID");
  r.version_codename = get("VERSION_CODENAME");
  r.build_id = get("BUILD_ID");
  r.image_id = get("IMAGE_ID");
  r.image_version = get("IMAGE_VERSION");
  r.support_end = get("SUPPORT_END");
  r.version_number = VersionNumber(r.version_id);
  if (!r.support_end.empty()) {
    auto t = ParseDateOnly(r.support_end);
    if (!t) return std::unexpected(t.error());
    r.support_end_unix = *t;
  }
  return r;
}

Result<OsRelease> ReadOsRelease(const Paths& paths) {
  for (const char* rel : {"etc/os-release", "usr/lib/os-release"}) {
    std::string path = paths.Root(rel);
    auto text = ReadFile(path);
    if (!text) {
      if (text.error().kind == ErrorKind::kNotFound) continue;
      return std::unexpected(text.error());
    }
    auto parsed = ParseOsRelease(*text);
    if (!parsed) return std::unexpected(InFile(path, parsed.error()));
    return parsed;
  }
  return NoData("no os-release file found in " + paths.Root("etc/os-release") + ", " +
                paths.Root("usr/lib/os-release"));
}

}  // namespace host_exporter::rootfs
