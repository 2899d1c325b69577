"""Which source files changed since last looked at: a poll of modification times (no extra
package, and it behaves the same on every machine and editor, including editors that save by
writing a new file and renaming it).  Generated output under docs/ is not a source."""
from __future__ import annotations

from pathlib import Path

from checkers.site.outputs import GENERATED_DIRS, GENERATED_FILES

# Sources, relative to the project: content, hand-written pages and assets, and what shapes every page.
WATCHED = ("procedures", "docs", "editions", "schemas", "checkers", "hooks", "overrides", "preview", "sitetool", "mkdocs.yml",
           "site.yaml")
_GENERATED = tuple(f"docs/{d}/" for d in GENERATED_DIRS) + tuple(f"docs/{f}" for f in GENERATED_FILES)


def snapshot(root: Path) -> dict[str, int]:
    out = {}
    for name in WATCHED:
        top = root / name
        for path in [top] if top.is_file() else top.rglob("*") if top.is_dir() else []:
            rel = path.relative_to(root).as_posix()
            if path.is_file() and not rel.startswith(_GENERATED) and "__pycache__" not in rel and not _scratch(path.name):
                out[rel] = path.stat().st_mtime_ns
    return out


def changes(before: dict[str, int], after: dict[str, int]) -> list[str]:
    """Files added, removed or modified, in a stable order."""
    return sorted(k for k in before.keys() | after.keys() if before.get(k) != after.get(k))


def _scratch(name: str) -> bool:
    """An editor's swap or backup file, not a source."""
    return name.endswith(("~", ".swp", ".swx", ".tmp")) or name.startswith(".#")
