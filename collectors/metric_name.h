// Checks a metric name built from kernel text. client_golang panics on an
// invalid name (node_exporter crashes); collectors here report the file instead.
// Thread safety: reentrant.
#pragma once

#include <string_view>

namespace host_exporter::collectors {

// [a-zA-Z_:][a-zA-Z0-9_:]*
inline bool ValidMetricName(std::string_view name) {
  if (name.empty()) return false;
  for (std::size_t i = 0; i < name.size(); ++i) {
    char c = name[i];
    bool ok =
        (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || c == ':' || (i > 0 && c >= '0' && c <= '9');
    if (!ok) return false;
  }
  return true;
}

}  // namespace host_exporter::collectors
