"""The toolchain: the generator needs no site tool, and site/ ships none of Material's scripts."""
from __future__ import annotations

import subprocess
import sys

from conftest import ROOT

# Run the CLI with the site tool and the theme made unimportable, as on a machine that has
# only the generator's own dependencies (Zensical, or any other tool, would then read docs/).
_BLOCKED = """
import runpy, sys
class Blocked:
    def find_spec(self, name, path=None, target=None):
        if name.split(".")[0] in {"mkdocs", "properdocs", "material"}:
            raise ImportError(f"blocked for this test: {name}")
sys.meta_path.insert(0, Blocked())
sys.argv = ["checkers", *sys.argv[1:]]
runpy.run_module("checkers", run_name="__main__")
"""


def test_generate_runs_without_properdocs_or_mkdocs(tmp_path):
    out = tmp_path / "docs"
    result = subprocess.run([sys.executable, "-c", _BLOCKED, "--root", str(ROOT), "generate", "--out", str(out)],
                            cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stderr
    assert "已生成" in result.stdout
    assert (out / "rule" / "xinfang.review-request.md").read_text(encoding="utf-8").count("复查") > 0
    assert (out / "checker" / "index.md").exists() and (out / "data" / "calendar.js").exists()
    # The block is real: the same interpreter cannot import the site tool under it.
    probe = subprocess.run([sys.executable, "-c", _BLOCKED.replace('runpy.run_module("checkers", run_name="__main__")',
                                                                  "import properdocs")],
                           capture_output=True, text=True, timeout=60)
    assert probe.returncode != 0 and "blocked for this test" in probe.stderr


def test_site_has_no_material_script(site):
    shipped = [p.relative_to(site).as_posix() for p in site.rglob("*") if p.is_file()]
    material = [p for p in shipped if p.startswith("assets/javascripts/") and
                (p.split("/")[2].startswith("bundle.") or p.split("/")[2] in ("lunr", "workers"))]
    assert not material, material
    assert not [p for p in shipped if p.endswith(".map")]
    # Our own scripts are still there, and no page points at a script that is not shipped.
    assert "assets/javascripts/search.js" in shipped
    for page in site.rglob("*.html"):
        assert "bundle." not in page.read_text(encoding="utf-8"), page
