#include "host_exporter/sysfs/attr_read.h"

#include <unistd.h>

#include <cerrno>
#include <cstring>

#include "host_exporter/file.h"
#include "host_exporter/text.h"

namespace host_exporter::sysfs {

Result<std::string> SysReadRaw(const std::string& path) {
  auto f = File::Open(path);
  if (!f) return std::unexpected(f.error());
  std::string buf(kSysAttrMaxBytes, '\0');
  for (;;) {
    ssize_t n = ::read(f->fd(), buf.data(), buf.size());
    if (n >= 0) {
      buf.resize(static_cast<std::size_t>(n));
      return buf;
    }
    if (errno == EINTR) continue;
    int err = errno;
    return Fail(ErrorKind::kIo, "read " + path + ": " + std::strerror(err));
  }
}

Result<std::string> SysReadFile(const std::string& path) {
  auto raw = SysReadRaw(path);
  if (!raw) return raw;
  return std::string(Trim(*raw));
}

bool IsErrno(const Error& e, int err) {
  return e.kind == ErrorKind::kIo && e.message.ends_with(std::strerror(err));
}

bool IsPermissionError(const Error& e) { return IsErrno(e, EACCES) || IsErrno(e, EPERM); }

}  // namespace host_exporter::sysfs
