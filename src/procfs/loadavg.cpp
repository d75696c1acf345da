#include "host_exporter/procfs/loadavg.h"

#include "host_exporter/file.h"
#include "host_exporter/text.h"

namespace host_exporter::procfs {

Result<LoadAvg> ParseLoadAvg(std::string_view text) {
  auto fields = SplitFields(Trim(text.substr(0, text.find('\n'))));
  if (fields.size() < 3) {
    return ParseFail("expected at least 3 fields, got " + std::to_string(fields.size()));
  }
  LoadAvg out;
  double* dst[] = {&out.load1, &out.load5, &out.load15};
  for (int i = 0; i < 3; ++i) {
    auto v = ParseDouble(fields[static_cast<std::size_t>(i)]);
    if (!v) return std::unexpected(v.error());
    *dst[i] = *v;
  }
  return out;
}

Result<LoadAvg> ReadLoadAvg(const Paths& paths) {
  std::string path = paths.Proc("loadavg");
  return ParseFile(path, ParseLoadAvg);
}

}  // namespace host_exporter::procfs
