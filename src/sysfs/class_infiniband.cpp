#include "host_exporter/sysfs/class_infiniband.h"

#include "host_exporter/gocompat/strconv.h"

#include <cerrno>
#include <charconv>
#include <limits>

#include "host_exporter/file.h"
#include "host_exporter/sysfs/attr_read.h"
#include "host_exporter/text.h"

namespace host_exporter::sysfs {
namespace {

// Errors procfs skips when reading a counter: the attribute is not there or not
// supported by this device.
bool SkippableCounterError(const Error& e) {
  return e.kind == ErrorKind::kNotFound || IsPermissionError(e) || IsErrno(e, EOPNOTSUPP) ||
         IsErrno(e, EINVAL);
}

struct CounterField {
  std::string_view file;
  std::optional<std::uint64_t> InfiniBandCounters::*field;
  bool per_lane;  // data counters count 32-bit words per lane: x4
};

constexpr CounterField kCounters[] = {
    {"excessive_buffer_overrun_errors", &InfiniBandCounters::excessive_buffer_overrun_errors, false},
    {"link_downed", &InfiniBandCounters::link_downed, false},
    {"link_error_recovery", &InfiniBandCounters::link_error_recovery, false},
    {"local_link_integrity_errors", &InfiniBandCounters::local_link_integrity_errors, false},
    {"multicast_rcv_packets", &InfiniBandCounters::multicast_rcv_packets, false},
    {"multicast_xmit_packets", &InfiniBandCounters::multicast_xmit_packets, false},
    {"port_rcv_constraint_errors", &InfiniBandCounters::port_rcv_constraint_errors, false},
    {"port_rcv_data", &InfiniBandCounters::port_rcv_data, true},
    {"port_rcv_discards", &InfiniBandCounters::port_rcv_discards, false},
    {"port_rcv_errors", &InfiniBandCounters::port_rcv_errors, false},
    {"port_rcv_packets", &InfiniBandCounters::port_rcv_packets, false},
    {"port_rcv_remote_physical_errors", &InfiniBandCounters::port_rcv_remote_physical_errors, false},
    {"port_rcv_switch_relay_errors", &InfiniBandCounters::port_rcv_switch_relay_errors, false},
    {"port_xmit_constraint_errors", &InfiniBandCounters::port_xmit_constraint_errors, false},
    {"port_xmit_data", &InfiniBandCounters::port_xmit_data, true},
    {"port_xmit_discards", &InfiniBandCounters::port_xmit_discards, false},
    {"port_xmit_packets", &InfiniBandCounters::port_xmit_packets, false},
    {"port_xmit_wait", &InfiniBandCounters::port_xmit_wait, false},
    {"symbol_error", &InfiniBandCounters::symbol_error, false},
    {"unicast_rcv_packets", &InfiniBandCounters::unicast_rcv_packets, false},
    {"unicast_xmit_packets", &InfiniBandCounters::unicast_xmit_packets, false},
    {"VL15_dropped", &InfiniBandCounters::vl15_dropped, false},
};

constexpr CounterField kExtCounters[] = {
    {"port_multicast_rcv_packets", &InfiniBandCounters::legacy_port_multicast_rcv_packets, false},
    {"port_multicast_xmit_packets", &InfiniBandCounters::legacy_port_multicast_xmit_packets, false},
    {"port_rcv_data_64", &InfiniBandCounters::legacy_port_rcv_data64, true},
    {"port_rcv_packets_64", &InfiniBandCounters::legacy_port_rcv_packets64, false},
    {"port_unicast_rcv_packets", &InfiniBandCounters::legacy_port_unicast_rcv_packets, false},
    {"port_unicast_xmit_packets", &InfiniBandCounters::legacy_port_unicast_xmit_packets, false},
    {"port_xmit_data_64", &InfiniBandCounters::legacy_port_xmit_data64, true},
    {"port_xmit_packets_64", &InfiniBandCounters::legacy_port_xmit_packets64, false},
};

// hw_counters (kernel 4.6+) are not exported, but procfs parses them, so a
// malformed one fails the collector.
constexpr std::string_view kHwCounters[] = {
    "duplicate_request", "implied_nak_seq_err", "lifespan", "local_ack_timeout_err", "np_cnp_sent",
    "np_ecn_marked_roce_packets", "out_of_buffer", "out_of_sequence", "packet_seq_err", "req_cqe_error",
    "req_cqe_flush_error", "req_remote_access_errors", "req_remote_invalid_request", "resp_cqe_error",
    "resp_cqe_flush_error", "resp_local_length_error", "resp_remote_access_errors", "rnr_nak_retry_err",
    "roce_adp_retrans", "roce_adp_retrans_to", "roce_slow_restart", "roce_slow_restart_cnps",
    "roce_slow_restart_trans", "rp_cnp_handled", "rp_cnp_ignored", "rx_atomic_requests", "rx_dct_connect",
    "rx_icrc_encapsulated", "rx_read_requests", "rx_write_requests"};

// Reads the regular files of dir; calls on(name, value) for the known ones.
template <class Known, class On>
Status ReadCounterDir(const std::string& dir, Known known, On on) {
  auto entries = ReadDir(dir);  // lstat types, as procfs's os.ReadDir
  if (!entries) return std::unexpected(entries.error());
  for (const DirEntry& entry : *entries) {
    const std::string& name = entry.name;
    std::string path = Paths::Join(dir, name);
    if (!entry.regular) continue;
    auto value = SysReadFile(path);
    if (!value) {
      if (SkippableCounterError(value.error())) continue;
      return std::unexpected(value.error());
    }
    if (!known(name)) continue;
    auto v = gocompat::ParseUintBase0(*value);
    if (!v) {
      // Old kernels print this for counters the port management agent lacks.
      if (value->find("N/A (no PMA)") != std::string::npos) continue;
      return std::unexpected(InFile(path, v.error()));
    }
    on(name, *v);
  }
  return {};
}

Result<InfiniBandCounters> ReadCounters(const std::string& port_path) {
  InfiniBandCounters c;
  auto find = [](const auto& table, std::string_view name) -> const CounterField* {
    for (const auto& f : table) {
      if (f.file == name) return &f;
    }
    return nullptr;
  };
  auto store = [&](const auto& table) {
    return [&c, &table, find](const std::string& name, std::uint64_t v) {
      const CounterField* f = find(table, name);
      c.*(f->field) = f->per_lane ? v * 4 : v;
    };
  };
  auto known = [find](const auto& table) {
    return [&table, find](const std::string& name) { return find(table, name) != nullptr; };
  };
  if (auto s = ReadCounterDir(Paths::Join(port_path, "counters"), known(kCounters), store(kCounters)); !s) {
    return std::unexpected(s.error());
  }
  std::string ext = Paths::Join(port_path, "counters_ext");
  if (auto s = ReadCounterDir(ext, known(kExtCounters), store(kExtCounters)); !s) {
    if (s.error().kind != ErrorKind::kNotFound || PathExists(ext)) return std::unexpected(s.error());
  }
  return c;
}

Status CheckHwCounters(const std::string& port_path) {
  auto known = [](const std::string& name) {
    for (std::string_view k : kHwCounters) {
      if (k == name) return true;
    }
    return false;
  };
  return ReadCounterDir(Paths::Join(port_path, "hw_counters"), known, [](const std::string&, std::uint64_t) {});
}

Result<InfiniBandPort> ReadPort(const std::string& device_path, const std::string& device, const std::string& port) {
  InfiniBandPort p;
  p.name = device;
  auto num = ParseUint(port);
  if (!num || *num > std::numeric_limits<std::uint32_t>::max()) {
    return ParseFail("failed to convert " + port + " into uint");
  }
  p.port = static_cast<unsigned>(*num);
  std::string port_path = Paths::Join(device_path, "ports/" + port);

  std::string path = Paths::Join(port_path, "state");
  auto text = ReadFile(path);
  if (!text) return std::unexpected(text.error());
  auto state = ParseInfiniBandState(*text);
  if (!state) return std::unexpected(InFile(path, state.error()));
  p.state_id = state->first;
  p.state = state->second;

  path = Paths::Join(port_path, "phys_state");
  text = ReadFile(path);
  if (!text) return std::unexpected(text.error());
  state = ParseInfiniBandState(*text);
  if (!state) return std::unexpected(InFile(path, state.error()));
  p.phys_state_id = state->first;
  p.phys_state = state->second;

  path = Paths::Join(port_path, "rate");
  text = ReadFile(path);
  if (!text) return std::unexpected(text.error());
  auto rate = ParseInfiniBandRate(*text);
  if (!rate) return std::unexpected(InFile(path, rate.error()));
  p.rate = *rate;

  // Which counter directories exist depends on the driver and the kernel.
  if (PathExists(Paths::Join(port_path, "counters"))) {
    auto c = ReadCounters(port_path);
    if (!c) return std::unexpected(c.error());
    p.counters = *c;
  }
  if (PathExists(Paths::Join(port_path, "hw_counters"))) {
    if (auto s = CheckHwCounters(port_path); !s) return std::unexpected(s.error());
  }
  return p;
}

Result<InfiniBandDevice> ReadDevice(const std::string& class_path, const std::string& name) {
  std::string path = Paths::Join(class_path, name);
  InfiniBandDevice d;
  d.name = name;
  // fw_ver is exposed by all drivers since kernel 4.10.
  auto fw = SysReadFile(Paths::Join(path, "fw_ver"));
  if (!fw) return std::unexpected(fw.error());
  d.firmware_version = *fw;
  // Not all drivers have these.
  for (auto [file, dst] : {std::pair{"board_id", &d.board_id}, std::pair{"hca_type", &d.hca_type}}) {
    auto v = SysReadFile(Paths::Join(path, file));
    if (!v) {
      if (v.error().kind == ErrorKind::kNotFound) continue;
      return std::unexpected(v.error());
    }
    *dst = *v;
  }
  auto ports = ListDir(Paths::Join(path, "ports"));
  if (!ports) return std::unexpected(ports.error());
  for (const std::string& port : *ports) {
    auto p = ReadPort(path, name, port);
    if (!p) return std::unexpected(p.error());
    d.ports[p->port] = std::move(*p);
  }
  return d;
}

}  // namespace

Result<std::pair<unsigned, std::string>> ParseInfiniBandState(std::string_view text) {
  auto parts = Split(text, ':');
  if (parts.size() != 2) return ParseFail("failed to split \"" + std::string(Trim(text)) + "\" into 'ID: NAME'");
  auto id = ParseUint(Trim(parts[0]));
  if (!id || *id > std::numeric_limits<std::uint32_t>::max()) {
    return ParseFail("failed to convert \"" + std::string(Trim(parts[0])) + "\" into uint");
  }
  return std::pair{static_cast<unsigned>(*id), std::string(Trim(parts[1]))};
}

Result<std::uint64_t> ParseInfiniBandRate(std::string_view text) {
  std::size_t sp = text.find(' ');
  if (sp == std::string_view::npos) return ParseFail("failed to split \"" + std::string(Trim(text)) + "\"");
  std::string_view num = Trim(text.substr(0, sp + 1));
  // strconv.ParseFloat(s, 32): rounded to float32.
  float f = 0;
  auto [p, ec] = std::from_chars(num.data(), num.data() + num.size(), f);
  if (num.empty() || ec != std::errc() || p != num.data() + num.size()) {
    return ParseFail("failed to convert \"" + std::string(num) + "\" into uint");
  }
  double bytes = static_cast<double>(f) * 125000000;  // Gb/s -> bytes/s
  if (bytes < 0) return static_cast<std::uint64_t>(static_cast<std::int64_t>(bytes));
  return static_cast<std::uint64_t>(bytes);
}

Result<std::vector<InfiniBandDevice>> ReadInfiniBandClass(const Paths& paths) {
  std::string class_path = paths.Sys("class/infiniband");
  auto names = ListDir(class_path);
  if (!names) return std::unexpected(names.error());
  std::vector<InfiniBandDevice> out;
  for (const std::string& name : *names) {
    auto d = ReadDevice(class_path, name);
    if (!d) return std::unexpected(d.error());
    out.push_back(std::move(*d));
  }
  return out;
}

}  // namespace host_exporter::sysfs
