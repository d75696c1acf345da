// /proc/self, the symlink to the reading process's /proc/<pid> (proc(5)),
// resolved as prometheus/procfs's FS.Self does.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "host_exporter/paths.h"
#include "host_exporter/result.h"

namespace host_exporter::procfs {

// The link target with every occurrence of `procfs` removed must be a decimal
// pid (Go's Atoi); anything else is a parse error naming the target. Pure.
Result<std::int64_t> ParseSelfLink(std::string_view target, std::string_view procfs);
// The pid <procfs>/self points to, as a decimal string, once <procfs>/<pid>
// exists. A missing link or directory is kNotFound; a link that is not a
// symlink (EINVAL) is kIo.
Result<std::string> ReadSelfPid(const Paths& paths);

}  // namespace host_exporter::procfs
