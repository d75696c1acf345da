#include "host_exporter/syscall/uname.h"

#include <cerrno>
#include <cstring>
#include <string_view>

namespace host_exporter::syscall {
namespace {

thread_local const UnameFn* g_override = nullptr;

std::string Field(const char* buf, std::size_t size) {
  return std::string(buf, strnlen(buf, size));
}

}  // namespace

Result<UnameInfo> Uname() {
  struct utsname u;
  std::memset(&u, 0, sizeof u);
  int rc = g_override != nullptr ? (*g_override)(&u) : ::uname(&u);
  if (rc != 0) {
    int err = errno;
    return std::unexpected(Error{ErrorKind::kIo, std::string("uname: ") + std::strerror(err), err});
  }
  return UnameInfo{
      Field(u.sysname, sizeof u.sysname),   Field(u.release, sizeof u.release),
      Field(u.version, sizeof u.version),   Field(u.machine, sizeof u.machine),
      Field(u.nodename, sizeof u.nodename), Field(u.domainname, sizeof u.domainname),
  };
}

ScopedUnameOverride::ScopedUnameOverride(UnameFn fn) : fn_(std::move(fn)), previous_(g_override) {
  g_override = &fn_;
}

ScopedUnameOverride::~ScopedUnameOverride() { g_override = previous_; }

}  // namespace host_exporter::syscall
