#include "host_exporter/procfs/kernel_hung.h"

#include <string>

#include "host_exporter/file.h"
#include "host_exporter/text.h"

namespace host_exporter::procfs {

Result<KernelHung> ParseKernelHung(std::string_view text) {
  auto v = ParseUint(Trim(text));
  if (!v) return std::unexpected(v.error());
  return KernelHung{*v};
}

Result<KernelHung> ReadKernelHung(const Paths& paths) {
  std::string path = paths.Proc("sys/kernel/hung_task_detect_count");
  return ParseFile(path, ParseKernelHung);
}

}  // namespace host_exporter::procfs
