// os-release(5) under --path.rootfs (etc/os-release, else usr/lib/os-release),
// parsed with the rules of hashicorp/go-envparse, which node_exporter uses.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>

#include "host_exporter/paths.h"
#include "host_exporter/result.h"

namespace host_exporter::rootfs {

// KEY=value lines. Blank lines and lines starting with '#' are skipped; an
// "export " prefix and surrounding whitespace are removed; values may be
// single- or double-quoted (double quotes take \" \\ \/ \b \f \r \n \t \uXXXX
// escapes); an unquoted '#' starts a comment. A later key replaces an earlier
// one. Errors name the line: missing '=', bad key, control characters,
// unmatched quotes, bad escapes.
Result<std::map<std::string, std::string, std::less<>>> ParseEnvFile(std::string_view text);

struct OsRelease {
  std::string name, id, id_like, pretty_name, variant, variant_id, version, version_id, version_codename,
      build_id, image_id, image_version, support_end;
  // VERSION_ID's leading "major[.minor]" as a number; 0 when it has none.
  double version_number = 0;
  // SUPPORT_END (YYYY-MM-DD) as Unix seconds at UTC midnight, when set.
  std::optional<std::int64_t> support_end_unix;
};

// ParseEnvFile plus the fields above; a SUPPORT_END that is not a valid
// YYYY-MM-DD date is an error.
Result<OsRelease> ParseOsRelease(std::string_view text);

// The first of etc/os-release and usr/lib/os-release that exists. Neither:
// ErrorKind::kNoData. Errors name the file.
Result<OsRelease> ReadOsRelease(const Paths& paths);

}  // namespace host_exporter::rootfs
