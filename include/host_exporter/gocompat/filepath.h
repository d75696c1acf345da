// Go's path/filepath on Unix: lexical Clean and Join, shell-pattern Match, and
// Glob. node_exporter's textfile collector names files by filepath.Join (so its
// `file` label is a cleaned path) and expands --collector.textfile.directory
// with filepath.Glob. Thread safety: reentrant.
#pragma once

#include <initializer_list>
#include <string>
#include <string_view>
#include <vector>

#include "host_exporter/result.h"

namespace host_exporter::gocompat {

// filepath.Clean: shortest equivalent path ("a//b/../c/" -> "a/c", "" -> ".").
std::string CleanPath(std::string_view path);
// filepath.Join: non-empty elements joined with '/', then cleaned; "" if none.
std::string JoinPath(std::initializer_list<std::string_view> elems);

// filepath.Match: `*` (not '/'), `?`, `[...]` / `[^...]` classes with ranges,
// and '\' escapes. A malformed pattern is kInvalidArgument (ErrBadPattern).
Result<bool> MatchPath(std::string_view pattern, std::string_view name);

// filepath.Glob: the names matching the pattern, sorted within each directory;
// a pattern without metacharacters gives itself if it exists. I/O errors are
// ignored (no match); only a malformed pattern is an error.
Result<std::vector<std::string>> GlobPath(std::string_view pattern);

}  // namespace host_exporter::gocompat
