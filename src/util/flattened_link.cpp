#include "flattened_link.h"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstddef>
#include <utility>

namespace host_exporter::flattened {
namespace {

using Lookup = std::expected<std::string, int>;

// A flattened-link candidate's text, or nullopt when its content cannot be a
// path: empty, more than one line, control characters.
std::optional<std::string> ReadText(const std::string& path, const struct stat& st) {
  if (!MaybeLinkFile(st)) return std::nullopt;
  int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC | O_NOFOLLOW);
  if (fd < 0) return std::nullopt;
  char buf[kMaxFileSize];
  std::size_t have = 0;
  bool ok = true;
  while (have < sizeof buf) {
    ssize_t n = ::read(fd, buf + have, sizeof buf - have);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) {
      ok = n == 0;
      break;
    }
    have += static_cast<std::size_t>(n);
  }
  ::close(fd);
  if (!ok || have == sizeof buf) return std::nullopt;
  std::string_view text(buf, have);
  if (text.ends_with('\n')) text.remove_suffix(1);
  if (text.empty()) return std::nullopt;
  for (char c : text) {
    auto u = static_cast<unsigned char>(c);
    if (u < 0x20 || u == 0x7f) return std::nullopt;
  }
  return std::string(text);
}

// A path built one resolved component at a time: no ".", no "..", no doubled
// '/' (a relative one may start with ".." components). "" is the working directory.
struct Built {
  std::string path;
  bool absolute = false;

  explicit Built(std::string p) { Assign(std::move(p)); }
  void Assign(std::string p) {
    path = std::move(p);
    absolute = path.starts_with('/');
  }
  bool AtRoot() const { return path.size() == (absolute ? 1u : 0u); }
  std::string_view Last() const {
    std::size_t r = path.rfind('/');
    return r == std::string::npos ? std::string_view(path) : std::string_view(path).substr(r + 1);
  }
  void Push(std::string_view name) {
    if (!AtRoot()) path.push_back('/');
    path.append(name);
  }
  void Pop() {
    std::size_t r = path.rfind('/');
    path.resize(r == std::string::npos || (absolute && r == 0) ? (absolute ? 1 : 0) : r);
  }
  void Up() {  // ".." on a resolved path is lexical
    if (absolute && AtRoot()) return;
    if (AtRoot() || Last() == "..") {
      Push("..");
    } else {
      Pop();
    }
  }
  std::string Join(std::string_view rel) const {
    Built b = *this;
    b.Push(rel);
    return b.path;
  }
};

// One lookup; the hop count bounds the whole of it, recursion included.
class Resolver {
 public:
  Lookup Resolve(std::string_view path, bool follow_last) {
    Built dest(path.starts_with('/') ? "/" : "");
    std::size_t pos = 0;
    for (;;) {
      pos = path.find_first_not_of('/', pos);
      if (pos == std::string_view::npos) break;
      std::size_t end = path.find('/', pos);
      if (end == std::string_view::npos) end = path.size();
      std::string_view name = path.substr(pos, end - pos);
      pos = end;
      const bool last = path.find_first_not_of('/', pos) == std::string_view::npos;
      if (name == ".") continue;
      if (name == "..") {
        dest.Up();
        continue;
      }
      Built dir = dest;
      dest.Push(name);
      if (last && !follow_last) break;
      struct stat st;
      if (::lstat(dest.path.c_str(), &st) != 0) return std::unexpected(errno);
      if (S_ISDIR(st.st_mode)) continue;
      if (S_ISLNK(st.st_mode)) {
        auto text = ReadSymlink(dest.path);
        if (!text) return text;
        if (++hops_ > kMaxHops) return std::unexpected(ELOOP);
        auto target = Resolve(text->starts_with('/') ? *text : dir.Join(*text), true);
        if (!target) return target;
        dest.Assign(std::move(*target));
        continue;
      }
      auto target = Follow(dir, name, dest.path, st, nullptr);
      if (!target) {
        if (target.error() == ELOOP) return target;
        if (last) break;  // a plain file at the end of the path
        return std::unexpected(ENOTDIR);
      }
      dest.Assign(std::move(*target));
    }
    return std::move(dest.path);
  }

