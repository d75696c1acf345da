#include "host_exporter/gzip.h"

#include <gtest/gtest.h>
#include <zlib.h>

#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

namespace host_exporter {
namespace {

// Inflates a gzip member with zlib (windowBits 15+16: gzip only), or fails.
std::string Gunzip(const std::string& in) {
  z_stream z{};
  EXPECT_EQ(inflateInit2(&z, 15 + 16), Z_OK);
  std::string out(in.size() * 20 + 64, '\0');
  z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(in.data()));
  z.avail_in = static_cast<uInt>(in.size());
  z.next_out = reinterpret_cast<Bytef*>(out.data());
  z.avail_out = static_cast<uInt>(out.size());
  int rc = inflate(&z, Z_FINISH);
  EXPECT_EQ(rc, Z_STREAM_END);
  EXPECT_EQ(z.avail_in, 0u);  // one member, nothing after it
  out.resize(z.total_out);
  inflateEnd(&z);
  return out;
}

std::string Exposition(int lines) {
  std::string s;
  for (int i = 0; i < lines; ++i) {
    s += "node_cpu_seconds_total{cpu=\"" + std::to_string(i % 64) + "\",mode=\"user\"} " + std::to_string(i * 7919) +
         ".25\n";
  }
  return s;
}

TEST(GzipPool, RoundTripsAtEveryLevelAndIsAGzipMember) {
  const std::string text = Exposition(2000);
  std::size_t size1 = 0, size9 = 0;
  for (int level = 1; level <= 9; ++level) {
    GzipPool pool(level);
    std::string gz = pool.Compress(text);
    ASSERT_GE(gz.size(), 18u);
    EXPECT_EQ(static_cast<unsigned char>(gz[0]), 0x1f);  // gzip magic
    EXPECT_EQ(static_cast<unsigned char>(gz[1]), 0x8b);
    EXPECT_LT(gz.size(), text.size() / 4);
    EXPECT_EQ(Gunzip(gz), text);
    if (level == 1) size1 = gz.size();
    if (level == 9) size9 = gz.size();
  }
  EXPECT_LE(size9, size1);  // the level reaches zlib
}

TEST(GzipPool, EmptyAndIncompressibleInput) {
  GzipPool pool(1);
  EXPECT_EQ(Gunzip(pool.Compress("")), "");
  std::string noise;
  unsigned x = 12345;
  for (int i = 0; i < 100000; ++i) noise.push_back(static_cast<char>((x = x * 1103515245 + 12345) >> 16));
  EXPECT_EQ(Gunzip(pool.Compress(noise)), noise);
}

TEST(GzipPool, ReusesStatesAndKeepsAtMostTheIdleLimit) {
  GzipPool pool(1, 2);
  EXPECT_EQ(pool.Idle(), 0u);
  const std::string a = Exposition(100), b = Exposition(300);
  EXPECT_EQ(Gunzip(pool.Compress(a)), a);
  EXPECT_EQ(pool.Idle(), 1u);
  // A reset state carries nothing over from the previous response.
  EXPECT_EQ(Gunzip(pool.Compress(b)), b);
  EXPECT_EQ(pool.Compress(a), GzipPool(1).Compress(a));
  EXPECT_EQ(pool.Idle(), 1u);

  std::vector<std::thread> threads;
  for (int t = 0; t < 8; ++t) {
    threads.emplace_back([&, t] {
      for (int i = 0; i < 20; ++i) {
        std::string text = Exposition(50 + t * 10 + i);
        EXPECT_EQ(Gunzip(pool.Compress(text)), text);
      }
    });
  }
  for (auto& th : threads) th.join();
  EXPECT_LE(pool.Idle(), 2u);
  EXPECT_GE(pool.Idle(), 1u);
}

TEST(GzipPool, RejectsLevelsOutsideZlibsRange) {
  EXPECT_THROW(GzipPool(0), std::invalid_argument);
  EXPECT_THROW(GzipPool(10), std::invalid_argument);
}

}  // namespace
}  // namespace host_exporter
