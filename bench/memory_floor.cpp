// The memory floor of the HTTP stack: a process that only constructs a
// cpp-httplib server, as host_exporter must. Debian's cpp-httplib is a shared
// library (its header only declares) linked to libssl and libcrypto, and it
// initialises OpenSSL when loaded. Prints {"rss_kb": N, "hwm_kb": N, "libs": {...}}:
// resident kB of the process and, per mapped file, of its pages.
#include <httplib.h>

#include <cstdio>
#include <fstream>
#include <map>
#include <sstream>
#include <string>

int main() {
  httplib::Server server;  // constructed, never started: the floor of merely having it
  long rss = 0, hwm = 0;
  std::ifstream status("/proc/self/status");
  for (std::string line; std::getline(status, line);) {
    if (line.rfind("VmRSS:", 0) == 0) rss = std::stol(line.substr(6));
    if (line.rfind("VmHWM:", 0) == 0) hwm = std::stol(line.substr(6));
  }
  std::map<std::string, long> libs;
  std::ifstream smaps("/proc/self/smaps");
  std::string name;
  for (std::string line; std::getline(smaps, line);) {
    std::istringstream in(line);
    std::string first;
    in >> first;
    if (first.find('-') != std::string::npos && first.find(':') == std::string::npos) {
      std::string perms, off, dev, inode, path;
      in >> perms >> off >> dev >> inode >> path;
      name = path.empty() ? "[anon]" : path.substr(path.rfind('/') + 1);
    } else if (first == "Rss:") {
      long kb = 0;
      in >> kb;
      libs[name] += kb;
    }
  }
  std::printf("{\"rss_kb\": %ld, \"hwm_kb\": %ld, \"libs\": {", rss, hwm);
  bool comma = false;
  for (const auto& [lib, kb] : libs) {
    if (kb < 100) continue;
    std::printf("%s\"%s\": %ld", comma ? ", " : "", lib.c_str(), kb);
    comma = true;
  }
  std::printf("}}\n");
  return 0;
}
