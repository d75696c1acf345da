// /proc/pressure/{cpu,io,memory,irq}, per Documentation/accounting/psi.rst, parsed as
// prometheus/procfs does.
#pragma once

#include <cstdint>
#include <optional>
#include <string_view>

#include "host_exporter/paths.h"
#include "host_exporter/result.h"

namespace host_exporter::procfs {

// "some avg10=0.00 avg60=0.00 avg300=0.00 total=14036781": averages in percent, total
// stall time in microseconds.
struct PsiLine {
  double avg10 = 0;
  double avg60 = 0;
  double avg300 = 0;
  std::uint64_t total = 0;
};

// Either line may be absent (irq has only "full", cpu had only "some" before 5.13).
struct PsiStats {
  std::optional<PsiLine> some;
  std::optional<PsiLine> full;
};

// Lines starting with another word are ignored; a "some"/"full" line that does not
// match the format is an error naming the line.
Result<PsiStats> ParsePressure(std::string_view text);

// /proc/pressure/<resource>. Missing file: kNotFound. PSI compiled in but disabled
// (psi=0): reading fails with EOPNOTSUPP, reported as kNoData.
Result<PsiStats> ReadPressure(const Paths& paths, std::string_view resource);

}  // namespace host_exporter::procfs
