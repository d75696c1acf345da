// Directory listing with entry types, for readers that would otherwise lstat
// every entry of a sysfs directory to tell files from directories and links.
// Thread safety: reentrant.
#pragma once

#include <string>
#include <vector>

#include "host_exporter/result.h"

namespace host_exporter {

struct DirEntry {
  std::string name;
  unsigned char type;  // DT_REG, DT_DIR, DT_LNK, ... (<dirent.h>); DT_UNKNOWN if lstat failed
};

// Names in a directory with their types from readdir's d_type (lstat only
// where the file system gives DT_UNKNOWN), without "." and "..", sorted by
// name; errors as ListDir's. sysfs and procfs fill d_type.
Result<std::vector<DirEntry>> ListDirTyped(const std::string& path);

}  // namespace host_exporter
