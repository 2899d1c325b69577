"""Our build's speed-ups only save time: sitetool/driver.py (the build on both cores) and
hooks/rawhtml.py (finished HTML blocks kept from Markdown).  The site `make build` writes is the
site plain `properdocs build` writes without either, file for file and byte for byte."""
from __future__ import annotations

import os
import re
import subprocess
import sys

from conftest import ROOT


def files(site):
    return {p.relative_to(site).as_posix(): p.read_bytes() for p in sorted(site.rglob("*")) if p.is_file()}


def test_the_build_on_both_cores_writes_what_properdocs_writes(site, project, tmp_path):
    config = project / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    assert "hooks/rawhtml.py" in text
    config.write_text(re.sub(r"\n  - hooks/rawhtml\.py[^\n]*", "", text), encoding="utf-8")
    plain = tmp_path / "plain"
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
    env.pop("SITE_URL", None)
    result = subprocess.run([sys.executable, "-m", "properdocs", "build", "-q", "-f", str(project / "mkdocs.yml"),
                             "-d", str(plain)], cwd=project, capture_output=True, text=True, env=env, timeout=600)
    assert result.returncode == 0, result.stderr[-3000:]
    ours, theirs = files(site), files(plain)
    assert sorted(ours) == sorted(theirs)
    different = [name for name in ours if ours[name] != theirs[name]]
    assert not different, different[:5]
    assert len(ours) > 1000


_FORKED = """
import os, sys
from pathlib import Path
sys.path.insert(0, ".")
from sitetool import driver
forked = set()
real = driver._take_back
def take_back(page, made, *rest):
    forked.add(made["forked"])
    return real(page, made, *rest)
driver._take_back = take_back
driver.build(Path("mkdocs.yml"), Path(sys.argv[1]), workers=2)
print(sorted(forked))
"""


def test_the_pages_really_are_made_in_other_processes(tmp_path):
    """The comparison above means something only if the driver forked: here it says so itself."""
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
    result = subprocess.run([sys.executable, "-c", _FORKED, str(tmp_path / "out")], cwd=ROOT, capture_output=True,
                            text=True, env=env, timeout=600)
    assert result.returncode == 0, result.stderr[-3000:]
    assert result.stdout.strip().splitlines()[-1] == "[True]"
