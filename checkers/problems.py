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
    """Raised with every problem found; callers print them and exit 2."""

    def __init__(self, problems: list[Problem]):
        self.problems = sorted(set(problems))
        super().__init__("\n".join(map(str, self.problems)))


def field_name(path: tuple) -> str:
    """('steps', 2, 'deadline') -> 'steps[2].deadline' (0-based like JSON Pointer)."""
    out = ""
    for part in path:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out
