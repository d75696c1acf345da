#include "host_exporter/sysfs/hwmon.h"

#include <array>
#include <cerrno>
#include <charconv>
#include <climits>
#include <cmath>
#include <unordered_map>

#include "host_exporter/file.h"
#include "host_exporter/sysfs/attr_read.h"
#include "host_exporter/text.h"

namespace host_exporter::sysfs {
namespace {

constexpr std::array<std::string_view, 14> kSensorTypes = {
    "vrm", "beep_enable", "update_interval", "in",       "cpu",       "fan",       "pwm",
    "temp", "curr",       "power",           "energy",   "humidity",  "intrusion", "freq"};

bool IsDigit(char c) { return c >= '0' && c <= '9'; }

// Length of the valid UTF-8 sequence starting at s[i], or 0 when the byte there
// starts none (Go decodes such a byte as one U+FFFD rune).
std::size_t Utf8Len(std::string_view s, std::size_t i) {
  auto b = [&](std::size_t k) { return static_cast<unsigned char>(s[i + k]); };
  auto cont = [&](std::size_t k, unsigned lo = 0x80, unsigned hi = 0xBF) {
    return i + k < s.size() && b(k) >= lo && b(k) <= hi;
  };
  unsigned c = b(0);
  if (c < 0x80) return 1;
  if (c >= 0xC2 && c <= 0xDF) return cont(1) ? 2 : 0;
  if (c == 0xE0) return cont(1, 0xA0, 0xBF) && cont(2) ? 3 : 0;
  if ((c >= 0xE1 && c <= 0xEC) || c == 0xEE || c == 0xEF) return cont(1) && cont(2) ? 3 : 0;
  if (c == 0xED) return cont(1, 0x80, 0x9F) && cont(2) ? 3 : 0;
  if (c == 0xF0) return cont(1, 0x90, 0xBF) && cont(2) && cont(3) ? 4 : 0;
  if (c >= 0xF1 && c <= 0xF3) return cont(1) && cont(2) && cont(3) ? 4 : 0;
  if (c == 0xF4) return cont(1, 0x80, 0x8F) && cont(2) && cont(3) ? 4 : 0;
  return 0;
}

// Go's strconv.ParseFloat: an overflowing value is an error, not ±Inf.
std::optional<double> GoParseFloat(std::string_view s) {
  auto v = ParseDouble(s);
  if (!v) return std::nullopt;
  if (std::isinf(*v)) {
    bool spelled = false;
    for (std::size_t i = 0; i + 3 <= s.size(); ++i) {
      if ((s[i] | 0x20) == 'i' && (s[i + 1] | 0x20) == 'n' && (s[i + 2] | 0x20) == 'f') spelled = true;
    }
    if (!spelled) return std::nullopt;
  }
  return *v;
}

// strings.Trim(s, "\n").
std::string_view TrimNewlines(std::string_view s) {
  while (!s.empty() && s.front() == '\n') s.remove_prefix(1);
  while (!s.empty() && s.back() == '\n') s.remove_suffix(1);
  return s;
}

// filepath.EvalSymlinks, absolute; a path through a file is "not found" here.
Result<std::string> EvalSymlinks(const std::string& path) {
  auto real = RealPath(path);
  if (!real && real.error().errnum == ENOTDIR) real.error().kind = ErrorKind::kNotFound;
  return real;
}

// filepath.Split: everything up to and including the last '/', and the rest.
std::pair<std::string_view, std::string_view> SplitPath(std::string_view p) {
  std::size_t pos = p.rfind('/');
  if (pos == std::string_view::npos) return {std::string_view(), p};
  return {p.substr(0, pos + 1), p.substr(pos + 1)};
}

Status CollectSensorData(const std::string& dir, HwmonSensors& data) {
  auto names = ListDir(dir);
  if (!names) return std::unexpected(names.error());
  for (const std::string& name : *names) {
    auto parts = ExplodeHwmonFilename(name);
    if (!parts || !IsHwmonSensorType(parts->type)) continue;
    auto raw = SysReadRaw(Paths::Join(dir, name));
    if (!raw) continue;  // unreadable attributes (write-only, EIO, directories) are skipped
    std::string key = parts->type + std::to_string(parts->num);
    HwmonSensor& sensor = data[key];
    sensor.type = parts->type;
    HwmonValue v;
    v.raw = std::string(TrimNewlines(*raw));
    v.number = GoParseFloat(v.raw);
    sensor.props[parts->property] = std::move(v);
  }
  return {};
}

}  // namespace

std::optional<HwmonFilename> ExplodeHwmonFilename(std::string_view s) {
  // Leftmost-first matching of ^([^0-9]+)([0-9]*)?(_(.+))?$: the longest type and
  // id that let the rest be empty or "_" followed by at least one non-newline.
  auto rest_ok = [](std::string_view rest) {
    if (rest.empty()) return true;
    return rest.size() >= 2 && rest.front() == '_' && rest.find('\n', 1) == std::string_view::npos;
  };
  std::size_t type_max = 0;
  while (type_max < s.size() && !IsDigit(s[type_max])) ++type_max;
  for (std::size_t t = type_max; t >= 1; --t) {
    std::size_t id_max = 0;
    while (t + id_max < s.size() && IsDigit(s[t + id_max])) ++id_max;
    for (std::size_t id = id_max + 1; id-- > 0;) {
      std::string_view rest = s.substr(t + id);
      if (!rest_ok(rest)) continue;
      HwmonFilename out;
      out.type = std::string(s.substr(0, t));
      if (id > 0) {
        std::string_view digits = s.substr(t, id);
        std::int64_t n = 0;
        auto [p, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), n);
        if (ec != std::errc() || p != digits.data() + digits.size()) return std::nullopt;  // Atoi overflow
        out.num = n;
      }
      if (!rest.empty()) out.property = std::string(rest.substr(1));
      return out;
    }
  }
  return std::nullopt;
}

