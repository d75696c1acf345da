#include "host_exporter/sysfs/cpu_vulnerabilities.h"

#include <cctype>

#include "host_exporter/file.h"
#include "host_exporter/text.h"

namespace host_exporter::sysfs {
namespace {

bool HasPrefixFold(std::string_view s, std::string_view lower_prefix) {
  if (s.size() < lower_prefix.size()) return false;
  for (std::size_t i = 0; i < lower_prefix.size(); ++i) {
    if (std::tolower(static_cast<unsigned char>(s[i])) != lower_prefix[i]) return false;
  }
  return true;
}

std::string JoinRest(std::string_view text) {
  auto words = SplitFields(text);
  std::string out;
  for (std::size_t i = 1; i < words.size(); ++i) {
    if (i > 1) out += ' ';
    out += words[i];
  }
  return out;
}

}  // namespace

std::string_view VulnerabilityStateName(VulnerabilityState s) {
  switch (s) {
    case VulnerabilityState::kNotAffected: return "not affected";
    case VulnerabilityState::kVulnerable: return "vulnerable";
    case VulnerabilityState::kMitigation: return "mitigation";
    case VulnerabilityState::kUnknown: break;
  }
  return "unknown";
}

Vulnerability ParseVulnerability(std::string_view codename, std::string_view text) {
  Vulnerability v;
  v.codename = codename;
  text = Trim(text);
  if (HasPrefixFold(text, "not affected")) {
    v.state = VulnerabilityState::kNotAffected;
  } else if (HasPrefixFold(text, "vulnerable")) {
    v.state = VulnerabilityState::kVulnerable;
    v.mitigation = JoinRest(text);
  } else if (HasPrefixFold(text, "mitigation")) {
    v.state = VulnerabilityState::kMitigation;
    v.mitigation = JoinRest(text);
  } else if (HasPrefixFold(text, "unknown")) {
    v.state = VulnerabilityState::kUnknown;
    v.mitigation = JoinRest(text);
  } else {
    v.state = VulnerabilityState::kUnknown;
    v.mitigation = text;
  }
  return v;
}

Result<std::vector<Vulnerability>> ReadCpuVulnerabilities(const Paths& paths) {
  std::string dir = paths.Sys("devices/system/cpu/vulnerabilities");
  auto names = ListDir(dir);
  if (!names) return std::vector<Vulnerability>{};  // as procfs's glob: no match
  std::vector<Vulnerability> out;
  out.reserve(names->size());
  for (const std::string& name : *names) {
    auto text = ReadFile(Paths::Join(dir, name), 1 << 20);
    if (!text) return std::unexpected(text.error());
    out.push_back(ParseVulnerability(name, *text));
  }
  return out;
}

}  // namespace host_exporter::sysfs
