#include "host_exporter/netlink/ethtool.h"

#include <linux/ethtool.h>
#include <linux/ethtool_netlink.h>

#include <cstring>

#include "host_exporter/netlink/rtnl.h"

namespace host_exporter::netlink {
namespace {

template <class T>
Result<T> Scalar(const Attr& a, const char* what) {
  if (a.data.size() != sizeof(T)) {
    return ParseFail(std::string(what) + ": want " + std::to_string(sizeof(T)) + " bytes, got " +
                     std::to_string(a.data.size()));
  }
  T v{};
  std::memcpy(&v, a.data.data(), sizeof(T));
  return v;
}

}  // namespace

Result<LinkMode> ParseLinkMode(std::span<const std::uint8_t> payload) {
  auto attrs = ParseAttributes(payload);
  if (!attrs) return std::unexpected(attrs.error());
  LinkMode lm;
  for (const Attr& a : *attrs) {
    switch (a.type) {
      case ETHTOOL_A_LINKMODES_HEADER: {
        auto hdr = ParseAttributes(a.data);
        if (!hdr) return std::unexpected(hdr.error());
        for (const Attr& h : *hdr) {
          if (h.type == ETHTOOL_A_HEADER_DEV_INDEX) {
            auto v = Scalar<std::uint32_t>(h, "ETHTOOL_A_HEADER_DEV_INDEX");
            if (!v) return std::unexpected(v.error());
            lm.index = static_cast<std::int32_t>(*v);
          } else if (h.type == ETHTOOL_A_HEADER_DEV_NAME) {
            std::size_t n = h.data.size();
            while (n > 0 && h.data[n - 1] == 0) --n;
            lm.name.assign(reinterpret_cast<const char*>(h.data.data()), n);
          }
        }
        break;
      }
      case ETHTOOL_A_LINKMODES_SPEED: {
        auto v = Scalar<std::uint32_t>(a, "ETHTOOL_A_LINKMODES_SPEED");
        if (!v) return std::unexpected(v.error());
        lm.speed_mbps = *v;
        break;
      }
      case ETHTOOL_A_LINKMODES_DUPLEX: {
        auto v = Scalar<std::uint8_t>(a, "ETHTOOL_A_LINKMODES_DUPLEX");
        if (!v) return std::unexpected(v.error());
        lm.duplex = *v;
        break;
      }
      default: break;
    }
  }
  return lm;
}

std::string DuplexString(std::uint8_t duplex) {
  switch (duplex) {
    case DUPLEX_HALF: return "Half";
    case DUPLEX_FULL: return "Full";
    case DUPLEX_UNKNOWN: return "Unknown";
    default: return "Duplex(" + std::to_string(duplex) + ")";
  }
}

}  // namespace host_exporter::netlink
