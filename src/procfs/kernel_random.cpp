#include "host_exporter/procfs/kernel_random.h"

#include <string>

#include "host_exporter/file.h"
#include "host_exporter/text.h"

namespace host_exporter::procfs {

Result<std::uint64_t> ParseKernelRandomValue(std::string_view text) { return ParseUint(Trim(text)); }

Result<KernelRandom> ReadKernelRandom(const Paths& paths) {
  KernelRandom out;
  const struct {
    const char* file;
    std::optional<std::uint64_t> KernelRandom::*field;
  } files[] = {
      {"entropy_avail", &KernelRandom::entropy_avail},
      {"poolsize", &KernelRandom::poolsize},
      {"urandom_min_reseed_secs", &KernelRandom::urandom_min_reseed_secs},
      {"write_wakeup_threshold", &KernelRandom::write_wakeup_threshold},
      {"read_wakeup_threshold", &KernelRandom::read_wakeup_threshold},
  };
  for (const auto& f : files) {
    std::string path = paths.Proc(std::string("sys/kernel/random/") + f.file);
    auto text = ReadFile(path);
    if (!text) {
      if (text.error().kind == ErrorKind::kNotFound) continue;
      return std::unexpected(text.error());
    }
    auto v = ParseKernelRandomValue(*text);
    if (!v) return std::unexpected(InFile(path, v.error()));
    out.*f.field = *v;
  }
  return out;
}

}  // namespace host_exporter::procfs
