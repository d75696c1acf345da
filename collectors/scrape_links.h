// The scrape's RTM_GETLINK dump: netdev, netclass and arp share one per scrape
// (scrape_memo.h) instead of dumping the links three times.
#pragma once

#include <memory>
#include <vector>

#include "host_exporter/metric_writer.h"
#include "host_exporter/netlink/net_client.h"
#include "host_exporter/scrape_memo.h"

namespace host_exporter::collectors {

using LinkDump = Result<std::vector<netlink::Link>>;

inline std::shared_ptr<const LinkDump> ScrapeLinks(const MetricWriter& out) {
  return Memoized<LinkDump>(out.memo(), "rtnetlink RTM_GETLINK dump",
                            [] { return netlink::CurrentNetlink().Links(); });
}

}  // namespace host_exporter::collectors
