// UTF-8 handling with Go's rules (unicode/utf8): no overlong forms, no
// surrogates, nothing above U+10FFFF. For label values, which node_exporter
// requires (or makes) valid UTF-8. Thread safety: all functions reentrant.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace host_exporter::gocompat {

// Length of the valid UTF-8 sequence at the start of s, or 0 if s is empty or
// starts with an invalid byte (Go's DecodeRune returning RuneError, 1).
std::size_t ValidRuneLength(std::string_view s);

// utf8.ValidString.
bool ValidUTF8(std::string_view s);

// strings.ToValidUTF8: each run of invalid bytes becomes one `replacement`.
std::string ToValidUTF8(std::string_view s, std::string_view replacement);

}  // namespace host_exporter::gocompat
