#include "host_exporter/procfs/diskstats.h"

#include <limits>

#include "host_exporter/file.h"
#include "host_exporter/text.h"

namespace host_exporter::procfs {
namespace {

constexpr int kMaxFields = 3 + static_cast<int>(kDiskCounterCount);
constexpr int kMinFields = 14;

// Go's fmt %d into an unsigned integer: digits only, no sign, no overflow.
Result<std::uint64_t> ScanUnsigned(std::string_view field, std::uint64_t max) {
  for (char c : field) {
    if (c < '0' || c > '9') return ParseFail("expected integer, got \"" + std::string(field) + "\"");
  }
  auto v = ParseUint(field);
  if (!v || *v > max) return ParseFail("unsigned integer overflow on token " + std::string(field));
  return *v;
}

}  // namespace

Result<std::vector<DiskStats>> ParseDiskstats(std::string_view text) {
  std::vector<DiskStats> out;
  int line_no = 0;
  for (std::string_view line : SplitLines(text)) {
    ++line_no;
    auto fields = SplitFields(line);
    DiskStats d;
    int n = 0;
    for (std::string_view f : fields) {
      if (n == kMaxFields) break;
      if (n == 2) {
        d.device = std::string(f);
      } else {
        std::uint64_t max = n < 2 ? std::numeric_limits<std::uint32_t>::max()
                                  : std::numeric_limits<std::uint64_t>::max();
        auto v = ScanUnsigned(f, max);
        if (!v) return ParseFail("line " + std::to_string(line_no) + ": " + v.error().message);
        if (n == 0) d.major = static_cast<std::uint32_t>(*v);
        else if (n == 1) d.minor = static_cast<std::uint32_t>(*v);
        else d.counters[static_cast<std::size_t>(n - 3)] = *v;
      }
      ++n;
    }
    d.field_count = n;
    if (n >= kMinFields) out.push_back(std::move(d));
  }
  return out;
}

Result<std::vector<DiskStats>> ReadDiskstats(const Paths& paths) {
  std::string path = paths.Proc("diskstats");
  return ParseFile(path, ParseDiskstats);
}

}  // namespace host_exporter::procfs
