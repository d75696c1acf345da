#include "host_exporter/procfs/pid.h"

#include <dirent.h>

#include <algorithm>
#include <cerrno>
#include <cstring>

#include "host_exporter/file.h"
#include "host_exporter/text.h"

namespace host_exporter::procfs {

Result<PidStat> ParsePidStat(std::string_view text) {
  std::size_t open = text.find('(');
  std::size_t close = text.rfind(')');
  if (open == std::string_view::npos || close == std::string_view::npos || close < open) {
    return ParseFail("no \"(comm)\" field");
  }
  PidStat st;
  auto pid = ParseInt(Trim(text.substr(0, open)));
  if (!pid) return std::unexpected(pid.error());
  st.pid = static_cast<int>(*pid);
  st.comm = std::string(text.substr(open + 1, close - open - 1));
  auto f = SplitFields(text.substr(close + 1));
  // Fields after comm, numbered from 0 here: state=0 ppid=1 ... utime=11 stime=12
  // num_threads=17 starttime=19 vsize=20 rss=21 ... cguest_time=41.
  constexpr std::size_t kFields = 42;
  if (f.size() < kFields) {
    return ParseFail("expected at least " + std::to_string(kFields + 2) + " fields, got " +
                     std::to_string(f.size() + 2));
  }
  // procfs scans every one of them into a Go int (signed) or uint (unsigned).
  static constexpr std::size_t kSigned[] = {1, 2, 3, 4, 5, 13, 14, 15, 16, 17, 18, 21, 35, 41};
  for (std::size_t i = 1; i < kFields; ++i) {
    bool is_signed = std::find(std::begin(kSigned), std::end(kSigned), i) != std::end(kSigned);
    bool ok = is_signed ? ParseInt(f[i]).has_value() : ParseUint(f[i]).has_value();
    if (!ok) return ParseFail("field " + std::to_string(i + 3) + " is not an integer: \"" + std::string(f[i].substr(0, 32)) + "\"");
  }
  st.state = f[0].empty() ? '?' : f[0][0];
  auto u = [&](std::size_t i) { return ParseUint(f[i]); };
  auto s = [&](std::size_t i) { return ParseInt(f[i]); };
  auto ppid = s(1);
  auto minflt = u(7), majflt = u(9), utime = u(11), stime = u(12), start = u(19), vsize = u(20);
  auto threads = s(17), rss = s(21);
  for (const auto* r : {&minflt, &majflt, &utime, &stime, &start, &vsize}) {
    if (!*r) return std::unexpected(r->error());
  }
  for (const auto* r : {&ppid, &threads, &rss}) {
    if (!*r) return std::unexpected(r->error());
  }
  st.ppid = static_cast<int>(*ppid);
  st.minflt = *minflt;
  st.majflt = *majflt;
  st.utime = *utime;
  st.stime = *stime;
  st.num_threads = *threads;
  st.starttime = *start;
  st.vsize = *vsize;
  st.rss = *rss;
  return st;
}

Result<PidLimits> ParsePidLimits(std::string_view text) {
  PidLimits out;
  bool header = false;
  for (auto line : SplitLines(text)) {
    if (line.starts_with("Limit")) {
      header = true;
      continue;
    }
    // Names are padded to 26 columns: "Max open files            1024  4096  files".
    std::optional<std::uint64_t>* dst = nullptr;
    if (line.starts_with("Max open files")) dst = &out.max_open_files;
    else if (line.starts_with("Max address space")) dst = &out.max_address_space;
    if (dst == nullptr) continue;
    auto f = SplitFields(line.substr(line.size() < 26 ? line.size() : 26));
    if (f.empty()) return ParseFail("limits line without values: \"" + std::string(line) + "\"");
    if (f[0] == "unlimited") {
      dst->reset();
    } else {
      auto v = ParseUint(f[0]);
      if (!v) return std::unexpected(v.error());
      *dst = *v;
    }
  }
  if (!header) return ParseFail("no \"Limit\" header line");
  return out;
}

Result<std::vector<int>> ReadPidList(const std::string& dir) {
  DIR* d = ::opendir(dir.c_str());
  if (d == nullptr) {
    int err = errno;
    return Fail(err == ENOENT ? ErrorKind::kNotFound : ErrorKind::kIo,
                "opendir " + dir + ": " + std::strerror(err));
  }
  std::vector<int> out;
  errno = 0;
  while (dirent* e = ::readdir(d)) {
    std::string_view name = e->d_name;
    auto pid = ParseInt(name);
    if (pid && *pid >= 0 && *pid <= 0x7fffffff) out.push_back(static_cast<int>(*pid));
    errno = 0;
  }
  int err = errno;
  ::closedir(d);
  if (err != 0) {
    return Fail(err == ENOENT || err == ESRCH ? ErrorKind::kNotFound : ErrorKind::kIo,
                "readdir " + dir + ": " + std::strerror(err));
  }
  std::sort(out.begin(), out.end());
  return out;
}

Result<PidStat> ReadPidStat(const std::string& path) {
  auto text = ReadFile(path);
  if (!text) return std::unexpected(text.error());
  auto st = ParsePidStat(*text);
  if (!st) return std::unexpected(InFile(path, st.error()));
  return st;
}

bool IsVanished(const Error& e) {
  return e.kind == ErrorKind::kNotFound || e.message.find(std::strerror(ESRCH)) != std::string::npos;
}

}  // namespace host_exporter::procfs
