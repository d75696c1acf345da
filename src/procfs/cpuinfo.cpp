#include "host_exporter/procfs/cpuinfo.h"

#include "host_exporter/file.h"
#include "host_exporter/gocompat/strconv.h"
#include "host_exporter/text.h"

namespace host_exporter::procfs {
namespace {

// Go's strconv.ParseUint(s, 0, 32).
Result<std::uint32_t> ParseUint32Base0(std::string_view s) {
  auto v = gocompat::ParseUintBase0(s, 32);
  if (!v) return std::unexpected(v.error());
  return static_cast<std::uint32_t>(*v);
}

std::vector<std::string> Words(std::string_view s) {
  std::vector<std::string> out;
  for (auto f : SplitFields(s)) out.emplace_back(f);
  return out;
}

// A "key : value" line split at the first ": ", as procfs does: key trimmed, value
// verbatim. Lines without ": " (e.g. "power management:") have no value.
struct KeyValue {
  std::string_view key;
  std::string_view value;
  bool has_value = false;
};

KeyValue SplitKeyValue(std::string_view line) {
  KeyValue kv;
  std::size_t pos = line.find(": ");
  if (pos == std::string_view::npos) {
    kv.key = Trim(line);
    return kv;
  }
  kv.key = Trim(line.substr(0, pos));
  kv.value = line.substr(pos + 2);
  kv.has_value = true;
  return kv;
}

Error AtLine(std::size_t line, Error e) {
  e.message = "line " + std::to_string(line) + ": " + e.message;
  return e;
}

// Lines with their 1-based numbers, starting after the first non-blank one.
struct Lines {
  std::vector<std::string_view> lines;
  std::size_t first = 0;  // index of the first non-blank line, lines.size() if none
};

Lines FirstNonEmpty(std::string_view text) {
  Lines l{SplitLines(text), 0};
  while (l.first < l.lines.size() && Trim(l.lines[l.first]).empty()) ++l.first;
  return l;
}

Status SetUint(std::string_view value, std::uint32_t& dst) {
  auto v = ParseUint32Base0(value);
  if (!v) return std::unexpected(v.error());
  dst = *v;
  return {};
}

Status SetDouble(std::string_view value, double& dst) {
  auto v = ParseDouble(value);
  if (!v) return std::unexpected(v.error());
  dst = *v;
  return {};
}

Status ApplyX86(const KeyValue& kv, CpuInfo& cpu) {
  const std::string_view k = kv.key;
  const std::string_view v = kv.value;
  if (k == "vendor" || k == "vendor_id") cpu.vendor_id = v;
  else if (k == "cpu family") cpu.cpu_family = v;
  else if (k == "model") cpu.model = v;
  else if (k == "model name") cpu.model_name = v;
  else if (k == "stepping") cpu.stepping = v;
  else if (k == "microcode") cpu.microcode = v;
  else if (k == "cpu MHz") return SetDouble(v, cpu.cpu_mhz);
  else if (k == "cache size") cpu.cache_size = v;
  else if (k == "physical id") cpu.physical_id = v;
  else if (k == "siblings") return SetUint(v, cpu.siblings);
  else if (k == "core id") cpu.core_id = v;
  else if (k == "cpu cores") return SetUint(v, cpu.cpu_cores);
  else if (k == "apicid") cpu.apicid = v;
  else if (k == "initial apicid") cpu.initial_apicid = v;
  else if (k == "cpuid level") return SetUint(v, cpu.cpuid_level);
  else if (k == "flags") cpu.flags = Words(v);
  else if (k == "bugs") cpu.bugs = Words(v);
  else if (k == "bogomips") return SetDouble(v, cpu.bogomips);
  else if (k == "clflush size") return SetUint(v, cpu.clflush_size);
  else if (k == "cache_alignment") return SetUint(v, cpu.cache_alignment);
  else if (k == "address sizes") cpu.address_sizes = v;
  else if (k == "power management") cpu.power_management = v;
  return {};
}

Result<std::uint32_t> FirstProcessor(std::string_view line, bool capital_ok) {
  bool ok = line.starts_with("processor") || (capital_ok && line.starts_with("Processor"));
  if (!ok || line.find(':') == std::string_view::npos) {
    return ParseFail("invalid cpuinfo file: first line \"" + std::string(line.substr(0, 64)) +
                     "\" is not a processor line");
  }
  KeyValue kv = SplitKeyValue(line);
  if (!kv.has_value) return ParseFail("no value in \"" + std::string(line) + "\"");
  return ParseUint32Base0(kv.value);
}

}  // namespace

Result<std::vector<CpuInfo>> ParseCpuInfoX86(std::string_view text) {
  Lines l = FirstNonEmpty(text);
  if (l.first == l.lines.size()) return ParseFail("invalid cpuinfo file: no processor line");
  auto first = FirstProcessor(l.lines[l.first], false);
  if (!first) return std::unexpected(AtLine(l.first + 1, first.error()));
  std::vector<CpuInfo> out(1);
  out[0].processor = *first;
  for (std::size_t i = l.first + 1; i < l.lines.size(); ++i) {
    KeyValue kv = SplitKeyValue(l.lines[i]);
    if (!kv.has_value) continue;
    if (kv.key == "processor") {
      auto v = ParseUint32Base0(kv.value);
      if (!v) return std::unexpected(AtLine(i + 1, v.error()));
      out.emplace_back().processor = *v;
      continue;
    }
    if (auto s = ApplyX86(kv, out.back()); !s) return std::unexpected(AtLine(i + 1, s.error()));
  }
  return out;
}

Result<std::vector<CpuInfo>> ParseCpuInfoArm(std::string_view text) {
  Lines l = FirstNonEmpty(text);
  if (l.first == l.lines.size()) return ParseFail("invalid cpuinfo file: no processor line");
  std::string_view first_line = l.lines[l.first];
  std::vector<CpuInfo> out;
  CpuInfo common;
  // 32-bit ARM kernels before 3.8 print "Processor : <model>" once for all CPUs.
  bool shared_header = SplitKeyValue(first_line).key == "Processor";
  if (shared_header) {
    KeyValue kv = SplitKeyValue(first_line);
    if (!kv.has_value) return std::unexpected(AtLine(l.first + 1, Error{ErrorKind::kParse, "no value in \"Processor\" line"}));
    common.model_name = kv.value;
  } else {
    auto first = FirstProcessor(first_line, true);
    if (!first) return std::unexpected(AtLine(l.first + 1, first.error()));
    out.emplace_back().processor = *first;
  }
  std::string_view features;
  bool have_features = false;
  for (std::size_t i = l.first + 1; i < l.lines.size(); ++i) {
    KeyValue kv = SplitKeyValue(l.lines[i]);
    if (!kv.has_value) continue;
    if (kv.key == "processor") {
      auto v = ParseUint32Base0(kv.value);
      if (!v) return std::unexpected(AtLine(i + 1, v.error()));
      CpuInfo& cpu = out.emplace_back(common);
      cpu.processor = *v;
    } else if (kv.key == "BogoMIPS") {
      if (out.empty()) out.push_back(common);  // the only processor of an old 32-bit ARM
      auto v = ParseDouble(kv.value);
      if (!v) return std::unexpected(AtLine(i + 1, v.error()));
      out.back().bogomips = *v;
    } else if (kv.key == "Features") {
      features = kv.value;
      have_features = true;
    } else if (kv.key == "model name") {
      if (out.empty()) {
        return std::unexpected(AtLine(i + 1, Error{ErrorKind::kParse, "\"model name\" before any processor"}));
      }
      out.back().model_name = kv.value;
    }
  }
  // procfs indexes the Features value unconditionally (and panics without one).
  if (!have_features) return ParseFail("invalid cpuinfo file: no \"Features\" line");
  for (CpuInfo& cpu : out) cpu.flags = Words(features);
  return out;
}

Result<std::vector<CpuInfo>> ParseCpuInfo(std::string_view text) {
#if defined(__aarch64__) || defined(__arm__)
  return ParseCpuInfoArm(text);
#else
  return ParseCpuInfoX86(text);
#endif
}

Result<std::vector<CpuInfo>> ReadCpuInfo(const Paths& paths) {
  std::string path = paths.Proc("cpuinfo");
  return ParseFile(path, ParseCpuInfo);
}

}  // namespace host_exporter::procfs
