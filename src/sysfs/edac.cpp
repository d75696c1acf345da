#include "host_exporter/sysfs/edac.h"

#include "host_exporter/file.h"
#include "host_exporter/sysfs/attr.h"
#include "host_exporter/text.h"

namespace host_exporter::sysfs {
namespace {

std::string LeadingDigits(std::string_view s) {
  std::size_t n = 0;
  while (n < s.size() && s[n] >= '0' && s[n] <= '9') ++n;
  return std::string(s.substr(0, n));
}

// A counter node_exporter cannot do without: any failure is an error (not
// "no data") naming what was being read.
Result<std::uint64_t> Counter(const std::string& path, const std::string& what) {
  auto v = ReadUint(path);
  if (!v) return Fail(ErrorKind::kIo, "couldn't get " + what + ": " + v.error().message);
  return v;
}

bool MatchChannelCe(std::string_view n) {
  return n.size() >= 11 && n.starts_with("ch") && n.ends_with("_ce_count");
}

Result<EdacCsrow> ReadCsrow(const std::string& dir, const std::string& controller,
                            const std::string& csrow) {
  EdacCsrow r;
  r.csrow = csrow;
  std::string who = "for controller/csrow " + controller + "/" + csrow;
  auto ce = Counter(dir + "/ce_count", "ce_count " + who);
  if (!ce) return std::unexpected(ce.error());
  auto ue = Counter(dir + "/ue_count", "ue_count " + who);
  if (!ue) return std::unexpected(ue.error());
  r.ce_count = *ce;
  r.ue_count = *ue;
  for (const auto& file : GlobNames(dir, MatchChannelCe)) {
    auto ch = EdacChannelFromFileName(file);
    if (!ch) continue;
    EdacChannel c;
    c.channel = *ch;
    auto label = ReadFile(dir + "/ch" + *ch + "_dimm_label");
    c.dimm_label = label ? FormatEdacDimmLabel(*label) : "unknown";
    auto cev = Counter(dir + "/" + file, "ce_count for controller/csrow/channel " + controller +
                                             "/" + csrow + "/" + *ch);
    if (!cev) return std::unexpected(cev.error());
    c.ce_count = *cev;
    if (auto uev = ReadUint(dir + "/ch" + *ch + "_ue_count")) c.ue_count = *uev;
    r.channels.push_back(std::move(c));
  }
  return r;
}

}  // namespace

std::string FormatEdacDimmLabel(std::string_view raw) {
  std::string s(Trim(raw));
  ReplaceAll(s, "#", "");
  ReplaceAll(s, "csrow", "_csrow");
  ReplaceAll(s, "channel", "_channel");
  return s;
}

std::optional<std::string> EdacChannelFromFileName(std::string_view name) {
  for (std::size_t i = 0; i + 2 <= name.size(); ++i) {
    if (name.substr(i, 2) != "ch") continue;
    std::size_t j = i + 2;
    while (j < name.size() && name[j] >= '0' && name[j] <= '9') ++j;
    if (j > i + 2 && name.substr(j).starts_with("_ce_count")) {
      return std::string(name.substr(i + 2, j - i - 2));
    }
  }
  return std::nullopt;
}

Result<std::vector<EdacController>> ReadEdac(const Paths& paths) {
  std::string root = paths.Sys("devices/system/edac/mc");
  std::vector<EdacController> out;
  for (const auto& name : GlobNames(root, [](std::string_view n) { return MatchPrefixDigit(n, "mc"); })) {
    std::string dir = root + "/" + name;
    EdacController c;
    c.controller = LeadingDigits(std::string_view(name).substr(2));
    std::string who = " for controller " + c.controller;
    struct Field {
      const char* file;
      std::uint64_t EdacController::*dst;
    };
    static constexpr Field kFields[] = {
        {"ce_count", &EdacController::ce_count},
        {"ce_noinfo_count", &EdacController::ce_noinfo_count},
        {"ue_count", &EdacController::ue_count},
        {"ue_noinfo_count", &EdacController::ue_noinfo_count},
    };
    for (const auto& f : kFields) {
      auto v = Counter(dir + "/" + f.file, f.file + who);
      if (!v) return std::unexpected(v.error());
      c.*f.dst = *v;
    }
    for (const auto& row : GlobNames(dir, [](std::string_view n) { return MatchPrefixDigit(n, "csrow"); })) {
      auto r = ReadCsrow(dir + "/" + row, c.controller, LeadingDigits(std::string_view(row).substr(5)));
      if (!r) return std::unexpected(r.error());
      c.csrows.push_back(std::move(*r));
    }
    out.push_back(std::move(c));
  }
  return out;
}

}  // namespace host_exporter::sysfs
