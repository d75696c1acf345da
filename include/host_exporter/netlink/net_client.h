// The kernel's network state over netlink: rtnetlink link, neighbour and
// address dumps and ethtool link modes. Collectors ask CurrentNetlink(), which
// is the live kernel unless a test has installed a stand-in for its thread
// (ScopedNetlinkOverride), as file reads do with ScopedSyscallOverride.
// Thread safety: SystemNetlink() opens one socket per call and keeps no state,
// so calls from any thread may overlap. The override is per thread.
#pragma once

#include <vector>

#include "host_exporter/netlink/ethtool.h"
#include "host_exporter/netlink/rtnl.h"
#include "host_exporter/result.h"

namespace host_exporter::netlink {

class NetlinkClient {
 public:
  virtual ~NetlinkClient() = default;
  // RTM_GETLINK dump of the caller's network namespace.
  virtual Result<std::vector<Link>> Links() const = 0;
  // RTM_GETNEIGH dump, every address family.
  virtual Result<std::vector<Neighbour>> Neighbours() const = 0;
  // RTM_GETADDR dump, every address family.
  virtual Result<std::vector<Address>> Addresses() const = 0;
  // ETHTOOL_MSG_LINKMODES_GET dump. ErrorKind::kNotFound when the kernel has no
  // ethtool netlink family or does not support the request.
  virtual Result<std::vector<LinkMode>> LinkModes() const = 0;
};

// The live kernel, through libnl sockets.
const NetlinkClient& SystemNetlink();
// The stand-in installed on this thread, else SystemNetlink().
const NetlinkClient& CurrentNetlink();

class ScopedNetlinkOverride {
 public:
  explicit ScopedNetlinkOverride(const NetlinkClient& client);
  ~ScopedNetlinkOverride();
  ScopedNetlinkOverride(const ScopedNetlinkOverride&) = delete;
  ScopedNetlinkOverride& operator=(const ScopedNetlinkOverride&) = delete;

 private:
  const NetlinkClient* previous_;
};

}  // namespace host_exporter::netlink
