#include "host_exporter/regex.h"

#include <re2/re2.h>

#include "host_exporter/flags.h"

namespace host_exporter {

Result<Regex> Regex::Compile(std::string_view pattern, std::string_view what) {
  RE2::Options opts;
  opts.set_log_errors(false);
  auto re = std::make_shared<const re2::RE2>(re2::StringPiece(pattern.data(), pattern.size()), opts);
  if (!re->ok()) {
    return Fail(ErrorKind::kInvalidArgument, "invalid " + std::string(what) + " \"" +
                                                 std::string(pattern) + "\": " + re->error());
  }
  Regex r;
  r.re_ = std::move(re);
  return r;
}

bool Regex::Match(std::string_view s) const {
  return RE2::PartialMatch(re2::StringPiece(s.data(), s.size()), *re_);
}

const std::string& Regex::pattern() const { return re_->pattern(); }

bool DeviceFilter::Ignored(std::string_view name) const {
  return (exclude_ && exclude_->Match(name)) || (include_ && !include_->Match(name));
}

Result<DeviceFilter> DeviceFilterFromFlags(const FlagValues& flags, std::string_view include_flag,
                                           std::string_view exclude_flag) {
  const std::string& inc = flags.GetString(include_flag);
  std::string exc = flags.GetString(exclude_flag);
  // An include pattern replaces a default exclude pattern the user did not give.
  if (!inc.empty() && !flags.IsSet(exclude_flag)) exc.clear();
  if (!inc.empty() && !exc.empty()) {
    return Fail(ErrorKind::kInvalidArgument, "--" + std::string(include_flag) + " and --" +
                                                 std::string(exclude_flag) +
                                                 " are mutually exclusive");
  }
  std::optional<Regex> include, exclude;
  if (!inc.empty()) {
    auto r = Regex::Compile(inc, "--" + std::string(include_flag));
    if (!r) return std::unexpected(r.error());
    include = std::move(*r);
  }
  if (!exc.empty()) {
    auto r = Regex::Compile(exc, "--" + std::string(exclude_flag));
    if (!r) return std::unexpected(r.error());
    exclude = std::move(*r);
  }
  return DeviceFilter(std::move(exclude), std::move(include));
}

}  // namespace host_exporter
