// node_exporter's uname collector: node_uname_info labelled with the uname(2)
// fields.
#include "host_exporter/collector.h"
#include "host_exporter/syscall/uname.h"

namespace host_exporter::collectors::uname {
namespace {

class UnameCollector final : public Collector {
 public:
  Status Collect(MetricWriter& out) const override {
    auto u = syscall::Uname();
    if (!u) return std::unexpected(u.error());
    out.Gauge("node_uname_info", "Labeled system information as provided by the uname system call.", 1,
              {{"sysname", u->sysname},
               {"release", u->release},
               {"version", u->version},
               {"machine", u->machine},
               {"nodename", u->nodename},
               {"domainname", u->domainname}});
    return {};
  }
};

}  // namespace

void DeclareFlags(FlagSet&) {}

Result<std::unique_ptr<Collector>> Create(const CollectorConfig&) { return std::make_unique<UnameCollector>(); }

}  // namespace host_exporter::collectors::uname
