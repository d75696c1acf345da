"""The README's collector table lists every collector with its default and options."""
import os
import subprocess
import sys

from conftest import BINARY, SOURCE


def test_readme_collector_table_is_current():
    tool = os.path.join(SOURCE, "tools", "collector-table.py")
    table = subprocess.run([sys.executable, tool, BINARY], capture_output=True, text=True, check=True).stdout.strip()
    readme = open(os.path.join(SOURCE, "README.md")).read()
    assert table in readme, "README collector table is stale: run tools/collector-table.py build/host_exporter --write README.md"
    import re
    names = re.findall(r"^HOST_EXPORTER_COLLECTOR\((\w+),", open(os.path.join(SOURCE, "collectors", "collectors.def")).read(), re.M)
    assert len(names) > 40
    for n in names:
        assert f"| `{n}` |" in table, n
