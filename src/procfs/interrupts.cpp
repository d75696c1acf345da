#include "host_exporter/procfs/interrupts.h"

#include <map>

#include "host_exporter/file.h"
#include "host_exporter/gocompat/strconv.h"
#include "host_exporter/text.h"

namespace host_exporter::procfs {
namespace {

std::string Join(const std::vector<std::string_view>& words, std::size_t from) {
  std::string out;
  for (std::size_t i = from; i < words.size(); ++i) {
    if (i > from) out.push_back(' ');
    out.append(words[i]);
  }
  return out;
}

}  // namespace

Result<std::vector<Interrupt>> ParseInterrupts(std::string_view text) {
  auto lines = SplitLines(text);
  if (lines.empty()) return ParseFail("interrupts empty");
  const std::size_t cpus = SplitFields(lines[0]).size();
  std::map<std::string, Interrupt, std::less<>> by_name;
  for (std::size_t i = 1; i < lines.size(); ++i) {
    std::size_t colon = lines[i].find(':');
    if (colon == std::string_view::npos) continue;
    auto words = SplitFields(lines[i].substr(colon + 1));
    if (words.size() < cpus + 1) continue;
    std::string_view name = lines[i].substr(0, colon);
    while (name.starts_with(' ')) name.remove_prefix(1);
    Interrupt irq;
    irq.name = std::string(name);
    irq.counts.reserve(cpus);
    for (std::size_t c = 0; c < cpus; ++c) {
      InterruptCount count{std::string(words[c]), std::nullopt};
      if (auto v = gocompat::ParseFloat(words[c]); v) count.value = *v;
      irq.counts.push_back(std::move(count));
    }
    if (ParseInt(name)) {
      irq.info = std::string(words[cpus]);
      irq.devices = Join(words, cpus + 1);
    } else {
      irq.info = Join(words, cpus);
    }
    by_name.insert_or_assign(irq.name, std::move(irq));
  }
  std::vector<Interrupt> out;
  out.reserve(by_name.size());
  for (auto& [name, irq] : by_name) out.push_back(std::move(irq));
  return out;
}

Result<std::vector<Interrupt>> ReadInterrupts(const Paths& paths) {
  std::string path = paths.Proc("interrupts");
  auto text = ReadFile(path);
  if (!text) return std::unexpected(text.error());
  auto parsed = ParseInterrupts(*text);
  if (!parsed) return std::unexpected(InFile(path, parsed.error()));
  return parsed;
}

}  // namespace host_exporter::procfs
