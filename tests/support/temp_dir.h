// A fresh directory for one test, removed with everything in it when the
// TempDir goes: the tests that write files (file reading, sysfs attributes,
// TLS and web configuration reloads) share it.
#pragma once

#include <stdlib.h>

#include <filesystem>
#include <fstream>
#include <stdexcept>
#include <string>
#include <string_view>

namespace host_exporter::testing {

class TempDir {
 public:
  explicit TempDir(std::string_view prefix = "he_test") {
    std::string tmpl = (std::filesystem::temp_directory_path() / (std::string(prefix) + "XXXXXX")).string();
    if (::mkdtemp(tmpl.data()) == nullptr) throw std::runtime_error("mkdtemp " + tmpl + " failed");
    path_ = tmpl;
  }
  ~TempDir() { std::filesystem::remove_all(path_); }
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;

  const std::string& path() const { return path_; }

  // Writes path()/name, creating its parent directories; returns its path.
  std::string Write(const std::string& name, std::string_view content) const {
    std::string p = path_ + "/" + name;
    std::filesystem::create_directories(std::filesystem::path(p).parent_path());
    std::ofstream(p) << content;
    return p;
  }

  // Writes path()/name through a rename: a new inode, as editors and
  // configuration managers write.
  std::string Replace(const std::string& name, std::string_view content) const {
    std::string p = path_ + "/" + name;
    std::ofstream(p + ".tmp") << content;
    std::filesystem::rename(p + ".tmp", p);
    return p;
  }

 private:
  std::string path_;
};

}  // namespace host_exporter::testing