bool IsHwmonSensorType(std::string_view type) {
  for (std::string_view t : kSensorTypes) {
    if (t == type) return true;
  }
  return false;
}

std::string CleanHwmonName(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (std::size_t i = 0; i < s.size();) {
    std::size_t len = Utf8Len(s, i);
    if (len == 1) {
      char c = s[i];
      if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
      bool keep = (c >= 'a' && c <= 'z') || IsDigit(c) || c == ':' || c == '_';
      out.push_back(keep ? c : '_');
      i += 1;
      continue;
    }
    if (len == 0) len = 1;
    std::string_view rune = s.substr(i, len);
    // The two non-ASCII runes whose lower case is ASCII: KELVIN SIGN and
    // LATIN CAPITAL LETTER I WITH DOT ABOVE.
    if (rune == "\xE2\x84\xAA") {
      out.push_back('k');
    } else if (rune == "\xC4\xB0") {
      out.push_back('i');
    } else {
      out.push_back('_');
    }
    i += len;
  }
  std::size_t b = out.find_first_not_of('_');
  if (b == std::string::npos) return "";
  std::size_t e = out.find_last_not_of('_');
  return out.substr(b, e - b + 1);
}

std::string ToValidUtf8(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  bool in_invalid = false;
  for (std::size_t i = 0; i < s.size();) {
    std::size_t len = Utf8Len(s, i);
    if (len == 0) {
      if (!in_invalid) out.append("\xEF\xBF\xBD");
      in_invalid = true;
      ++i;
      continue;
    }
    in_invalid = false;
    out.append(s.substr(i, len));
    i += len;
  }
  return out;
}

Result<std::vector<HwmonDir>> ListHwmonDirs(const Paths& paths) {
  std::string base = paths.Sys("class/hwmon");
  auto names = ListDir(base);
  if (!names) return std::unexpected(names.error());
  std::vector<HwmonDir> out;
  for (const std::string& name : *names) {
    std::string p = Paths::Join(base, name);
    if (!IsDirectory(p)) continue;  // a symlink (or flattened link) to a directory is one
    out.push_back(HwmonDir{std::move(p), name});
  }
  return out;
}

Result<HwmonChipIdentity> ReadHwmonChipIdentity(const std::string& dir) {
  HwmonChipIdentity id;
  auto name = ReadFile(Paths::Join(dir, "name"), 1 << 16);
  std::string clean_name = (name && !name->empty()) ? CleanHwmonName(*name) : "";
  if (!clean_name.empty()) id.human = clean_name;

  // Preference 1: the device the chip belongs to, which is unique.
  if (auto dev = EvalSymlinks(Paths::Join(dir, "device"))) {
    auto [prefix, dev_name] = SplitPath(*dev);
    while (!prefix.empty() && prefix.back() == '/') prefix.remove_suffix(1);
    std::string clean_dev = CleanHwmonName(dev_name);
    std::string clean_type = CleanHwmonName(SplitPath(prefix).second);
    if (!clean_type.empty() && !clean_dev.empty()) {
      id.base = clean_type + "_" + clean_dev;
      return id;
    }
    if (!clean_dev.empty()) {
      id.base = clean_dev;
      return id;
    }
  }
  // Preference 2: the chip's name file.
  if (!clean_name.empty()) {
    id.base = clean_name;
    return id;
  }
  // Last resort: hwmonX.
  auto real = EvalSymlinks(dir);
  if (!real) return std::unexpected(real.error());
  id.base = CleanHwmonName(SplitPath(*real).second);
  if (id.base.empty()) return Fail(ErrorKind::kIo, "Could not derive a monitoring name for " + dir);
  return id;
}

std::vector<std::string> DisambiguateHwmonChips(const std::vector<HwmonChipNaming>& chips) {
  std::unordered_map<std::string, int> base_count;
  std::unordered_map<std::string, int> base_human_count;
  for (const auto& c : chips) {
    ++base_count[c.base];
    if (c.human) ++base_human_count[c.base + '\0' + *c.human];
  }
  std::vector<std::string> out;
  out.reserve(chips.size());
  for (const auto& c : chips) {
    if (base_count[c.base] < 2) {
      out.push_back(c.base);
    } else if (c.human && base_human_count[c.base + '\0' + *c.human] == 1) {
      out.push_back(c.base + "_" + *c.human);
    } else {
      out.push_back(c.base + "_" + CleanHwmonName(c.entry));
    }
  }
  return out;
}

Result<HwmonSensors> ReadHwmonSensors(const std::string& dir) {
  HwmonSensors data;
  if (auto s = CollectSensorData(dir, data); !s) return std::unexpected(s.error());
  std::string device = Paths::Join(dir, "device");
  if (PathExists(device)) {
    if (auto s = CollectSensorData(device, data); !s) return std::unexpected(s.error());
  }
  return data;
}

}  // namespace host_exporter::sysfs
