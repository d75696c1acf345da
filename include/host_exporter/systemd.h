// systemd integration without libsystemd: socket activation (sd_listen_fds(3):
// LISTEN_PID/LISTEN_FDS, descriptors from 3) and readiness notification
// (sd_notify(3): one datagram to the unix socket named by NOTIFY_SOCKET).
// Thread safety: TakeListenFds reads and unsets environment variables, so call it
// before any other thread starts; SdNotifier is immutable and may be used anywhere.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "host_exporter/result.h"

namespace host_exporter {

inline constexpr int kListenFdsStart = 3;

// The listening sockets systemd passed, as go-systemd's activation.Listeners does:
// only when LISTEN_PID is this process; the variables are then unset and the
// descriptors marked close-on-exec. Each must be a listening stream socket.
Result<std::vector<int>> TakeListenFds();

// Thread safety: immutable; Notify may be called from any thread.
class SdNotifier {
 public:
  // From NOTIFY_SOCKET (a path, or "@name" for an abstract socket); unset: a no-op notifier.
  static SdNotifier FromEnv();
  explicit SdNotifier(std::string socket_path) : path_(std::move(socket_path)) {}

  bool enabled() const { return !path_.empty(); }
  // Sends one state datagram ("READY=1", "STOPPING=1"); a no-op when not enabled.
  Status Notify(std::string_view state) const;

 private:
  std::string path_;
};

}  // namespace host_exporter
