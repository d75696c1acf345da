#include "host_exporter/file.h"

#include <dirent.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdlib>
#include <cstring>

#include "flattened_link.h"
#include "host_exporter/text.h"

namespace host_exporter {
namespace {

int RealOpen(const char* path, int flags) { return ::open(path, flags); }

int RealOpenAt(int dirfd, const char* name, int flags) { return ::openat(dirfd, name, flags); }

const Syscalls kReal{&RealOpen, &::read, &::close, &RealOpenAt};
thread_local const Syscalls* tls_syscalls = &kReal;

Error ErrnoError(int err, const std::string& path, std::string_view op) {
  // Only ENOENT is "does not exist", as Go's os.IsNotExist: a path through a
  // regular file (ENOTDIR) is an error there.
  ErrorKind kind = err == ENOENT ? ErrorKind::kNotFound : ErrorKind::kIo;
  std::string msg(op);
  msg += ' ';
  msg += path;
  msg += ": ";
  msg += std::strerror(err);
  return Error{kind, std::move(msg), err, op == "open" || op == "opendir"};
}

}  // namespace

const Syscalls& RealSyscalls() { return kReal; }

ScopedSyscallOverride::ScopedSyscallOverride(const Syscalls& s) : syscalls_(s), previous_(tls_syscalls) {
  tls_syscalls = &syscalls_;
}
ScopedSyscallOverride::~ScopedSyscallOverride() { tls_syscalls = previous_; }

File& File::operator=(File&& o) noexcept {
  if (this != &o) {
    if (fd_ >= 0) tls_syscalls->close(fd_);
    fd_ = o.fd_;
    o.fd_ = -1;
  }
  return *this;
}

File::~File() {
  if (fd_ >= 0) tls_syscalls->close(fd_);
}

Result<File> File::Open(const std::string& path, int flags) {
  auto open = [flags](const std::string& p) {
    for (;;) {
      int fd = tls_syscalls->open(p.c_str(), flags | O_RDONLY | O_CLOEXEC);
      if (fd >= 0 || errno != EINTR) return fd;
    }
  };
  int fd = open(path);
  if (fd >= 0) return File(fd);
  int err = errno;
  if (err == ENOTDIR) {  // maybe through a flattened link
    // O_DIRECTORY follows a last link, as open(2) follows a last symlink.
    auto resolved = flattened::Resolve(path, (flags & O_DIRECTORY) != 0);
    if (!resolved) {
      err = resolved.error();
    } else if (fd = open(*resolved); fd >= 0) {
      return File(fd);
    } else {
      err = errno;
    }
  }
  return std::unexpected(ErrnoError(err, path, "open"));
}

Result<File> File::OpenAt(const File& dir, std::string_view name, const std::string& path, int flags) {
  const Syscalls& sc = *tls_syscalls;
  char buf[256];
  if (sc.openat != nullptr && dir.fd() >= 0 && name.size() < sizeof buf &&
      name.find('/') == std::string_view::npos) {
    std::memcpy(buf, name.data(), name.size());
    buf[name.size()] = '\0';
    for (;;) {
      int fd = sc.openat(dir.fd(), buf, flags | O_RDONLY | O_CLOEXEC);
      if (fd >= 0) return File(fd);
      if (errno != EINTR) break;
    }
  }
  return Open(path, flags);
}

Status File::ReadAll(std::string& out, std::size_t max_bytes, const std::string& path) const {
  const std::size_t start = out.size();
  std::size_t chunk = 4096;
  for (;;) {
    std::size_t have = out.size() - start;
    if (have > max_bytes) {
      return Fail(ErrorKind::kIo, "read " + path + ": larger than " + std::to_string(max_bytes) + " bytes");
    }
    const std::size_t old = out.size();
    ssize_t n = 0;
    int err = 0;
    // Reads straight into the string's new tail: no zero-filling of the chunk.
    out.resize_and_overwrite(old + chunk, [&](char* p, std::size_t) {
      n = tls_syscalls->read(fd_, p + old, chunk);
      if (n < 0) {
        err = errno;
        return old;
      }
      return old + static_cast<std::size_t>(n);
    });
    if (n < 0) {
      if (err == EINTR) continue;
      return std::unexpected(ErrnoError(err, path, "read"));
    }
    if (n == 0) return {};
    if (chunk < (1u << 20)) chunk *= 2;
  }
}

Result<std::size_t> File::ReadOnce(char* buf, std::size_t n, const std::string& path) const {
  for (;;) {
    ssize_t got = tls_syscalls->read(fd_, buf, n);
    if (got >= 0) return static_cast<std::size_t>(got);
    if (errno != EINTR) return std::unexpected(ErrnoError(errno, path, "read"));
  }
}

Result<std::string> ReadFile(const std::string& path, std::size_t max_bytes) {
  auto f = File::Open(path);
  if (!f) return std::unexpected(f.error());
  std::string out;
  if (auto s = f->ReadAll(out, max_bytes, path); !s) return std::unexpected(s.error());
  return out;
}

Result<std::string> ReadTrimmed(const std::string& path) {
  auto s = ReadFile(path, 1 << 20);
  if (!s) return s;
  return std::string(Trim(*s));
}

namespace {
template <class T, class F>
Result<T> ReadNumber(const std::string& path, F parse) {
  auto s = ReadFile(path, 1 << 16);
  if (!s) return std::unexpected(s.error());
  auto v = parse(Trim(*s));
  if (!v) return std::unexpected(InFile(path, v.error()));
  return *v;
}
}  // namespace

Result<std::uint64_t> ReadUint(const std::string& path) {
  return ReadNumber<std::uint64_t>(path, [](std::string_view s) { return ParseUint(s); });
}
Result<std::int64_t> ReadInt(const std::string& path) {
  return ReadNumber<std::int64_t>(path, [](std::string_view s) { return ParseInt(s); });
}
Result<double> ReadDouble(const std::string& path) {
  return ReadNumber<double>(path, [](std::string_view s) { return ParseDouble(s); });
}

Result<std::vector<DirEntry>> ReadDir(const std::string& path) {
  DIR* d = ::opendir(path.c_str());
  if (d == nullptr) {
    int err = errno;
    if (err == ENOTDIR) {  // maybe a flattened link, or through one
      auto resolved = flattened::Resolve(path, true);
      if (!resolved) {
        err = resolved.error();
      } else if (d = ::opendir(resolved->c_str()); d == nullptr) {
        err = errno;
      }
    }
    if (d == nullptr) return std::unexpected(ErrnoError(err, path, "opendir"));
  }
  std::vector<DirEntry> out;
  errno = 0;
  while (struct dirent* e = ::readdir(d)) {
    if (std::strcmp(e->d_name, ".") == 0 || std::strcmp(e->d_name, "..") == 0) continue;
    unsigned char type = e->d_type;
    if (type == DT_UNKNOWN) {
      struct stat st;
      if (::fstatat(::dirfd(d), e->d_name, &st, AT_SYMLINK_NOFOLLOW) == 0) {
        if (S_ISREG(st.st_mode)) type = DT_REG;
        if (S_ISDIR(st.st_mode)) type = DT_DIR;
      }
    }
    out.push_back(DirEntry{e->d_name, type == DT_REG, type == DT_DIR});
    errno = 0;
  }
  int err = errno;
  ::closedir(d);
  if (err != 0) return std::unexpected(ErrnoError(err, path, "readdir"));
  std::sort(out.begin(), out.end(), [](const DirEntry& a, const DirEntry& b) { return a.name < b.name; });
  return out;
}

Result<std::vector<std::string>> ListDir(const std::string& path) {
  auto entries = ReadDir(path);
  if (!entries) return std::unexpected(entries.error());
  std::vector<std::string> names;
  names.reserve(entries->size());
  for (auto& e : *entries) names.push_back(std::move(e.name));
  return names;
}

Result<std::string> ReadLink(const std::string& path) {
  auto target = flattened::ReadSymlink(path);
  if (target) return *target;
  int err = target.error();
  if (err == ENOTDIR) {  // a link beneath a flattened link
    auto resolved = flattened::Resolve(path, false);
    if (!resolved) return std::unexpected(ErrnoError(resolved.error(), path, "readlink"));
    target = flattened::ReadSymlink(*resolved);
    if (target) return *target;
    err = target.error();
  }
  if (err == EINVAL) {  // not a symlink: maybe a flattened link
    auto flat = flattened::LinkTarget(path);
    if (!flat) {
      err = flat.error();
    } else if (*flat) {
      return std::move(**flat);
    }
  }
  return std::unexpected(ErrnoError(err, path, "readlink"));
}

Result<std::string> RealPath(const std::string& path) {
  std::string resolved;
  if (char* p = ::realpath(path.c_str(), nullptr)) {
    resolved = p;
    std::free(p);
    struct stat st;
    if (::lstat(resolved.c_str(), &st) != 0 || !flattened::MaybeLinkFile(st)) return resolved;
  } else if (errno != ENOTDIR) {
    return std::unexpected(ErrnoError(errno, path, "realpath"));
  }
  auto flat = flattened::Resolve(resolved.empty() ? path : resolved, true);
  if (!flat) return std::unexpected(ErrnoError(flat.error(), path, "realpath"));
  // No links are left on it: realpath(3) only makes it absolute and clean.
  char* p = ::realpath(flat->c_str(), nullptr);
  if (p == nullptr) return std::unexpected(ErrnoError(errno, path, "realpath"));
  resolved = p;
  std::free(p);
  return resolved;
}

bool IsFlattenedLink(const std::string& path) {
  auto flat = flattened::LinkTarget(path);
  return flat && flat->has_value();
}

bool PathExists(const std::string& path) {
  struct stat st;
  if (::stat(path.c_str(), &st) == 0) return true;
  return errno == ENOTDIR && flattened::Resolve(path, true).has_value();
}

bool IsDirectory(const std::string& path) {
  struct stat st;
  if (::stat(path.c_str(), &st) == 0) {
    if (S_ISDIR(st.st_mode)) return true;
    if (!flattened::MaybeLinkFile(st)) return false;
  } else if (errno != ENOTDIR) {
    return false;
  }
  auto resolved = flattened::Resolve(path, true);
  return resolved && ::stat(resolved->c_str(), &st) == 0 && S_ISDIR(st.st_mode);
}

}  // namespace host_exporter
