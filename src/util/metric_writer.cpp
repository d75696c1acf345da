#include "host_exporter/metric_writer.h"

#include "host_exporter/family_pool.h"

namespace host_exporter {

std::size_t MetricWriter::Family(prometheus::MetricType type, std::string_view name, std::string_view help) {
  // Collectors usually emit a family's samples together: check the last one first.
  if (!families_.empty() && families_.back().name == name) return families_.size() - 1;
  // Most writers hold a few families: a linear scan beats hashing the name.
  // Past kLinearFamilies the table indexes every family.
  std::size_t hash = 0;
  if (families_.size() <= kLinearFamilies) {
    for (std::size_t k = 0; k < families_.size(); ++k) {
      if (families_[k].name == name) return k;
    }
  } else {
    hash = std::hash<std::string_view>{}(name);
    const std::size_t mask = index_.size() - 1;
    for (std::size_t i = hash & mask; index_[i].family != 0; i = (i + 1) & mask) {
      if (index_[i].hash == hash && families_[index_[i].family - 1].name == name) {
        return index_[i].family - 1;
      }
    }
  }
  prometheus::MetricFamily& f = families_.emplace_back();
  used_.push_back(0);
  if (pool_ == nullptr || !pool_->Take(name, f)) f.name.assign(name);
  f.help.assign(help);
  f.type = type;
  if (families_.size() > kLinearFamilies) {
    if (index_.empty()) {
      Rehash(4 * families_.size());  // hashes every family, this one included
    } else {
      if (2 * families_.size() > index_.size()) Rehash(2 * index_.size());
      Index(hash, static_cast<std::uint32_t>(families_.size()));
    }
  }
  return families_.size() - 1;
}

prometheus::ClientMetric& MetricWriter::NextMetric(std::size_t family) {
  std::vector<prometheus::ClientMetric>& metrics = families_[family].metric;
  std::uint32_t& used = used_[family];
  if (used == metrics.size()) {
    ++used;
    return metrics.emplace_back();
  }
  // A pooled metric: every field back to its default; the vectors keep their capacity.
  prometheus::ClientMetric& m = metrics[used++];
  m.counter = {};
  m.gauge = {};
  m.untyped = {};
  m.timestamp_ms = 0;
  m.summary.sample_count = 0;
  m.summary.sample_sum = 0;
  m.summary.quantile.clear();
  m.histogram.sample_count = 0;
  m.histogram.sample_sum = 0;
  m.histogram.bucket.clear();
  return m;
}

void MetricWriter::TrimFamily(std::size_t family) {
  auto& metrics = families_[family].metric;
  if (metrics.size() > used_[family]) metrics.erase(metrics.begin() + used_[family], metrics.end());
}

void MetricWriter::Trim() {
  for (std::size_t k = 0; k < families_.size(); ++k) TrimFamily(k);
}

void MetricWriter::Index(std::size_t hash, std::uint32_t family) {
  const std::size_t mask = index_.size() - 1;
  std::size_t i = hash & mask;
  while (index_[i].family != 0) i = (i + 1) & mask;
  index_[i] = Slot{hash, family};
}

void MetricWriter::Rehash(std::size_t slots) {
  std::size_t n = 1;
  while (n < slots) n *= 2;
  std::vector<Slot> old = std::move(index_);
  index_.assign(n, Slot{});
  if (old.empty()) {
    for (std::size_t k = 0; k < families_.size(); ++k) {
      Index(std::hash<std::string_view>{}(families_[k].name), static_cast<std::uint32_t>(k + 1));
    }
  } else {
    for (const Slot& s : old) {
      if (s.family != 0) Index(s.hash, s.family);
    }
  }
}

void MetricWriter::SetValue(prometheus::ClientMetric& m, prometheus::MetricType type, double v) {
  switch (type) {
    case prometheus::MetricType::Counter: m.counter.value = v; break;
    case prometheus::MetricType::Gauge: m.gauge.value = v; break;
    default: m.untyped.value = v; break;
  }
}

void MetricWriter::Add(prometheus::MetricType type, std::string_view name, std::string_view help,
                       double value, std::initializer_list<LabelView> labels) {
  const std::size_t fi = Family(type, name, help);
  prometheus::ClientMetric& m = NextMetric(fi);
  // Labels go in sorted by name (a stable insertion sort of the views, as the
  // exposition's sort would order them), so the serializer finds them sorted
  // and moves no strings. A pooled metric's label strings are assigned over,
  // keeping their capacity.
  m.label.resize(labels.size());
  auto set = [&m](std::size_t i, const LabelView& l) {
    m.label[i].name.assign(l.name);
    m.label[i].value.assign(l.value);
  };
  if (labels.size() <= 8) {
    const LabelView* sorted[8];
    std::size_t n = 0;
    for (const LabelView& l : labels) {
      std::size_t k = n++;
      while (k > 0 && l.name < sorted[k - 1]->name) {
        sorted[k] = sorted[k - 1];
        --k;
      }
      sorted[k] = &l;
    }
    for (std::size_t i = 0; i < n; ++i) set(i, *sorted[i]);
  } else {
    std::size_t i = 0;
    for (const LabelView& l : labels) set(i++, l);
  }
  SetValue(m, families_[fi].type, value);
}

void MetricWriter::Add(prometheus::MetricType type, std::string_view name, std::string_view help,
                       double value, Labels labels) {
  const std::size_t fi = Family(type, name, help);
  prometheus::ClientMetric& m = NextMetric(fi);
  m.label = std::move(labels);
  SetValue(m, families_[fi].type, value);
}

void MetricWriter::AddFamily(prometheus::MetricFamily family) {
  const std::size_t fi = Family(family.type, family.name, family.help);
  TrimFamily(fi);
  auto& metrics = families_[fi].metric;
  if (metrics.empty()) {
    metrics = std::move(family.metric);
  } else {
    for (auto& m : family.metric) metrics.push_back(std::move(m));
  }
  used_[fi] = static_cast<std::uint32_t>(metrics.size());
}

}  // namespace host_exporter
