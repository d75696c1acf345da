// Regular expressions with Go's RE2 syntax and semantics (node_exporter's flags
// are Go regexps), backed by RE2. Matching is unanchored, as Go's MatchString.
// Thread safety: a compiled Regex is immutable and safe to share across threads.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "host_exporter/result.h"

namespace re2 {
class RE2;
}

namespace host_exporter {

class Regex {
 public:
  // Error names `what` (usually the flag) and the pattern.
  static Result<Regex> Compile(std::string_view pattern, std::string_view what = "regular expression");
  bool Match(std::string_view s) const;  // unanchored search
  const std::string& pattern() const;

 private:
  std::shared_ptr<const re2::RE2> re_;
};

// node_exporter's deviceFilter: a name is ignored when it matches the exclude
// pattern, or when an include pattern is set and it does not match.
class DeviceFilter {
 public:
  DeviceFilter() = default;
  DeviceFilter(std::optional<Regex> exclude, std::optional<Regex> include)
      : exclude_(std::move(exclude)), include_(std::move(include)) {}
  bool Ignored(std::string_view name) const;

 private:
  std::optional<Regex> exclude_;
  std::optional<Regex> include_;
};

class FlagValues;
// The common "<prefix>.device-include" / "<prefix>.device-exclude" pair: both
// non-empty is an error naming both flags; empty strings mean unset.
Result<DeviceFilter> DeviceFilterFromFlags(const FlagValues& flags, std::string_view include_flag,
                                           std::string_view exclude_flag);

}  // namespace host_exporter
