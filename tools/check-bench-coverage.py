#!/usr/bin/env python3
"""Fails when a parser has no micro-benchmark (issue #5: every parser is benchmarked).

Collects every Parse* function declared in the headers of the kernel-input
layers (include/host_exporter/{procfs,sysfs,netlink,textfile,udev,rootfs,mount})
and requires each name to be called in benchmarks/*.cpp. Prints the missing
ones and exits 1. Standard library only; run by ctest as `bench_coverage`
without the benchmark build.

Not scanned, on purpose (none of them parses a kernel file):
- web_auth.h (ParseBasicAuth: an HTTP Authorization header), web_config.h
  (ParseWebConfig: the --web.config.file YAML), push.h (ParseGatewayUrl) and
  server.h (ParseListenAddress): operator and HTTP input, read once at start-up
  or per request, not per scraped file.
- text.h and gocompat/ (ParseUint, ParseInt, ParseDouble, ParseBool,
  ParseGoDuration, ParseFloat, ParseIntBase0, ParseMAC...): number and token
  helpers the kernel-file parsers call, so they are timed inside those
  parsers' benchmarks rather than on their own.

Usage: check-bench-coverage.py [SOURCE_DIR]  (default: this script's repository)
"""
import pathlib
import re
import sys

PARSER_DIRS = ("procfs", "sysfs", "netlink", "textfile", "udev", "rootfs", "mount")
DECL = re.compile(r"\b(Parse[A-Za-z0-9_]*)\s*\(")


def strip_comments(text):
    # Headers mention Go's ParseInt/ParseUint in comments; only code counts.
    text = re.sub(r"/\*.*?\*/", " ", text, flags=re.S)
    return re.sub(r"//[^\n]*", "", text)


def names_in(paths):
    names = {}
    for path in paths:
        for name in DECL.findall(strip_comments(path.read_text())):
            names.setdefault(name, path)
    return names


def main():
    root = pathlib.Path(sys.argv[1] if len(sys.argv) > 1 else pathlib.Path(__file__).resolve().parent.parent)
    include = root / "include" / "host_exporter"
    headers = sorted(h for d in PARSER_DIRS for h in (include / d).glob("*.h"))
    benches = sorted((root / "benchmarks").glob("*.cpp"))
    if not headers or not benches:
        print(f"check-bench-coverage: no headers or no benchmarks under {root}", file=sys.stderr)
        return 2
    parsers = names_in(headers)
    called = names_in(benches)
    missing = sorted(n for n in parsers if n not in called)
    for name in missing:
        print(f"{name} ({parsers[name].relative_to(root)}) has no benchmark in benchmarks/*.cpp")
    if missing:
        print(f"{len(missing)} of {len(parsers)} parsers without a benchmark", file=sys.stderr)
        return 1
    print(f"all {len(parsers)} parsers are benchmarked")
    return 0


if __name__ == "__main__":
    sys.exit(main())
