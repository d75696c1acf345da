// /proc/slabinfo, version 2.1 (mm/slab_common.c, slabinfo(5)), parsed as
// prometheus/procfs's SlabInfo does (slab.go).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "host_exporter/paths.h"
#include "host_exporter/result.h"

namespace host_exporter::procfs {

struct Slab {
  std::string name;
  std::int64_t active_objs = 0, num_objs = 0, obj_size = 0, objs_per_slab = 0, pages_per_slab = 0;
  // tunables and slabdata
  std::int64_t limit = 0, batch_count = 0, shared_factor = 0, active_slabs = 0, num_slabs = 0, shared_avail = 0;
};

// Lines containing "slabinfo -" (the version) or "# name" (the header) are
// skipped. Every other line, empty ones included, must have exactly 16 fields
// when runs of whitespace are taken as one separator (leading or trailing
// whitespace makes an empty field, as in procfs), with decimal int64 numbers;
// otherwise the error names the line.
Result<std::vector<Slab>> ParseSlabinfo(std::string_view text);
Result<std::vector<Slab>> ReadSlabinfo(const Paths& paths);

}  // namespace host_exporter::procfs
