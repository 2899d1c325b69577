"""One shape for every content error: ``path:line: field: message``.

Editors fix content from these lines, so each names the file, the line and the
field; the loader collects them all before reporting so one run shows every
problem at once.
"""
from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, order=True)
class Problem:
    path: str
    line: int
    field: str
    message: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: {self.field or '(文件)'}: {self.message}"


class ContentError(Exception):
    """Raised with every problem found; callers print them and exit 2.

    Files that could not be read at all come first: every other problem may follow from them.
    Problems that only followed from such a file are left out, and `suppressed` says how many."""

    def __init__(self, problems: list[Problem], first: list[Problem] = (), suppressed: int = 0):
        first = sorted(set(first))
        self.problems = first + sorted(set(problems) - set(first))
        self.suppressed = suppressed
        super().__init__("\n".join(self.lines()))

    def lines(self) -> list[str]:
        """What the command line prints: each problem, then the count and any note."""
        out = [str(p) for p in self.problems] + [f"共 {len(self.problems)} 个问题"]
        if self.suppressed:
            out.append(f"另有 {self.suppressed} 处引用指向上面无法读取的文件，已省略；改好那个文件后再运行一次")
        return out


def field_name(path: tuple) -> str:
    """('steps', 2, 'deadline') -> 'steps[2].deadline' (0-based like JSON Pointer)."""
    out = ""
    for part in path:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out
