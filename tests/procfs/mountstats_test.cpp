#include "host_exporter/procfs/mountstats.h"

#include <gtest/gtest.h>

#include "support/golden.h"

namespace host_exporter::procfs {
namespace {

constexpr std::string_view kNfs4 =
    "device rootfs mounted on / with fstype rootfs\n"
    "device srv:/export mounted on /mnt/a\\040b with fstype nfs4 statvers=1.1\n"
    "\topts:\trw,vers=4.2,proto=tcp,nconnect=2\n"
    "\tage:\t13968\n"
    "\tcaps:\tcaps=0xfff7,wtmult=512\n"
    "\tevents:\t52 226 0 0 1 13 398 0 0 331 0 47 0 0 77 0 0 77 0 0 0 0 0 0 0 0 9\n"
    "\tbytes:\t1207640230 0 0 0 1210214218 0 295483 7\n"
    "\tRPC iostats version: 1.0  p/v: 100003/4 (nfs)\n"
    "\txprt:\ttcp 832 0 1 0 11 6428 6428 0 12154 0 24 26 5726\n"
    "\txprt:\ttcp 833 1 2 3 4 5 6 7 8 9 10 11 12\n"
    "\tper-op statistics\n"
    "\t        NULL: 0 0 0 0 0 0 0 0\n"
    "\t        READ: 1298 1297 1 207680 1210292152 6 79386 79407 3\n"
    "\n"
    "device proc mounted on /proc with fstype proc\n";

TEST(ParseMountStats, NfsStatisticsAndOtherMounts) {
  auto mounts = ParseMountStats(kNfs4);
  ASSERT_TRUE(mounts) << mounts.error().message;
  ASSERT_EQ(mounts->size(), 3u);
  EXPECT_EQ((*mounts)[0].device, "rootfs");
  EXPECT_FALSE((*mounts)[0].nfs);
  EXPECT_EQ((*mounts)[2].fs_type, "proc");
  const MountStatsEntry& m = (*mounts)[1];
  EXPECT_EQ(m.device, "srv:/export");
  EXPECT_EQ(m.mount_point, "/mnt/a\\040b");
  EXPECT_EQ(m.fs_type, "nfs4");
  ASSERT_TRUE(m.nfs);
  const NfsMountStats& s = *m.nfs;
  EXPECT_EQ(s.stat_version, "1.1");
  EXPECT_EQ(s.age, std::chrono::seconds(13968));
  EXPECT_EQ(s.events.inode_revalidate, 52u);
  EXPECT_EQ(s.events.vfs_access, 398u);
  EXPECT_EQ(s.events.vfs_file_release, 77u);
  EXPECT_EQ(s.events.pnfs_write, 9u);
  EXPECT_EQ(s.bytes.read, 1207640230u);
  EXPECT_EQ(s.bytes.read_total, 1210214218u);
  EXPECT_EQ(s.bytes.write_pages, 7u);
  ASSERT_EQ(s.transports.size(), 2u);
  const NfsTransport& t = s.transports[0];
  EXPECT_EQ(t.protocol, "tcp");
  EXPECT_EQ(t.port, 832u);
  EXPECT_EQ(t.connect, 1u);
  EXPECT_EQ(t.idle_time_seconds, 11u);
  EXPECT_EQ(t.sends, 6428u);
  EXPECT_EQ(t.cumulative_active_requests, 12154u);
  EXPECT_EQ(t.maximum_rpc_slots_used, 24u);
  EXPECT_EQ(t.cumulative_pending_queue, 5726u);
  EXPECT_EQ(s.transports[1].cumulative_pending_queue, 12u);
  ASSERT_EQ(s.operations.size(), 2u);
  EXPECT_EQ(s.operations[0].name, "NULL");
  const NfsOperation& read = s.operations[1];
  EXPECT_EQ(read.name, "READ");
  EXPECT_EQ(read.transmissions, 1297u);
  EXPECT_EQ(read.major_timeouts, 1u);
  EXPECT_EQ(read.bytes_received, 1210292152u);
  EXPECT_EQ(read.queue_ms, 6u);
  EXPECT_EQ(read.request_ms, 79407u);
  EXPECT_EQ(read.errors, 3u);
}

TEST(ParseMountStats, TransportLayoutsPerVersionAndProtocol) {
  auto xprt = [](std::string_view version, std::string_view line) {
    std::string text = "device s:/e mounted on /m with fstype nfs statvers=" + std::string(version) + "\n\txprt:\t" +
                       std::string(line) + "\n\tper-op statistics\n";
    return ParseMountStats(text);
  };
  // udp has no connect count or idle times: zeros go in their place.
  auto udp = xprt("1.1", "udp 832 1 6428 6427 2 12154 3 24 26 5726");
  ASSERT_TRUE(udp) << udp.error().message;
  const NfsTransport& u = (*udp)[0].nfs->transports[0];
  EXPECT_EQ(u.bind, 1u);
  EXPECT_EQ(u.connect, 0u);
  EXPECT_EQ(u.idle_time_seconds, 0u);
  EXPECT_EQ(u.sends, 6428u);
  EXPECT_EQ(u.receives, 6427u);
  EXPECT_EQ(u.bad_transaction_ids, 2u);
  EXPECT_EQ(u.cumulative_backlog, 3u);
  EXPECT_EQ(u.maximum_rpc_slots_used, 24u);
  EXPECT_EQ(u.cumulative_pending_queue, 5726u);
  // 1.0 has no slot and queue counters.
  auto tcp10 = xprt("1.0", "tcp 1 2 3 4 5 6 7 8 9 10");
  ASSERT_TRUE(tcp10) << tcp10.error().message;
  EXPECT_EQ((*tcp10)[0].nfs->transports[0].cumulative_backlog, 10u);
  EXPECT_EQ((*tcp10)[0].nfs->transports[0].maximum_rpc_slots_used, 0u);
  auto udp10 = xprt("1.0", "udp 1 2 3 4 5 6 7");
  ASSERT_TRUE(udp10) << udp10.error().message;
  EXPECT_EQ((*udp10)[0].nfs->transports[0].sends, 3u);
  EXPECT_EQ((*udp10)[0].nfs->transports[0].cumulative_backlog, 7u);
  // rdma: the tcp counters up to the backlog, then its own counters.
  auto rdma = xprt("1.1", "rdma 0 0 1 0 5 100 99 0 7 8 11 12 13 14 15 16 17 18 19 20");
  ASSERT_TRUE(rdma) << rdma.error().message;
  EXPECT_EQ((*rdma)[0].nfs->transports[0].cumulative_backlog, 8u);
  EXPECT_EQ((*rdma)[0].nfs->transports[0].maximum_rpc_slots_used, 0u);

  EXPECT_FALSE(xprt("1.1", "tcp 1 2 3 4 5 6 7 8 9 10"));  // 1.0 counts under 1.1
  EXPECT_FALSE(xprt("1.0", "udp 1 2 3 4 5 6 7 8 9 10"));
  EXPECT_FALSE(xprt("1.1", "rdma 1 2 3"));
  EXPECT_FALSE(xprt("1.1", "sctp 1 2 3 4 5 6 7 8 9 10"));
  EXPECT_FALSE(xprt("2.0", "tcp 1 2 3 4 5 6 7 8 9 10 11 12 13"));
  EXPECT_FALSE(xprt("1.1", "tcp 1 2 3 4 5 6 7 8 9 10 11 12 -13"));
  std::string long_rdma = "rdma";
  for (int i = 0; i < 32; ++i) long_rdma += " 1";
  EXPECT_FALSE(xprt("1.1", long_rdma));  // procfs indexes past its array
}

TEST(ParseMountStats, EmptyAndStatisticsFreeInput) {
  auto empty = ParseMountStats("");
  ASSERT_TRUE(empty);
  EXPECT_TRUE(empty->empty());
  auto noise = ParseMountStats("\nsomething else\n\tage: 5\n");
  ASSERT_TRUE(noise);
  EXPECT_TRUE(noise->empty());
  // Cut off after the transport line: what was read is kept.
  auto truncated = ParseMountStats(
      "device s:/e mounted on /m with fstype nfs statvers=1.1\n\tage:\t5\n\txprt:\tudp 1 2 3 4 5 6 7 8 9 10\n");
  ASSERT_TRUE(truncated) << truncated.error().message;
  EXPECT_EQ((*truncated)[0].nfs->age, std::chrono::seconds(5));
  EXPECT_TRUE((*truncated)[0].nfs->operations.empty());
}

TEST(ParseMountStats, MalformedInputFailsNamingTheLine) {
  auto device = ParseMountStats("device proc mounted on /proc\n");
  ASSERT_FALSE(device);
  EXPECT_EQ(device.error().kind, ErrorKind::kParse);
  EXPECT_NE(device.error().message.find("line 1: invalid device"), std::string::npos) << device.error().message;
  EXPECT_FALSE(ParseMountStats("device proc mounted at /proc with fstype proc\n"));
  auto type = ParseMountStats("device a mounted on /b with fstype cifs statvers=1.0\n");
  ASSERT_FALSE(type);
  EXPECT_NE(type.error().message.find("cannot parse MountStats for \"cifs\""), std::string::npos);
  const std::string head = "device s:/e mounted on /m with fstype nfs statvers=1.1\n";
  auto bytes = ParseMountStats(head + "\tbytes:\t1 2 3\n");
  ASSERT_FALSE(bytes);
  EXPECT_NE(bytes.error().message.find("line 2: invalid NFS bytes stats"), std::string::npos) << bytes.error().message;
  EXPECT_FALSE(ParseMountStats(head + "\tevents:\t1 2 3\n"));
  EXPECT_FALSE(ParseMountStats(head + "\tbytes:\t1 2 3 4 5 6 7 x\n"));
  EXPECT_FALSE(ParseMountStats(head + "\tage:\n"));
  EXPECT_FALSE(ParseMountStats(head + "\tage:\tsoon\n"));
  EXPECT_FALSE(ParseMountStats(head + "\topts:\n"));
  EXPECT_FALSE(ParseMountStats(head + "\txprt:\ttcp\n"));
  auto op = ParseMountStats(head + "\tper-op statistics\n\tREAD: 1 2 3\n");
  ASSERT_FALSE(op);
  EXPECT_NE(op.error().message.find("line 3: invalid NFS per-operations stats"), std::string::npos)
      << op.error().message;
  EXPECT_FALSE(ParseMountStats(head + "\tper-op statistics\n\tREAD: 1 2 3 4 5 6 7 -8\n"));
  // As in procfs, an NFS entry cut short by a blank line goes on to read
  // operations, and the next device line is not one.
  auto blank = ParseMountStats(head + "\tage:\t5\n\ndevice s:/f mounted on /n with fstype nfs statvers=1.1\n");
  ASSERT_FALSE(blank);
  EXPECT_NE(blank.error().message.find("line 4:"), std::string::npos) << blank.error().message;
}

TEST(ReadMountStats, FixturesAndMissingFile) {
  auto basic = ReadMountStats(testing::FixturePaths("basic"), "4242");
  ASSERT_TRUE(basic) << basic.error().message;
  ASSERT_EQ(basic->size(), 34u);  // one per line of basic/proc/1/mountinfo
  int nfs = 0;
  for (const auto& m : *basic) {
    if (!m.nfs) continue;
    ++nfs;
    EXPECT_EQ(m.mount_point, "/mnt/nfs");
    EXPECT_EQ(m.nfs->transports.size(), 2u);
    EXPECT_EQ(m.nfs->operations.size(), 10u);
  }
  EXPECT_EQ(nfs, 1);
  auto malformed = ReadMountStats(testing::FixturePaths("malformed"), "4242");
  ASSERT_FALSE(malformed);
  EXPECT_NE(malformed.error().message.find("malformed/proc/4242/mountstats: line 10:"), std::string::npos)
      << malformed.error().message;
  auto missing = ReadMountStats(testing::FixturePaths("empty"), "1");
  ASSERT_FALSE(missing);
  EXPECT_EQ(missing.error().kind, ErrorKind::kNotFound);
}

}  // namespace
}  // namespace host_exporter::procfs
