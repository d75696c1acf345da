// Test support for the netlink layer: a builder for kernel-shaped message
// payloads (fixed header, then 4-byte aligned attributes) and a NetlinkClient
// stand-in serving canned dumps.
#pragma once

#include <cstdint>
#include <cstring>
#include <span>
#include <string>
#include <vector>

#include "host_exporter/netlink/net_client.h"

namespace host_exporter::netlink::testing {

class Payload {
 public:
  template <class Header>
  explicit Payload(const Header& h) {
    Append(&h, sizeof h);
    Pad();
  }
  Payload() = default;

  Payload& Raw(std::uint16_t type, const void* data, std::size_t len) {
    std::uint16_t hdr[2] = {static_cast<std::uint16_t>(4 + len), type};
    Append(hdr, sizeof hdr);
    Append(data, len);
    Pad();
    return *this;
  }
  template <class T>
  Payload& Put(std::uint16_t type, const T& v) {
    return Raw(type, &v, sizeof v);
  }
  Payload& Str(std::uint16_t type, const std::string& s) { return Raw(type, s.c_str(), s.size() + 1); }
  Payload& Bytes(std::uint16_t type, std::vector<std::uint8_t> b) { return Raw(type, b.data(), b.size()); }
  Payload& Nest(std::uint16_t type, const Payload& inner) {
    return Raw(static_cast<std::uint16_t>(type | 0x8000 /* NLA_F_NESTED */), inner.buf_.data(), inner.buf_.size());
  }

  std::span<const std::uint8_t> span() const { return buf_; }
  const std::vector<std::uint8_t>& bytes() const { return buf_; }

 private:
  void Append(const void* p, std::size_t n) {
    auto* b = static_cast<const std::uint8_t*>(p);
    buf_.insert(buf_.end(), b, b + n);
  }
  void Pad() { buf_.resize((buf_.size() + 3) & ~std::size_t{3}, 0); }
  std::vector<std::uint8_t> buf_;
};

// Serves whatever the test put in; every method returns a copy.
struct FakeNetlink final : NetlinkClient {
  Result<std::vector<Link>> links;
  Result<std::vector<Neighbour>> neighbours;
  Result<std::vector<Address>> addresses;
  Result<std::vector<LinkMode>> link_modes = Fail(ErrorKind::kNotFound, "ethtool: Operation not supported");

  Result<std::vector<Link>> Links() const override { return links; }
  Result<std::vector<Neighbour>> Neighbours() const override { return neighbours; }
  Result<std::vector<Address>> Addresses() const override { return addresses; }
  Result<std::vector<LinkMode>> LinkModes() const override { return link_modes; }
};

}  // namespace host_exporter::netlink::testing
