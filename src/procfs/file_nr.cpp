#include "host_exporter/procfs/file_nr.h"

#include <string>

#include "host_exporter/file.h"
#include "host_exporter/text.h"

namespace host_exporter::procfs {

Result<FileNr> ParseFileNr(std::string_view text) {
  auto parts = Split(Trim(text), '\t');
  if (parts.size() < 3) {
    return ParseFail("unexpected number of file stats: " + std::to_string(parts.size()) +
                     " tab-separated fields, want 3");
  }
  auto allocated = ParseDouble(parts[0]);
  if (!allocated) return ParseFail("allocated: " + allocated.error().message);
  auto maximum = ParseDouble(parts[2]);
  if (!maximum) return ParseFail("maximum: " + maximum.error().message);
  return FileNr{*allocated, *maximum};
}

Result<FileNr> ReadFileNr(const Paths& paths) {
  std::string path = paths.Proc("sys/fs/file-nr");
  return ParseFile(path, ParseFileNr);
}

}  // namespace host_exporter::procfs
