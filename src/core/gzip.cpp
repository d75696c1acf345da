#include "host_exporter/gzip.h"

#include <zlib.h>

#include <memory>
#include <new>
#include <stdexcept>

namespace host_exporter {

struct GzipPool::Stream {
  z_stream z{};
};

namespace {
// windowBits 15 plus 16: a gzip header and trailer rather than zlib's.
constexpr int kGzipWindowBits = 15 + 16;
constexpr int kMemLevel = 8;
}  // namespace

GzipPool::GzipPool(int level, std::size_t keep_idle) : level_(level), keep_idle_(keep_idle) {
  if (level < 1 || level > 9) throw std::invalid_argument("gzip level must be 1 to 9");
}

GzipPool::~GzipPool() {
  for (Stream* s : idle_) {
    deflateEnd(&s->z);
    delete s;
  }
}

GzipPool::Stream* GzipPool::Acquire() const {
  {
    std::lock_guard lock(mu_);
    if (!idle_.empty()) {
      Stream* s = idle_.back();
      idle_.pop_back();
      return s;
    }
  }
  auto s = std::make_unique<Stream>();
  if (deflateInit2(&s->z, level_, Z_DEFLATED, kGzipWindowBits, kMemLevel, Z_DEFAULT_STRATEGY) != Z_OK) {
    throw std::bad_alloc();
  }
  return s.release();
}

void GzipPool::Release(Stream* s) const {
  if (deflateReset(&s->z) == Z_OK) {
    std::lock_guard lock(mu_);
    if (idle_.size() < keep_idle_) {
      idle_.push_back(s);
      return;
    }
  }
  deflateEnd(&s->z);
  delete s;
}

std::size_t GzipPool::Idle() const {
  std::lock_guard lock(mu_);
  return idle_.size();
}

std::string GzipPool::Compress(std::string_view in) const {
  Stream* s = Acquire();
  struct Returner {
    const GzipPool* pool;
    Stream* s;
    ~Returner() { pool->Release(s); }
  } returner{this, s};
  z_stream& z = s->z;
  std::string out;
  // deflateBound is exact enough that one pass always finishes.
  out.resize(deflateBound(&z, in.size()));
  z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(in.data()));
  z.avail_in = static_cast<uInt>(in.size());
  z.next_out = reinterpret_cast<Bytef*>(out.data());
  z.avail_out = static_cast<uInt>(out.size());
  int rc = deflate(&z, Z_FINISH);
  if (rc != Z_STREAM_END) throw std::runtime_error("deflate did not finish");
  out.resize(z.total_out);
  return out;
}

}  // namespace host_exporter
