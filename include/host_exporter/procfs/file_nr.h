// /proc/sys/fs/file-nr, per Documentation/admin-guide/sysctl/fs.rst ("file-max
// & file-nr"): allocated, free (always 0 since 2.6), maximum; tab-separated.
#pragma once

#include <string_view>

#include "host_exporter/paths.h"
#include "host_exporter/result.h"

namespace host_exporter::procfs {

struct FileNr {
  double allocated = 0;
  double maximum = 0;
};

// "1024\t0\t1631329\n": trimmed, split on tabs (as node_exporter splits it);
// fewer than three fields or a non-numeric first/third field is an error.
Result<FileNr> ParseFileNr(std::string_view text);
Result<FileNr> ReadFileNr(const Paths& paths);

}  // namespace host_exporter::procfs
