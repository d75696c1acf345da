#include "host_exporter/systemd.h"

#include <fcntl.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>

#include <cerrno>
#include <cstddef>
#include <cstdlib>
#include <cstring>

#include "host_exporter/text.h"

namespace host_exporter {

Result<std::vector<int>> TakeListenFds() {
  auto fail = [](std::string why) {
    return Fail(ErrorKind::kInvalidArgument, "flag --web.systemd-socket: " + why);
  };
  const char* pid_env = std::getenv("LISTEN_PID");
  const char* fds_env = std::getenv("LISTEN_FDS");
  std::vector<int> fds;
  if (pid_env == nullptr || fds_env == nullptr) return fail("no socket activation file descriptors found (LISTEN_PID/LISTEN_FDS unset)");
  auto pid = ParseUint(pid_env);
  auto n = ParseUint(fds_env);
  if (!pid || static_cast<pid_t>(*pid) != ::getpid()) {
    return fail(std::string("no socket activation file descriptors found (LISTEN_PID=") + pid_env + " is not this process)");
  }
  if (!n || *n == 0 || *n > 1024) return fail(std::string("invalid LISTEN_FDS=") + fds_env);
  ::unsetenv("LISTEN_PID");
  ::unsetenv("LISTEN_FDS");
  ::unsetenv("LISTEN_FDNAMES");
  for (int fd = kListenFdsStart; fd < kListenFdsStart + static_cast<int>(*n); ++fd) {
    int type = 0, listening = 0;
    socklen_t len = sizeof type;
    if (::getsockopt(fd, SOL_SOCKET, SO_TYPE, &type, &len) != 0) {
      return fail("file descriptor " + std::to_string(fd) + " is not a socket: " + std::strerror(errno));
    }
    len = sizeof listening;
    if (type != SOCK_STREAM || ::getsockopt(fd, SOL_SOCKET, SO_ACCEPTCONN, &listening, &len) != 0 || listening == 0) {
      return fail("file descriptor " + std::to_string(fd) + " is not a listening stream socket");
    }
    ::fcntl(fd, F_SETFD, FD_CLOEXEC);
    fds.push_back(fd);
  }
  return fds;
}

SdNotifier SdNotifier::FromEnv() {
  const char* p = std::getenv("NOTIFY_SOCKET");
  return SdNotifier(p != nullptr ? p : "");
}

Status SdNotifier::Notify(std::string_view state) const {
  if (path_.empty()) return {};
  auto fail = [&](std::string why) {
    return Fail(ErrorKind::kIo, "sd_notify to NOTIFY_SOCKET=" + path_ + ": " + why);
  };
  sockaddr_un addr{};
  addr.sun_family = AF_UNIX;
  if ((path_[0] != '/' && path_[0] != '@') || path_.size() >= sizeof addr.sun_path) return fail("unsupported address");
  std::memcpy(addr.sun_path, path_.data(), path_.size());
  socklen_t len = static_cast<socklen_t>(offsetof(sockaddr_un, sun_path) + path_.size());
  if (path_[0] == '@') {
    addr.sun_path[0] = '\0';  // abstract namespace
  } else {
    len += 1;  // the terminating NUL
  }
  int fd = ::socket(AF_UNIX, SOCK_DGRAM | SOCK_CLOEXEC, 0);
  if (fd < 0) return fail(std::strerror(errno));
  ssize_t r;
  do {
    r = ::sendto(fd, state.data(), state.size(), MSG_NOSIGNAL, reinterpret_cast<const sockaddr*>(&addr), len);
  } while (r < 0 && errno == EINTR);
  int err = errno;
  ::close(fd);
  if (r < 0) return fail(std::strerror(err));
  return {};
}

}  // namespace host_exporter
