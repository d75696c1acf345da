#include "host_exporter/metric_writer.h"

namespace host_exporter {

prometheus::MetricFamily& MetricWriter::Family(prometheus::MetricType type, std::string_view name,
                                               std::string_view help) {
  // Collectors usually emit a family's samples together: check the last one first.
  if (!families_.empty() && families_.back().name == name) return families_.back();
  // Most writers hold a few families: a linear scan beats hashing the name.
  // Past kLinearFamilies the table indexes every family.
  std::size_t hash = 0;
  if (families_.size() <= kLinearFamilies) {
    for (auto& f : families_) {
      if (f.name == name) return f;
    }
  } else {
    hash = std::hash<std::string_view>{}(name);
    const std::size_t mask = index_.size() - 1;
    for (std::size_t i = hash & mask; index_[i].family != 0; i = (i + 1) & mask) {
      if (index_[i].hash == hash && families_[index_[i].family - 1].name == name) {
        return families_[index_[i].family - 1];
      }
    }
  }
  prometheus::MetricFamily& f = families_.emplace_back();
  f.name = std::string(name);
  f.help = std::string(help);
  f.type = type;
  if (families_.size() > kLinearFamilies) {
    if (index_.empty()) {
      Rehash(4 * families_.size());  // hashes every family, this one included
    } else {
      if (2 * families_.size() > index_.size()) Rehash(2 * index_.size());
      Index(hash, static_cast<std::uint32_t>(families_.size()));
    }
  }
  return families_.back();
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
  prometheus::MetricFamily& f = Family(type, name, help);
  prometheus::ClientMetric& m = f.metric.emplace_back();
  m.label.reserve(labels.size());
  // Labels go in sorted by name (a stable insertion sort of the views, as the
  // exposition's sort would order them), so the serializer finds them sorted
  // and moves no strings.
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
    for (std::size_t i = 0; i < n; ++i) m.label.push_back(Label{std::string(sorted[i]->name), std::string(sorted[i]->value)});
  } else {
    for (const LabelView& l : labels) m.label.push_back(Label{std::string(l.name), std::string(l.value)});
  }
  SetValue(m, f.type, value);
}

void MetricWriter::Add(prometheus::MetricType type, std::string_view name, std::string_view help,
                       double value, Labels labels) {
  prometheus::MetricFamily& f = Family(type, name, help);
  prometheus::ClientMetric& m = f.metric.emplace_back();
  m.label = std::move(labels);
  SetValue(m, f.type, value);
}

void MetricWriter::AddFamily(prometheus::MetricFamily family) {
  prometheus::MetricFamily& f = Family(family.type, family.name, family.help);
  if (f.metric.empty() && &f != &family) {
    f.metric = std::move(family.metric);
  } else {
    for (auto& m : family.metric) f.metric.push_back(std::move(m));
  }
}

}  // namespace host_exporter
