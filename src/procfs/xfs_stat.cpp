#include "host_exporter/procfs/xfs_stat.h"

#include <initializer_list>

#include "host_exporter/file.h"
#include "host_exporter/sysfs/attr.h"
#include "host_exporter/text.h"

namespace host_exporter::procfs {
namespace {

// Assigns values to the group's fields when the count is one of `counts`.
Status Fill(std::string_view what, const std::vector<std::uint32_t>& v,
            std::initializer_list<std::size_t> counts, std::initializer_list<std::uint32_t*> fields) {
  bool ok = false;
  for (std::size_t c : counts) ok = ok || v.size() == c;
  if (!ok) {
    return ParseFail("incorrect number of values for XFS " + std::string(what) +
                     " stats: " + std::to_string(v.size()));
  }
  std::size_t i = 0;
  for (std::uint32_t* f : fields) {
    if (i < v.size()) *f = v[i];
    ++i;
  }
  return {};
}

}  // namespace

Result<XfsStats> ParseXfsStats(std::string_view text) {
  XfsStats s;
  std::size_t lineno = 0;
  for (std::string_view line : SplitLines(text)) {
    ++lineno;
    auto fail = [&](const Error& e) {
      return ParseFail("line " + std::to_string(lineno) + ": " + e.message);
    };
    auto fields = SplitFields(line);
    if (fields.size() < 2) continue;
    std::string_view label = fields[0];
    if (label == "xpc") {
      std::vector<std::uint64_t> v;
      for (std::size_t i = 1; i < fields.size(); ++i) {
        auto n = ParseUint(fields[i]);
        if (!n) return fail(n.error());
        v.push_back(*n);
      }
      if (v.size() != 3) {
        return fail(Error{ErrorKind::kParse, "incorrect number of values for XFS extended precision stats: " +
                                                 std::to_string(v.size())});
      }
      s.extended_precision = {v[0], v[1], v[2]};
      continue;
    }
    std::vector<std::uint32_t> v;
    for (std::size_t i = 1; i < fields.size(); ++i) {
      auto n = ParseUint(fields[i]);
      if (!n || *n > 0xFFFFFFFFu) {
        return fail(n ? Error{ErrorKind::kParse, "value out of range \"" + std::string(fields[i]) + "\""}
                      : n.error());
      }
      v.push_back(static_cast<std::uint32_t>(*n));
    }
    Status st;
    if (label == "extent_alloc") {
      auto& g = s.extent_allocation;
      st = Fill("extent allocation", v, {4},
                {&g.extents_allocated, &g.blocks_allocated, &g.extents_freed, &g.blocks_freed});
    } else if (label == "abt" || label == "bmbt") {
      auto& g = label == "abt" ? s.allocation_btree : s.block_map_btree;
      st = Fill("btree", v, {4}, {&g.lookups, &g.compares, &g.records_inserted, &g.records_deleted});
    } else if (label == "blk_map") {
      auto& g = s.block_mapping;
      st = Fill("block mapping", v, {7},
                {&g.reads, &g.writes, &g.unmaps, &g.extent_list_insertions, &g.extent_list_deletions,
                 &g.extent_list_lookups, &g.extent_list_compares});
    } else if (label == "dir") {
      auto& g = s.directory_operation;
      st = Fill("directory operation", v, {4}, {&g.lookups, &g.creates, &g.removes, &g.getdents});
    } else if (label == "trans") {
      auto& g = s.transaction;
      st = Fill("transaction", v, {3}, {&g.sync, &g.async, &g.empty});
    } else if (label == "ig") {
      auto& g = s.inode_operation;
      st = Fill(
          "inode operation", v, {7},
          {&g.attempts, &g.found, &g.recycle, &g.missed, &g.duplicate, &g.reclaims, &g.attribute_change});
    } else if (label == "log") {
      auto& g = s.log_operation;
      st = Fill("log operation", v, {5},
                {&g.writes, &g.blocks, &g.no_internal_buffers, &g.force, &g.force_sleep});
    } else if (label == "rw") {
      // The kernel prints xs_write_calls before xs_read_calls.
      st = Fill("read write", v, {2}, {&s.read_write.write, &s.read_write.read});
    } else if (label == "attr") {
      auto& g = s.attribute_operation;
      st = Fill("attribute operation", v, {4}, {&g.get, &g.set, &g.remove, &g.list});
    } else if (label == "icluster") {
      auto& g = s.inode_clustering;
      st = Fill("inode clustering", v, {3}, {&g.iflush, &g.flush, &g.flush_inode});
    } else if (label == "vnodes") {
      auto& g = s.vnode;
      st = Fill("vnode", v, {7, 8},
                {&g.active, &g.allocate, &g.get, &g.hold, &g.release, &g.reclaim, &g.remove, &g.free});
    } else if (label == "buf") {
      auto& g = s.buffer;
      st = Fill("buffer", v, {9},
                {&g.get, &g.create, &g.get_locked, &g.get_locked_waited, &g.busy_locked, &g.miss_locked,
                 &g.page_retries, &g.page_found, &g.get_read});
    }
    if (!st) return fail(st.error());
  }
  return s;
}

Result<XfsStats> ReadXfsProcStats(const Paths& paths) {
  std::string path = paths.Proc("fs/xfs/stat");
  return ParseFile(path, ParseXfsStats);
}

Result<std::vector<XfsStats>> ReadXfsSysStats(const Paths& paths) {
  std::vector<XfsStats> out;
  for (const std::string& dev : sysfs::GlobDir(paths.Sys("fs/xfs"), [](std::string_view) { return true; })) {
    // filepath.Glob("fs/xfs/*/stats/stats"): <dev>/stats must be a directory holding "stats".
    std::string stats_dir = dev + "/stats";
    if (sysfs::GlobDir(stats_dir, [](std::string_view n) { return n == "stats"; }).empty()) continue;
    std::string path = stats_dir + "/stats";
    auto text = ReadFile(path);
    if (!text) {
      Error e = text.error();
      e.kind = ErrorKind::kIo;  // it was listed a moment ago: a failure, not "no data"
      return std::unexpected(e);
    }
    auto parsed = ParseXfsStats(*text);
    if (!parsed) return std::unexpected(InFile(path, parsed.error()));
    parsed->name = dev.substr(dev.rfind('/') + 1);
    out.push_back(std::move(*parsed));
  }
  return out;
}

}  // namespace host_exporter::procfs
