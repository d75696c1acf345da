#include "host_exporter/procfs/self.h"

#include "host_exporter/file.h"
#include "host_exporter/text.h"

namespace host_exporter::procfs {

Result<std::int64_t> ParseSelfLink(std::string_view target, std::string_view procfs) {
  std::string pid;
  if (procfs.empty()) {
    pid = std::string(target);
  } else {
    for (std::size_t i = 0; i < target.size();) {
      if (target.substr(i).starts_with(procfs)) {
        i += procfs.size();
      } else {
        pid.push_back(target[i++]);
      }
    }
  }
  auto v = ParseInt(pid);
  if (!v) return ParseFail("invalid /proc/self target \"" + std::string(target) + "\"");
  return *v;
}

Result<std::string> ReadSelfPid(const Paths& paths) {
  std::string link = paths.Proc("self");
  auto target = ReadLink(link);
  if (!target) return std::unexpected(target.error());
  auto pid = ParseSelfLink(*target, paths.procfs);
  if (!pid) return std::unexpected(InFile(link, pid.error()));
  std::string name = std::to_string(*pid);
  std::string dir = paths.Proc(name);
  if (!PathExists(dir)) return Fail(ErrorKind::kNotFound, dir + ": no such process directory");
  return name;
}

}  // namespace host_exporter::procfs
