"""Results of pure functions, kept between builds: how jieba cuts a sentence, how pypinyin spells a
term, which organs every place's 找谁 names for a set of cases (checkers/site/place.py), which days
第二条 makes holidays in a year not yet announced (checkers/engines/workcalendar.py), what the
column's safe Markdown profile makes of each part of a post (checkers/content/safe_markdown.py), the
data and lines of each content file's YAML (checkers/content/yamlsafe.py).  They
depend only on their argument and on the packages' versions and our code that makes them (the
table's `version`), so a build after a small edit, a local edition or a test's copy of the project
makes them again for new arguments only.

Kept in the caches' folder (checkers/caches.py: .cache/memo/), one file per function and version:
another version is another file, so an upgrade never reads an old answer.  Deleting it is always
safe.  functools.lru_cache does the same within one process; no library we have keeps such a table
on disk by package version without a database, so this is ours.
"""
from __future__ import annotations

import hashlib
import os
import pickle
from importlib.metadata import version as installed
from pathlib import Path

from .caches import folder

GROWTH = 4  # a table larger than this many times what one build asked is cut back to that build's


def version_of(packages: tuple[str, ...], files: tuple[Path, ...] = (), how: str = "") -> str:
    """A table's version: the installed versions of the packages that make its values, the code and
    data files that do, and how they are asked (`how`).  Any change is another table."""
    digest = hashlib.sha256(how.encode())
    for name in packages:
        digest.update(f"{name}=={installed(name)}".encode() + b"\0")
    for path in files:
        digest.update(path.name.encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()


class Memo:
    """A table key -> value for one function at one version; `save()` writes what was added."""

    def __init__(self, name: str, version: str):
        digest = hashlib.sha256(version.encode()).hexdigest()[:16]
        self.path = folder("memo") / f"{name}-{digest}.pickle"
        try:
            self.values: dict = pickle.loads(self.path.read_bytes())
        except Exception:  # missing, cut short, written by other code: whatever it is, start empty
            self.values = {}
        if not isinstance(self.values, dict):
            self.values = {}
        self.asked: set = set()
        self.added = 0

    def missing(self, keys) -> list:
        """Of these keys, those not yet known (in a fixed order); all of them count as asked."""
        self.asked.update(keys)
        return sorted(k for k in set(keys) if k not in self.values)

    def add(self, found: dict) -> None:
        self.values.update(found)
        self.asked.update(found)
        self.added += len(found)

    def __getitem__(self, key):
        return self.values[key]

    def save(self, trim: bool = True) -> None:
        """trim=False: this run asked for only a part of what builds use (one local edition's own
        posts), so nothing is cut back."""
        if not self.added:
            return
        if trim and len(self.values) > GROWTH * max(1, len(self.asked)):
            self.values = {k: v for k, v in self.values.items() if k in self.asked}
        partial = self.path.with_suffix(f".{os.getpid()}.partial")  # renamed whole: never half a table
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            partial.write_bytes(pickle.dumps(self.values, protocol=pickle.HIGHEST_PROTOCOL))
            partial.replace(self.path)
        except OSError:
            pass  # a folder we may not write (an installed copy, a full disk): the next run makes them again
        self.added = 0


class Table:
    """A Memo asked one text at a time, also from the forked workers that check posts
    (checkers/parallel.py).  This process opens it before they fork, so each worker has it; a
    worker notes what it made or found and hands that back with its results (`taken`), and this
    process adds it to the table (`merge`) and saves it when closing.  Values are kept by the text's
    hash, so what goes back to this process is small."""

    def __init__(self, name: str, version):
        self.name, self._version = name, version  # version: a function, asked when the table opens
        self.memo: Memo | None = None
        self._used: dict = {}  # hash -> value made here, or None: found in the table, or nothing to keep

    @property
    def is_open(self) -> bool:
        return self.memo is not None

    def open(self) -> None:
        self.memo = Memo(self.name, self._version())

    def get(self, text: str, make):
        """make(): the value for this text, unless the table has it."""
        if self.memo is None:
            return make()
        key = hashlib.sha256(text.encode("utf-8")).hexdigest()
        if key in self.memo.values:
            self._used.setdefault(key, None)
            return self.memo.values[key]
        value = self._used[key] = make()
        return value

    def taken(self) -> dict:
        out = dict(self._used)
        self._used.clear()
        return out

    def merge(self, used: dict) -> None:
        self.memo.add({key: value for key, value in used.items() if value is not None})
        self.memo.asked.update(used)

    def close(self, trim: bool = True) -> None:
        """Save what was added and let the table go (tens of MB at thousands of posts)."""
        self.merge(self.taken())
        self.memo.save(trim)
        self.memo = None

