// gzip for /metrics responses, with deflate states kept for reuse.
//
// A deflate state is about 256 KiB (32 KiB window at windowBits 15, hash
// tables at memLevel 8); making one per response means a large allocation
// (mmap'd by glibc), page faults and a memset on every scrape. GzipPool keeps
// a few idle states and resets them (deflateReset) instead.
// Thread safety: Compress may be called from any number of threads at once.
#pragma once

#include <cstddef>
#include <mutex>
#include <string>
#include <string_view>
#include <vector>

namespace host_exporter {

class GzipPool {
 public:
  // level: zlib's 1 (fastest) to 9 (smallest). keep_idle: states kept for
  // reuse once no compression needs them (more are made while more run at once).
  explicit GzipPool(int level, std::size_t keep_idle = 4);
  ~GzipPool();
  GzipPool(const GzipPool&) = delete;
  GzipPool& operator=(const GzipPool&) = delete;

  // A complete gzip member (RFC 1952) holding `in`. Throws std::bad_alloc
  // when zlib cannot get memory.
  std::string Compress(std::string_view in) const;

  int level() const { return level_; }
  // States held for reuse right now (tests).
  std::size_t Idle() const;

 private:
  struct Stream;
  Stream* Acquire() const;
  void Release(Stream* s) const;

  int level_;
  std::size_t keep_idle_;
  mutable std::mutex mu_;
  mutable std::vector<Stream*> idle_;
};

}  // namespace host_exporter