  // The resolved target of `file`, entry `name` of the resolved directory
  // `dir`, if it is a flattened link; its text in *text. EINVAL when it is no
  // link (its text names nothing), ELOOP.
  Lookup Follow(const Built& dir, std::string_view name, const std::string& file, const struct stat& st,
                std::string* text) {
    auto link = ReadText(file, st);
    if (!link) return std::unexpected(EINVAL);
    if (++hops_ > kMaxHops) return std::unexpected(ELOOP);
    Lookup target;
    if (link->starts_with('/')) {
      target = Rebase(dir, *link);
    } else if (link->find('/') == std::string::npos && *link != "." && *link != "..") {
      // A bare name (proc/self's pid) only for a real sibling directory: an
      // attribute reading "1" or "up" is no link even if such a file exists.
      std::string sibling = dir.Join(*link);
      struct stat sib;
      if (*link == name || ::lstat(sibling.c_str(), &sib) != 0 || !S_ISDIR(sib.st_mode)) {
        return std::unexpected(EINVAL);
      }
      target = std::move(sibling);
    } else {
      target = Resolve(dir.Join(*link), true);
    }
    if (!target) return std::unexpected(target.error() == ELOOP ? ELOOP : EINVAL);
    if (text != nullptr) *text = std::move(*link);
    return target;
  }

 private:
  // An absolute target was absolute on the host the tree was copied from: it
  // is looked up under the nearest directory above the link that holds it (the
  // copy's root, e.g. the --path.sysfs directory), never under "/" itself.
  Lookup Rebase(Built dir, std::string_view target) {
    for (;;) {
      if (!(dir.absolute && dir.AtRoot())) {
        auto r = Resolve(dir.AtRoot() ? target.substr(1) : dir.path + std::string(target), true);
        if (r || r.error() == ELOOP) return r;
      }
      if (dir.AtRoot() || dir.Last() == "..") return std::unexpected(ENOENT);
      dir.Pop();
    }
  }

  int hops_ = 0;
};

}  // namespace

std::expected<std::string, int> ReadSymlink(const std::string& path) {
  std::string buf(256, '\0');
  for (;;) {
    ssize_t n = ::readlink(path.c_str(), buf.data(), buf.size());
    if (n < 0) return std::unexpected(errno);
    if (static_cast<std::size_t>(n) < buf.size()) {
      buf.resize(static_cast<std::size_t>(n));
      return buf;
    }
    buf.resize(buf.size() * 2);
  }
}

std::expected<std::string, int> Resolve(std::string_view path, bool follow_last) {
  auto r = Resolver().Resolve(path, follow_last);
  if (r && r->empty()) return ".";
  return r;
}

std::expected<std::optional<std::string>, int> LinkTarget(const std::string& path) {
  struct stat st;
  if (::lstat(path.c_str(), &st) == 0) {
    if (!MaybeLinkFile(st)) return std::nullopt;
  } else if (errno != ENOTDIR) {
    return std::nullopt;
  }
  // Cleaned and with its directories resolved, the path's parent is lexical.
  Resolver r;
  auto file = r.Resolve(path, false);
  if (!file) {
    if (file.error() == ELOOP) return std::unexpected(ELOOP);
    return std::nullopt;
  }
  if (::lstat(file->c_str(), &st) != 0 || !MaybeLinkFile(st)) return std::nullopt;
  Built dir(*file);
  std::string name(dir.Last());
  dir.Pop();
  std::string text;
  auto target = r.Follow(dir, name, *file, st, &text);
  if (!target) {
    if (target.error() == ELOOP) return std::unexpected(ELOOP);
    return std::nullopt;
  }
  return text;
}

}  // namespace host_exporter::flattened
