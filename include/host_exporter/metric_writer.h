// Collects samples into prometheus-cpp MetricFamily values. Each collector run
// gets its own writer, so no locking. Families are created on first use and
// keyed by name; later samples of the same family reuse the first help/type.
// Thread safety: not thread-safe; one writer per thread.
#pragma once

#include <chrono>
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <initializer_list>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <prometheus/metric_family.h>
#include <prometheus/metric_type.h>

namespace host_exporter {

class FamilyPool;  // family_pool.h
class ScrapeMemo;  // scrape_memo.h

struct LabelView {
  std::string_view name;
  std::string_view value;
};
using Label = prometheus::ClientMetric::Label;  // {std::string name, value}
using Labels = std::vector<Label>;

class MetricWriter {
 public:
  void Gauge(std::string_view name, std::string_view help, double value,
             std::initializer_list<LabelView> labels = {}) {
    Add(prometheus::MetricType::Gauge, name, help, value, labels);
  }
  void Counter(std::string_view name, std::string_view help, double value,
               std::initializer_list<LabelView> labels = {}) {
    Add(prometheus::MetricType::Counter, name, help, value, labels);
  }
  void Untyped(std::string_view name, std::string_view help, double value,
               std::initializer_list<LabelView> labels = {}) {
    Add(prometheus::MetricType::Untyped, name, help, value, labels);
  }
  void Gauge(std::string_view name, std::string_view help, double value, Labels labels) {
    Add(prometheus::MetricType::Gauge, name, help, value, std::move(labels));
  }
  void Counter(std::string_view name, std::string_view help, double value, Labels labels) {
    Add(prometheus::MetricType::Counter, name, help, value, std::move(labels));
  }
  void Untyped(std::string_view name, std::string_view help, double value, Labels labels) {
    Add(prometheus::MetricType::Untyped, name, help, value, std::move(labels));
  }

  void Add(prometheus::MetricType type, std::string_view name, std::string_view help,
           double value, std::initializer_list<LabelView> labels);
  void Add(prometheus::MetricType type, std::string_view name, std::string_view help,
           double value, Labels labels);

  // Adds a whole family (textfile collector); merges into an existing one.
  void AddFamily(prometheus::MetricFamily family);

  // When the scrape that started this collector stops waiting for it (from
  // X-Prometheus-Scrape-Timeout-Seconds), if it has a deadline. A collector
  // that waits on something slow (filesystem's statfs calls) gives up by
  // then and reports what it has, rather than being dropped whole.
  using Deadline = std::optional<std::chrono::steady_clock::time_point>;
  const Deadline& deadline() const { return deadline_; }
  void set_deadline(Deadline d) { deadline_ = d; }

  // What the collectors of this writer's scrape share (scrape_memo.h); null
  // when the collector runs on its own.
  const std::shared_ptr<ScrapeMemo>& memo() const { return memo_; }
  void set_memo(std::shared_ptr<ScrapeMemo> m) { memo_ = std::move(m); }

  // Where new families take last scrape's storage from (family_pool.h);
  // null: every family is allocated anew. Not owned; must outlive the writer.
  void set_pool(FamilyPool* pool) { pool_ = pool; }

  std::size_t size() const { return families_.size(); }
  std::vector<prometheus::MetricFamily>& families() {
    Trim();
    return families_;
  }
  std::vector<prometheus::MetricFamily> Take() {
    Trim();
    index_.clear();
    used_.clear();
    return std::move(families_);
  }

 private:
  std::size_t Family(prometheus::MetricType type, std::string_view name, std::string_view help);
  // The family's next metric: a pooled one reset to defaults, or a new one.
  prometheus::ClientMetric& NextMetric(std::size_t family);
  // Drops pooled metrics that were not refilled (of one family, of all).
  void TrimFamily(std::size_t family);
  void Trim();
  static void SetValue(prometheus::ClientMetric& m, prometheus::MetricType type, double v);

  void Index(std::size_t hash, std::uint32_t family);
  void Rehash(std::size_t slots);

  static constexpr std::size_t kLinearFamilies = 16;

  std::vector<prometheus::MetricFamily> families_;
  // Per family, how many of its metrics were written; past it, a pooled
  // family's metrics wait to be refilled (or trimmed).
  std::vector<std::uint32_t> used_;
  FamilyPool* pool_ = nullptr;
  Deadline deadline_;
  std::shared_ptr<ScrapeMemo> memo_;
  // Empty while families_ has at most kLinearFamilies entries; then an
  // open-addressed table (linear probing, at most half full) over all of
  // them: a family's name hash and its index + 1 (0: an empty slot). No node
  // or key is allocated per family, as a std::unordered_map would.
  struct Slot {
    std::size_t hash = 0;
    std::uint32_t family = 0;
  };
  std::vector<Slot> index_;
};

}  // namespace host_exporter
