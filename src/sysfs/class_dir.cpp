#include "host_exporter/sysfs/class_dir.h"

#include <dirent.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <charconv>
#include <cstring>

#include "host_exporter/file.h"
#include "host_exporter/text.h"

namespace host_exporter::sysfs {
namespace {

SysErr MakeErr(int err, bool at_open, std::string_view op, const std::string& path) {
  SysErr e;
  e.errnum = err;
  e.at_open = at_open;
  e.message = std::string(op) + " " + path + ": " + std::strerror(err);
  return e;
}

int OpenRetry(const std::string& path, int flags) {
  for (;;) {
    int fd = ::open(path.c_str(), flags | O_RDONLY | O_CLOEXEC);
    if (fd >= 0 || errno != EINTR) return fd;
  }
}

template <class T>
Result<T> ParseDigits(std::string_view s, std::string_view what) {
  int base = 10;
  if (s.starts_with("0x")) {
    base = 16;
    s.remove_prefix(2);
  }
  std::string_view digits = s;
  if constexpr (std::is_signed_v<T>) {
    // Go's ParseInt takes one leading sign; from_chars takes only '-'.
    if (digits.starts_with("+")) {
      digits.remove_prefix(1);
      if (digits.starts_with("-")) digits = {};
    }
  }
  T v{};
  auto [p, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), v, base);
  if (digits.empty() || ec != std::errc() || p != digits.data() + digits.size()) {
    return ParseFail("invalid " + std::string(what) + " \"" + std::string(s.substr(0, 64)) + "\"");
  }
  return v;
}

}  // namespace

bool SysErr::NotExist() const { return errnum == ENOENT; }
bool SysErr::Permission() const { return errnum == EACCES || errnum == EPERM; }

Error SysErr::ToError() const {
  return Error{errnum == ENOENT ? ErrorKind::kNotFound : ErrorKind::kIo, message};
}

SysResult<std::string> ReadAttr(const std::string& path) {
  int fd = OpenRetry(path, 0);
  if (fd < 0) return std::unexpected(MakeErr(errno, true, "open", path));
  char buf[128];
  ssize_t n;
  do {
    n = ::read(fd, buf, sizeof buf);
  } while (n < 0 && errno == EINTR);
  int err = errno;
  ::close(fd);
  if (n < 0) return std::unexpected(MakeErr(err, false, "read", path));
  return std::string(Trim(std::string_view(buf, static_cast<std::size_t>(n))));
}

SysResult<std::string> ReadWhole(const std::string& path) {
  int fd = OpenRetry(path, 0);
  if (fd < 0) return std::unexpected(MakeErr(errno, true, "open", path));
  std::string out;
  char buf[4096];
  for (;;) {
    ssize_t n = ::read(fd, buf, sizeof buf);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0 || out.size() > kMaxPseudoFileSize) {
      int err = n < 0 ? errno : EFBIG;
      ::close(fd);
      return std::unexpected(MakeErr(err, false, "read", path));
    }
    if (n == 0) break;
    out.append(buf, static_cast<std::size_t>(n));
  }
  ::close(fd);
  return out;
}

SysResult<std::vector<DirEntry>> ReadDir(const std::string& path) {
  int fd = OpenRetry(path, O_DIRECTORY);
  if (fd < 0) return std::unexpected(MakeErr(errno, true, "open", path));
  DIR* d = ::fdopendir(fd);
  if (d == nullptr) {
    int err = errno;
    ::close(fd);
    return std::unexpected(MakeErr(err, true, "open", path));
  }
  std::vector<DirEntry> out;
  errno = 0;
  while (struct dirent* e = ::readdir(d)) {
    if (std::strcmp(e->d_name, ".") == 0 || std::strcmp(e->d_name, "..") == 0) continue;
    DirEntry de;
    de.name = e->d_name;
    unsigned char type = e->d_type;
    if (type == DT_UNKNOWN) {
      struct stat st;
      if (::fstatat(::dirfd(d), e->d_name, &st, AT_SYMLINK_NOFOLLOW) == 0) {
        if (S_ISREG(st.st_mode)) type = DT_REG;
        if (S_ISDIR(st.st_mode)) type = DT_DIR;
      }
    }
    de.regular = type == DT_REG;
    de.directory = type == DT_DIR;
    out.push_back(std::move(de));
    errno = 0;
  }
  int err = errno;
  ::closedir(d);
  if (err != 0) return std::unexpected(MakeErr(err, false, "readdirent", path));
  std::sort(out.begin(), out.end(), [](const DirEntry& a, const DirEntry& b) { return a.name < b.name; });
  return out;
}

std::vector<std::string> GlobDir(const std::string& dir, const std::function<bool(std::string_view)>& match) {
  std::vector<std::string> out;
  if (!IsDirectory(dir)) return out;
  auto names = ListDir(dir);
  if (!names) return out;
  for (const auto& n : *names) {
    if (match(n)) out.push_back(CleanPath(dir + "/" + n));
  }
  return out;
}

std::string CleanPath(std::string_view path) {
  if (path.empty()) return ".";
  bool rooted = path.front() == '/';
  std::vector<std::string_view> parts;
  for (std::string_view part : Split(path, '/')) {
    if (part.empty() || part == ".") continue;
    if (part == "..") {
      if (!parts.empty() && parts.back() != "..") {
        parts.pop_back();
      } else if (!rooted) {
        parts.push_back(part);
      }
      continue;
    }
    parts.push_back(part);
  }
  std::string out = rooted ? "/" : "";
  for (std::size_t i = 0; i < parts.size(); ++i) {
    if (i > 0) out.push_back('/');
    out.append(parts[i]);
  }
  if (out.empty()) return ".";
  return out;
}

Result<std::int64_t> ParseSysInt64(std::string_view s) { return ParseDigits<std::int64_t>(s, "integer"); }

Result<std::uint64_t> ParseSysUint64(std::string_view s) {
  return ParseDigits<std::uint64_t>(s, "unsigned integer");
}

}  // namespace host_exporter::sysfs
