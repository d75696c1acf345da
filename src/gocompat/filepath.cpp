#include "host_exporter/gocompat/filepath.h"

#include <sys/stat.h>

#include "host_exporter/file.h"
#include "host_exporter/gocompat/utf8.h"

namespace host_exporter::gocompat {
namespace {

constexpr char kSep = '/';

std::unexpected<Error> BadPattern() { return Fail(ErrorKind::kInvalidArgument, "syntax error in pattern"); }

// utf8.DecodeRuneInString: the rune and its length; U+FFFD, 1 for an invalid
// byte; U+FFFD, 0 for an empty string.
std::pair<char32_t, std::size_t> DecodeRune(std::string_view s) {
  if (s.empty()) return {0xFFFD, 0};
  std::size_t n = ValidRuneLength(s);
  if (n == 0) return {0xFFFD, 1};
  auto b = [&](std::size_t i) { return static_cast<char32_t>(static_cast<unsigned char>(s[i])); };
  switch (n) {
    case 1: return {b(0), 1};
    case 2: return {((b(0) & 0x1F) << 6) | (b(1) & 0x3F), 2};
    case 3: return {((b(0) & 0x0F) << 12) | ((b(1) & 0x3F) << 6) | (b(2) & 0x3F), 3};
    default: return {((b(0) & 0x07) << 18) | ((b(1) & 0x3F) << 12) | ((b(2) & 0x3F) << 6) | (b(3) & 0x3F), 4};
  }
}

struct Chunk {
  bool star = false;
  std::string_view chunk;
  std::string_view rest;
};

Chunk ScanChunk(std::string_view pattern) {
  Chunk c;
  while (!pattern.empty() && pattern[0] == '*') {
    pattern.remove_prefix(1);
    c.star = true;
  }
  bool inrange = false;
  std::size_t i = 0;
  for (; i < pattern.size(); ++i) {
    char ch = pattern[i];
    if (ch == '\\') {
      if (i + 1 < pattern.size()) ++i;  // a trailing '\' is reported by MatchChunk
    } else if (ch == '[') {
      inrange = true;
    } else if (ch == ']') {
      inrange = false;
    } else if (ch == '*' && !inrange) {
      break;
    }
  }
  c.chunk = pattern.substr(0, i);
  c.rest = pattern.substr(i);
  return c;
}

// getEsc: one possibly escaped character of a class.
Result<char32_t> GetEsc(std::string_view& chunk) {
  if (chunk.empty() || chunk[0] == '-' || chunk[0] == ']') return BadPattern();
  if (chunk[0] == '\\') {
    chunk.remove_prefix(1);
    if (chunk.empty()) return BadPattern();
  }
  auto [r, n] = DecodeRune(chunk);
  bool bad = r == 0xFFFD && n == 1;
  chunk.remove_prefix(n);
  if (bad || chunk.empty()) return BadPattern();
  return r;
}

struct ChunkMatch {
  bool ok = false;
  std::string_view rest;
};

// matchChunk: whether chunk matches a prefix of s. After a mismatch the rest of
// the chunk is still checked for well-formedness, as Go does.
Result<ChunkMatch> MatchChunk(std::string_view chunk, std::string_view s) {
  bool failed = false;
  while (!chunk.empty()) {
    if (!failed && s.empty()) failed = true;
    switch (chunk[0]) {
      case '[': {
        char32_t r = 0;
        if (!failed) {
          auto [rune, n] = DecodeRune(s);
          r = rune;
          s.remove_prefix(n);
        }
        chunk.remove_prefix(1);
        bool negated = false;
        if (!chunk.empty() && chunk[0] == '^') {
          negated = true;
          chunk.remove_prefix(1);
        }
        bool match = false;
        int nrange = 0;
        for (;;) {
          if (!chunk.empty() && chunk[0] == ']' && nrange > 0) {
            chunk.remove_prefix(1);
            break;
          }
          auto lo = GetEsc(chunk);
          if (!lo) return std::unexpected(lo.error());
          char32_t hi = *lo;
          if (chunk[0] == '-') {
            chunk.remove_prefix(1);
            auto h = GetEsc(chunk);
            if (!h) return std::unexpected(h.error());
            hi = *h;
          }
          if (*lo <= r && r <= hi) match = true;
          ++nrange;
        }
        if (match == negated) failed = true;
        break;
      }
      case '?':
        if (!failed) {
          if (s[0] == kSep) failed = true;
          s.remove_prefix(DecodeRune(s).second);
        }
        chunk.remove_prefix(1);
        break;
      case '\\':
        chunk.remove_prefix(1);
        if (chunk.empty()) return BadPattern();
        [[fallthrough]];
      default:
        if (!failed) {
          if (chunk[0] != s[0]) failed = true;
          s.remove_prefix(1);
        }
        chunk.remove_prefix(1);
        break;
    }
  }
  if (failed) return ChunkMatch{};
  return ChunkMatch{true, s};
}

bool HasMeta(std::string_view path) { return path.find_first_of("*?[\\") != std::string_view::npos; }

// glob: the entries of dir matching pattern, appended to matches. A missing or
// unreadable dir, or one that is not a directory, matches nothing.
Status GlobDir(const std::string& dir, std::string_view pattern, std::vector<std::string>& matches) {
  auto names = ListDir(dir);
  if (!names) return {};
  for (const std::string& n : *names) {
    auto m = MatchPath(pattern, n);
    if (!m) return std::unexpected(m.error());
    if (*m) matches.push_back(JoinPath({dir, n}));
  }
  return {};
}

Result<std::vector<std::string>> Glob(std::string_view pattern, int depth) {
  // Go bounds the recursion by the number of separators.
  if (depth > 10000) return BadPattern();
  if (auto m = MatchPath(pattern, ""); !m) return std::unexpected(m.error());
  std::vector<std::string> matches;
  if (!HasMeta(pattern)) {
    struct stat st;
    std::string p(pattern);
    if (::lstat(p.c_str(), &st) == 0) matches.push_back(std::move(p));
    return matches;
  }
  std::size_t slash = pattern.rfind(kSep);
  std::string_view dir = slash == std::string_view::npos ? std::string_view() : pattern.substr(0, slash + 1);
  std::string_view file = pattern.substr(dir.size());
  // cleanGlobPath: "" -> ".", "/" stays, otherwise drop the trailing separator.
  std::string cleaned = dir.empty() ? "." : dir == "/" ? "/" : std::string(dir.substr(0, dir.size() - 1));
  if (!HasMeta(cleaned)) {
    if (auto s = GlobDir(cleaned, file, matches); !s) return std::unexpected(s.error());
    return matches;
  }
  if (cleaned == pattern) return BadPattern();
  auto dirs = Glob(cleaned, depth + 1);
  if (!dirs) return std::unexpected(dirs.error());
  for (const std::string& d : *dirs) {
    if (auto s = GlobDir(d, file, matches); !s) return std::unexpected(s.error());
  }
  return matches;
}

}  // namespace

std::string CleanPath(std::string_view path) {
  if (path.empty()) return ".";
  const bool rooted = path[0] == kSep;
  const std::size_t n = path.size();
  std::string out;
  std::size_t r = 0, dotdot = 0;
  if (rooted) {
    out.push_back(kSep);
    r = dotdot = 1;
  }
  while (r < n) {
    if (path[r] == kSep) {
      ++r;
    } else if (path[r] == '.' && (r + 1 == n || path[r + 1] == kSep)) {
      ++r;
    } else if (path[r] == '.' && path[r + 1] == '.' && (r + 2 == n || path[r + 2] == kSep)) {
      r += 2;
      if (out.size() > dotdot) {
        out.pop_back();
        while (out.size() > dotdot && out.back() != kSep) out.pop_back();
        if (out.size() > dotdot && out.back() == kSep) out.pop_back();
      } else if (!rooted) {
        if (!out.empty()) out.push_back(kSep);
        out.append("..");
        dotdot = out.size();
      }
    } else {
      if ((rooted && out.size() != 1) || (!rooted && !out.empty())) out.push_back(kSep);
      for (; r < n && path[r] != kSep; ++r) out.push_back(path[r]);
    }
  }
  if (out.empty()) return ".";
  return out;
}

std::string JoinPath(std::initializer_list<std::string_view> elems) {
  std::string joined;
  bool any = false;
  for (std::string_view e : elems) {
    if (e.empty()) continue;
    if (any) joined.push_back(kSep);
    joined.append(e);
    any = true;
  }
  if (!any) return "";
  return CleanPath(joined);
}

Result<bool> MatchPath(std::string_view pattern, std::string_view name) {
  while (!pattern.empty()) {
    Chunk c = ScanChunk(pattern);
    pattern = c.rest;
    if (c.star && c.chunk.empty()) {
      // A trailing '*' matches the rest of the name unless it has a '/'.
      return name.find(kSep) == std::string_view::npos;
    }
    auto m = MatchChunk(c.chunk, name);
    if (!m) return std::unexpected(m.error());
    // The last chunk must consume the whole name.
    if (m->ok && (m->rest.empty() || !pattern.empty())) {
      name = m->rest;
      continue;
    }
    bool advanced = false;
    if (c.star) {
      // Let the star absorb 1, 2, ... bytes, but never a '/'.
      for (std::size_t i = 0; i < name.size() && name[i] != kSep; ++i) {
        auto t = MatchChunk(c.chunk, name.substr(i + 1));
        if (!t) return std::unexpected(t.error());
        if (t->ok) {
          if (pattern.empty() && !t->rest.empty()) continue;
          name = t->rest;
          advanced = true;
          break;
        }
      }
    }
    if (advanced) continue;
    // No match: still report a malformed remainder of the pattern.
    while (!pattern.empty()) {
      Chunk rest = ScanChunk(pattern);
      pattern = rest.rest;
      if (auto t = MatchChunk(rest.chunk, ""); !t) return std::unexpected(t.error());
    }
    return false;
  }
  return name.empty();
}

Result<std::vector<std::string>> GlobPath(std::string_view pattern) { return Glob(pattern, 0); }

}  // namespace host_exporter::gocompat
