#include "host_exporter/procfs/pressure.h"

#include <array>
#include <cerrno>
#include <string>

#include "host_exporter/file.h"
#include "host_exporter/text.h"

namespace host_exporter::procfs {
namespace {

Result<PsiLine> ParseLine(std::string_view line) {
  auto fields = SplitFields(line);
  constexpr std::array<std::string_view, 4> kKeys = {"avg10=", "avg60=", "avg300=", "total="};
  if (fields.size() < kKeys.size() + 1) {
    return ParseFail("expected \"" + std::string(fields.empty() ? "" : fields[0]) +
                     " avg10=.. avg60=.. avg300=.. total=..\"");
  }
  PsiLine out;
  std::array<double*, 3> avgs = {&out.avg10, &out.avg60, &out.avg300};
  for (std::size_t i = 0; i < kKeys.size(); ++i) {
    std::string_view f = fields[i + 1];
    if (!f.starts_with(kKeys[i])) {
      return ParseFail("expected " + std::string(kKeys[i]) + " in \"" + std::string(f) + "\"");
    }
    f.remove_prefix(kKeys[i].size());
    if (i < avgs.size()) {
      auto v = ParseDouble(f);
      if (!v) return std::unexpected(v.error());
      *avgs[i] = *v;
    } else {
      auto v = ParseUint(f);
      if (!v) return std::unexpected(v.error());
      out.total = *v;
    }
  }
  return out;
}

}  // namespace

Result<PsiStats> ParsePressure(std::string_view text) {
  PsiStats out;
  std::size_t lineno = 0;
  for (std::string_view line : SplitLines(text)) {
    ++lineno;
    std::string_view prefix = line.substr(0, line.find(' '));
    std::optional<PsiLine>* dst = nullptr;
    if (prefix == "some") dst = &out.some;
    else if (prefix == "full") dst = &out.full;
    else continue;  // future line types are ignored, as by procfs
    auto parsed = ParseLine(line);
    if (!parsed) {
      Error e = parsed.error();
      e.message = "line " + std::to_string(lineno) + ": " + e.message;
      return std::unexpected(e);
    }
    *dst = *parsed;
  }
  return out;
}

Result<PsiStats> ReadPressure(const Paths& paths, std::string_view resource) {
  std::string path = paths.Proc("pressure/" + std::string(resource));
  auto text = ReadFile(path, 1 << 16);
  if (!text) {
    Error e = text.error();
    // psi=0 makes reads fail with EOPNOTSUPP.
    if (e.errnum == EOPNOTSUPP) {
      e.kind = ErrorKind::kNoData;
    }
    return std::unexpected(e);
  }
  auto parsed = ParsePressure(*text);
  if (!parsed) return std::unexpected(InFile(path, parsed.error()));
  return parsed;
}

}  // namespace host_exporter::procfs
