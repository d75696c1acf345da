#!/usr/bin/env bash
# Runs ../shared/conformance/run.sh on a scratch copy of the conformance data in
# which the fixture tree's symbolic links are restored. The shared copy stores
# each of node_exporter's fixture symlinks (sys/class/net/eth0, hwmon/hwmonN,
# bus/*/devices/*, ...) as a regular file holding the link's target; a regular
# file whose whole content is a relative path to something that exists in the
# tree ("../...", or a sibling directory such as proc/self -> 10) is turned back
# into that link. Nothing is written outside the scratch dir.
#   tools/conformance-restored.sh BINARY [run.sh options...]
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
shared=$(cd "$here/../shared/conformance" && pwd)
bin=$(realpath "$1"); shift
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cp -a "$shared" "$work/conformance"
root="$work/conformance/node_exporter-1.12.1/collector/fixtures"
restored=$(python3 - "$root" <<'PY'
import os, sys
root = sys.argv[1]
n = 0
for dirpath, dirs, files in os.walk(root):
    for f in files:
        p = os.path.join(dirpath, f)
        if os.path.islink(p) or os.path.getsize(p) > 512:
            continue
        try:
            target = open(p).read().strip()
        except UnicodeDecodeError:
            continue
        if not target or "\n" in target or target.startswith("/") or " " in target:
            continue
        dest = os.path.normpath(os.path.join(dirpath, target))
        # "../x" links, and same-directory links to a directory (proc/self -> 10).
        if (target.startswith("../") and os.path.exists(dest)) or (
                "/" not in target and target != f and os.path.isdir(dest)):
            os.remove(p)
            os.symlink(target, p)
            n += 1
print(n)
PY
)
echo "restored $restored symlinks" >&2
"$work/conformance/run.sh" "$bin" "$@"
