#include "host_exporter/sysfs/kernel_mm_ksm.h"

#include "host_exporter/file.h"
#include "host_exporter/text.h"

namespace host_exporter::sysfs {

Result<std::uint64_t> ParseKsmValue(std::string_view text) { return ParseUint(Trim(text)); }

Result<std::vector<KsmValue>> ReadKsm(const Paths& paths) {
  std::vector<KsmValue> out;
  for (std::string_view file : kKsmFiles) {
    std::string path = paths.Sys("kernel/mm/ksm/" + std::string(file));
    auto text = ReadFile(path, 4096);
    if (!text) {
      if (text.error().kind == ErrorKind::kNotFound) continue;
      return std::unexpected(text.error());
    }
    auto v = ParseKsmValue(*text);
    if (!v) return std::unexpected(InFile(path, v.error()));
    out.push_back(KsmValue{file, *v});
  }
  return out;
}

}  // namespace host_exporter::sysfs
