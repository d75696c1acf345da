#include "host_exporter/sysfs/system_node.h"

#include "host_exporter/file.h"
#include "host_exporter/gocompat/strconv.h"
#include "host_exporter/sysfs/attr.h"
#include "host_exporter/text.h"

namespace host_exporter::sysfs {
namespace {

std::string LineText(std::string_view line) { return "\"" + std::string(line.substr(0, 80)) + "\""; }

template <class T>
Result<T> ReadParsed(const std::string& path, Result<T> (*parse)(std::string_view)) {
  auto text = ReadFile(path);
  if (!text) return std::unexpected(text.error());
  auto parsed = parse(*text);
  if (!parsed) return std::unexpected(InFile(path, parsed.error()));
  return parsed;
}

}  // namespace

Result<std::vector<NodeMeminfoValue>> ParseNodeMeminfo(std::string_view text) {
  std::vector<NodeMeminfoValue> out;
  auto lines = SplitLines(text);
  for (std::size_t i = 0; i < lines.size(); ++i) {
    auto fail = [&](const std::string& why) { return ParseFail("line " + std::to_string(i + 1) + ": " + why); };
    auto f = SplitFields(lines[i]);
    if (f.empty()) continue;
    if (f.size() < 4) return fail("invalid line in meminfo: " + LineText(lines[i]));
    auto v = gocompat::ParseFloat(f[3]);
    if (!v) return fail("invalid value in meminfo: " + v.error().message);
    double value = *v;
    if (f.size() == 5 && f[4] == "kB") {
      value *= 1024;
    } else if (f.size() != 4) {
      return fail("invalid line in meminfo: " + LineText(lines[i]));
    }
    std::string_view key = f[2];
    while (key.ends_with(':')) key.remove_suffix(1);
    out.push_back(NodeMeminfoValue{std::string(f[1]), std::string(key), value});
  }
  return out;
}

Result<std::vector<NodeNumastatValue>> ParseNodeNumastat(std::string_view text) {
  std::vector<NodeNumastatValue> out;
  auto lines = SplitLines(text);
  for (std::size_t i = 0; i < lines.size(); ++i) {
    auto fail = [&](const std::string& why) { return ParseFail("line " + std::to_string(i + 1) + ": " + why); };
    auto f = SplitFields(lines[i]);
    if (f.empty()) continue;
    if (f.size() != 2) return fail("line scan did not return 2 fields: " + LineText(lines[i]));
    auto v = gocompat::ParseFloat(f[1]);
    if (!v) return fail("invalid value in numastat: " + v.error().message);
    out.push_back(NodeNumastatValue{std::string(f[0]), *v});
  }
  return out;
}

Result<std::vector<NumaNode>> ReadNumaNodes(const Paths& paths) {
  std::string dir = paths.Sys("devices/system/node");
  std::vector<NumaNode> out;
  for (const std::string& name : GlobNames(dir, [](std::string_view n) { return MatchPrefixDigit(n, "node"); })) {
    std::string node_dir = Paths::Join(dir, name);
    NumaNode node;
    std::string_view digits = std::string_view(name).substr(4);
    std::size_t n = 0;
    while (n < digits.size() && digits[n] >= '0' && digits[n] <= '9') ++n;
    node.number = std::string(digits.substr(0, n));
    auto meminfo = ReadParsed(Paths::Join(node_dir, "meminfo"), &ParseNodeMeminfo);
    if (!meminfo) return std::unexpected(meminfo.error());
    node.meminfo = std::move(*meminfo);
    auto numastat = ReadParsed(Paths::Join(node_dir, "numastat"), &ParseNodeNumastat);
    if (!numastat) return std::unexpected(numastat.error());
    node.numastat = std::move(*numastat);
    out.push_back(std::move(node));
  }
  return out;
}

}  // namespace host_exporter::sysfs
