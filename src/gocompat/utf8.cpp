#include "host_exporter/gocompat/utf8.h"

namespace host_exporter::gocompat {

std::size_t ValidRuneLength(std::string_view s) {
  if (s.empty()) return 0;
  auto b = [&](std::size_t i) { return static_cast<unsigned char>(s[i]); };
  unsigned char c = b(0);
  if (c < 0x80) return 1;
  std::size_t n = 0;
  unsigned char lo = 0x80, hi = 0xBF;  // allowed range of the second byte
  if (c >= 0xC2 && c <= 0xDF) {
    n = 2;
  } else if (c >= 0xE0 && c <= 0xEF) {
    n = 3;
    if (c == 0xE0) lo = 0xA0;  // overlong
    if (c == 0xED) hi = 0x9F;  // surrogates
  } else if (c >= 0xF0 && c <= 0xF4) {
    n = 4;
    if (c == 0xF0) lo = 0x90;  // overlong
    if (c == 0xF4) hi = 0x8F;  // above U+10FFFF
  } else {
    return 0;
  }
  if (s.size() < n) return 0;
  if (b(1) < lo || b(1) > hi) return 0;
  for (std::size_t i = 2; i < n; ++i) {
    if (b(i) < 0x80 || b(i) > 0xBF) return 0;
  }
  return n;
}

bool ValidUTF8(std::string_view s) {
  while (!s.empty()) {
    std::size_t n = ValidRuneLength(s);
    if (n == 0) return false;
    s.remove_prefix(n);
  }
  return true;
}

std::string ToValidUTF8(std::string_view s, std::string_view replacement) {
  std::string out;
  out.reserve(s.size());
  bool in_invalid = false;
  while (!s.empty()) {
    std::size_t n = ValidRuneLength(s);
    if (n == 0) {
      if (!in_invalid) out.append(replacement);
      in_invalid = true;
      s.remove_prefix(1);
      continue;
    }
    in_invalid = false;
    out.append(s.substr(0, n));
    s.remove_prefix(n);
  }
  return out;
}

}  // namespace host_exporter::gocompat
