#include "host_exporter/sysfs/class_nvme.h"

#include <re2/re2.h>

#include "host_exporter/file.h"
#include "host_exporter/sysfs/attr_read.h"
#include "host_exporter/text.h"

namespace host_exporter::sysfs {
namespace {

Result<NVMeNamespace> ReadNamespace(const std::string& path, std::string id) {
  NVMeNamespace ns;
  ns.id = std::move(id);
  struct Attr {
    const char* file;
    std::uint64_t* dst;
  };
  for (Attr a : {Attr{"nuse", &ns.used_blocks}, Attr{"size", &ns.size_blocks},
                 Attr{"queue/logical_block_size", &ns.logical_block_size}}) {
    auto v = SysReadFile(Paths::Join(path, a.file));
    if (!v) return std::unexpected(v.error());
    if (auto n = ParseUint(*v)) *a.dst = *n;
  }
  // Only controllers with Asymmetric Namespace Access have ana_state.
  if (auto v = SysReadFile(Paths::Join(path, "ana_state"))) ns.ana_state = *v;
  ns.used_bytes = ns.used_blocks * ns.logical_block_size;
  ns.size_bytes = ns.size_blocks * ns.logical_block_size;
  ns.capacity_bytes = ns.size_blocks * ns.logical_block_size;
  return ns;
}

Result<NVMeDevice> ReadDevice(const std::string& class_path, const std::string& name) {
  std::string path = Paths::Join(class_path, name);
  NVMeDevice d;
  d.name = name;
  struct Attr {
    const char* file;
    std::string* dst;
  };
  for (Attr a : {Attr{"firmware_rev", &d.firmware_revision}, Attr{"model", &d.model}, Attr{"serial", &d.serial},
                 Attr{"state", &d.state}, Attr{"cntlid", &d.controller_id}}) {
    auto v = SysReadFile(Paths::Join(path, a.file));
    if (!v) return std::unexpected(v.error());
    *a.dst = std::move(*v);
  }
  auto entries = ListDir(path);
  if (!entries) return std::unexpected(entries.error());
  for (const std::string& e : *entries) {
    std::string id = NVMeNamespaceId(e);
    if (id.empty()) continue;
    auto ns = ReadNamespace(Paths::Join(path, e), std::move(id));
    if (!ns) return std::unexpected(ns.error());
    d.namespaces.push_back(std::move(*ns));
  }
  return d;
}

}  // namespace

std::string NVMeNamespaceId(std::string_view dir_name) {
  static const RE2 re(R"(nvme\d+n(\d+))");
  std::string id;
  if (!RE2::PartialMatch(re2::StringPiece(dir_name.data(), dir_name.size()), re, &id)) return "";
  return id;
}

Result<std::vector<NVMeDevice>> ReadNVMeClass(const Paths& paths) {
  std::string class_path = paths.Sys("class/nvme");
  auto names = ListDir(class_path);
  if (!names) return std::unexpected(names.error());
  std::vector<NVMeDevice> out;
  for (const std::string& name : *names) {
    auto d = ReadDevice(class_path, name);
    if (!d) return std::unexpected(d.error());
    out.push_back(std::move(*d));
  }
  return out;
}

}  // namespace host_exporter::sysfs
