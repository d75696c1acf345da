#include "host_exporter/netlink/net_client.h"

#include <linux/ethtool_netlink.h>
#include <linux/genetlink.h>
#include <linux/netlink.h>
#include <linux/rtnetlink.h>
#include <netlink/attr.h>
#include <netlink/errno.h>
#include <netlink/msg.h>
#include <netlink/netlink.h>
#include <netlink/socket.h>
#include <sys/socket.h>

#include <cstring>
#include <memory>
#include <span>
#include <string>

namespace host_exporter::netlink {
namespace {

// libnl owns the socket, sequence numbers, multi-part dumps and NLMSG_ERROR;
// decoding the payload is ours (rtnl.h, ethtool.h) so it stays pure and tested,
// and so we see exactly which attributes the kernel sent: libnl-route 3.7 drops
// IFLA_CARRIER_UP/DOWN_COUNT and cannot tell an absent IFLA_STATS64 from zeros.
struct SockDeleter {
  void operator()(nl_sock* s) const { nl_socket_free(s); }
};
using Sock = std::unique_ptr<nl_sock, SockDeleter>;
struct MsgDeleter {
  void operator()(nl_msg* m) const { nlmsg_free(m); }
};
using Msg = std::unique_ptr<nl_msg, MsgDeleter>;

Error NlError(int nlerr, const std::string& what) {
  int code = nlerr < 0 ? -nlerr : nlerr;
  ErrorKind kind = (code == NLE_OBJ_NOTFOUND || code == NLE_OPNOTSUPP || code == NLE_NODEV)
                       ? ErrorKind::kNotFound
                       : ErrorKind::kIo;
  return Error{kind, what + ": " + nl_geterror(code)};
}

Result<Sock> Connect(int protocol, const std::string& what) {
  Sock sk(nl_socket_alloc());
  if (!sk) return Fail(ErrorKind::kIo, what + ": cannot allocate netlink socket");
  nl_socket_disable_auto_ack(sk.get());
  nl_socket_enable_msg_peek(sk.get());
  if (int err = nl_connect(sk.get(), protocol); err < 0) return std::unexpected(NlError(err, what));
  return sk;
}

// Payloads (after struct nlmsghdr, and after `skip` more bytes) of every message
// of type `want` answering the request already sent on sk.
struct Collected {
  int want = 0;
  std::size_t skip = 0;
  std::vector<std::vector<std::uint8_t>> payloads;
};

int OnValid(nl_msg* msg, void* arg) {
  auto* c = static_cast<Collected*>(arg);
  nlmsghdr* h = nlmsg_hdr(msg);
  if (h->nlmsg_type != c->want) return NL_SKIP;
  auto* data = static_cast<const std::uint8_t*>(nlmsg_data(h));
  std::size_t len = static_cast<std::size_t>(nlmsg_datalen(h));
  std::size_t skip = std::min(c->skip, len);
  c->payloads.emplace_back(data + skip, data + len);
  return NL_OK;
}

Result<std::vector<std::vector<std::uint8_t>>> Receive(nl_sock* sk, int want, std::size_t skip,
                                                       const std::string& what) {
  Collected c{want, skip, {}};
  if (int err = nl_socket_modify_cb(sk, NL_CB_VALID, NL_CB_CUSTOM, &OnValid, &c); err < 0) {
    return std::unexpected(NlError(err, what));
  }
  if (int err = nl_recvmsgs_default(sk); err < 0) return std::unexpected(NlError(err, what));
  return std::move(c.payloads);
}

template <class Header, class T, class Parse>
Result<std::vector<T>> RtnlDump(int request, int reply, const char* what, Parse parse) {
  auto sk = Connect(NETLINK_ROUTE, what);
  if (!sk) return std::unexpected(sk.error());
  Header hdr{};
  if (int err = nl_send_simple(sk->get(), request, NLM_F_DUMP, &hdr, sizeof hdr); err < 0) {
    return std::unexpected(NlError(err, what));
  }
  auto payloads = Receive(sk->get(), reply, 0, what);
  if (!payloads) return std::unexpected(payloads.error());
  std::vector<T> out;
  out.reserve(payloads->size());
  for (const auto& p : *payloads) {
    auto v = parse(std::span<const std::uint8_t>(p));
    if (!v) return std::unexpected(Error{v.error().kind, std::string(what) + ": " + v.error().message});
    out.push_back(std::move(*v));
  }
  return out;
}

Result<std::uint16_t> GenlFamily(nl_sock* sk, const char* name, const std::string& what) {
  Msg m(nlmsg_alloc_simple(GENL_ID_CTRL, NLM_F_REQUEST));
  genlmsghdr g{};
  g.cmd = CTRL_CMD_GETFAMILY;
  g.version = 1;
  if (!m || nlmsg_append(m.get(), &g, sizeof g, NLMSG_ALIGNTO) < 0 ||
      nla_put_string(m.get(), CTRL_ATTR_FAMILY_NAME, name) < 0) {
    return Fail(ErrorKind::kIo, what + ": cannot build CTRL_CMD_GETFAMILY");
  }
  if (int err = nl_send_auto(sk, m.get()); err < 0) return std::unexpected(NlError(err, what));
  auto payloads = Receive(sk, GENL_ID_CTRL, GENL_HDRLEN, what);
  if (!payloads) return std::unexpected(payloads.error());
  for (const auto& p : *payloads) {
    auto attrs = ParseAttributes(p);
    if (!attrs) return std::unexpected(attrs.error());
    for (const Attr& a : *attrs) {
      if (a.type == CTRL_ATTR_FAMILY_ID && a.data.size() == sizeof(std::uint16_t)) {
        std::uint16_t id = 0;
        std::memcpy(&id, a.data.data(), sizeof id);
        return id;
      }
    }
  }
  return Fail(ErrorKind::kNotFound, what + ": no generic netlink family " + name);
}

class LibnlClient final : public NetlinkClient {
 public:
  Result<std::vector<Link>> Links() const override {
    return RtnlDump<ifinfomsg, Link>(RTM_GETLINK, RTM_NEWLINK, "netlink RTM_GETLINK dump", ParseLink);
  }
  Result<std::vector<Neighbour>> Neighbours() const override {
    return RtnlDump<ndmsg, Neighbour>(RTM_GETNEIGH, RTM_NEWNEIGH, "netlink RTM_GETNEIGH dump", ParseNeighbour);
  }
  Result<std::vector<Address>> Addresses() const override {
    return RtnlDump<ifaddrmsg, Address>(RTM_GETADDR, RTM_NEWADDR, "netlink RTM_GETADDR dump", ParseAddress);
  }
  Result<std::vector<LinkMode>> LinkModes() const override {
    const std::string what = "ethtool netlink link modes";
    auto sk = Connect(NETLINK_GENERIC, what);
    if (!sk) return std::unexpected(sk.error());
    auto family = GenlFamily(sk->get(), ETHTOOL_GENL_NAME, what);
    if (!family) return std::unexpected(family.error());
    Msg m(nlmsg_alloc_simple(*family, NLM_F_REQUEST | NLM_F_DUMP));
    genlmsghdr g{};
    g.cmd = ETHTOOL_MSG_LINKMODES_GET;
    g.version = ETHTOOL_GENL_VERSION;
    bool ok = m && nlmsg_append(m.get(), &g, sizeof g, NLMSG_ALIGNTO) >= 0;
    nlattr* nest = ok ? nla_nest_start(m.get(), ETHTOOL_A_LINKMODES_HEADER) : nullptr;
    ok = nest != nullptr && nla_put_u32(m.get(), ETHTOOL_A_HEADER_FLAGS, ETHTOOL_FLAG_COMPACT_BITSETS) >= 0 &&
         nla_nest_end(m.get(), nest) >= 0;
    if (!ok) return Fail(ErrorKind::kIo, what + ": cannot build ETHTOOL_MSG_LINKMODES_GET");
    if (int err = nl_send_auto(sk->get(), m.get()); err < 0) return std::unexpected(NlError(err, what));
    auto payloads = Receive(sk->get(), *family, GENL_HDRLEN, what);
    if (!payloads) return std::unexpected(payloads.error());
    std::vector<LinkMode> out;
    for (const auto& p : *payloads) {
      auto lm = ParseLinkMode(p);
      if (!lm) return std::unexpected(Error{lm.error().kind, what + ": " + lm.error().message});
      out.push_back(std::move(*lm));
    }
    return out;
  }
};

thread_local const NetlinkClient* tls_override = nullptr;

}  // namespace

const NetlinkClient& SystemNetlink() {
  static const LibnlClient client;
  return client;
}

const NetlinkClient& CurrentNetlink() { return tls_override != nullptr ? *tls_override : SystemNetlink(); }

ScopedNetlinkOverride::ScopedNetlinkOverride(const NetlinkClient& client) : previous_(tls_override) {
  tls_override = &client;
}
ScopedNetlinkOverride::~ScopedNetlinkOverride() { tls_override = previous_; }

}  // namespace host_exporter::netlink
