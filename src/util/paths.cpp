#include "host_exporter/paths.h"

namespace host_exporter {

std::string Paths::Join(std::string_view base, std::string_view rel) {
  while (!rel.empty() && rel.front() == '/') rel.remove_prefix(1);
  std::string out(base);
  if (rel.empty()) return out;
  if (out.empty() || out.back() != '/') out.push_back('/');
  out.append(rel);
  return out;
}

}  // namespace host_exporter
