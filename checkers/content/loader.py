"""Load every content file under procedures/, validate it, and cross-check it.

One loader serves the CLI, the site build and the tests, so content that
validates is exactly the content that gets published.  All problems are
collected before anything is reported; nothing is skipped silently.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from . import cases, crossref, doorcheck, editions, holidays, schema, wherecheck, words, yamlsafe
from ..engines.workcalendar import Calendar
from .problems import ContentError, Problem
from .yamlsafe import Lines, read_yaml

ROOT = Path(__file__).resolve().parents[2]
# Content kind -> its folder under procedures/ and its schema in schemas/.
YAML_KINDS = ("law", "rule", "procedure", "roadmap", "topic", "channel", "tree", "practice", "form", "holiday",
              "contact", "situation", "lexicon", "document", "office")
# Case columns are Markdown posts under docs/cases/posts/ (checkers/cases.py) but are checked as content.
KINDS = YAML_KINDS + ("case",)
IGNORED_NAMES = {"README.md"}


@dataclass
class Item:
    kind: str
    id: str
    data: dict
    path: str  # as shown in messages, relative to the project
    lines: Lines
    edition: str | None = None  # the local edition that adds it (editions/<id>/); None: national

    def line(self, *path) -> int:
        return self.lines.line_of(tuple(path))


@dataclass
class Content:
    items: dict[str, dict[str, Item]] = field(default_factory=lambda: {k: {} for k in KINDS})
    # Ids of files that exist but failed validation: references to them are
    # not reported again, the file's own errors already are.
    broken: dict[str, set[str]] = field(default_factory=lambda: {k: set() for k in KINDS})
    _articles: dict | None = field(default=None, repr=False)
    _calendar: Calendar | None = field(default=None, repr=False)
    # Files that could not be read at all, and how many references to them were held back.
    unreadable: set[str] = field(default_factory=set)
    suppressed: int = 0
    # 案例专栏: each valid post's body, rendered by the safe profile (cases.Post), and the authors file.
    case_posts: dict = field(default_factory=dict)
    case_authors: dict[str, dict] = field(default_factory=dict)
    edition: editions.Edition | None = None  # a local edition's content: its settings

    def article(self, law_id: str, number: int) -> dict | None:
        """One stored article; the index is built once, after every law has loaded."""
        if self._articles is None:
            self._articles = {(law_id, a["number"]): a for law_id, item in self.items["law"].items()
                              for a in item.data["articles"]}
        return self._articles.get((law_id, number))

    @property
    def calendar(self) -> Calendar:
        """Working days: the chinesecalendar package plus the holiday notices in procedures/holiday/."""
        if self._calendar is None:
            notices = sorted((item.data for item in self.items["holiday"].values()), key=lambda d: d["year"])
            self._calendar = Calendar(notices)
        return self._calendar

    def has(self, kind: str, item_id: str) -> bool:
        return item_id in self.items[kind] or item_id in self.broken[kind]

    def __getattr__(self, name: str) -> dict[str, dict]:
        # content.laws, content.rules …: id -> data, in file-name order.
        kind = name[:-1] if name.endswith("s") else name
        if kind in KINDS:
            return {i: item.data for i, item in self.items[kind].items()}
        raise AttributeError(name)

    def all_items(self):
        for kind in KINDS:
            yield from self.items[kind].values()


def schema_line(kind: str) -> str:
    return f"# yaml-language-server: $schema=../../schemas/{kind}.schema.json"


def load(root: Path = ROOT, edition: str | None = None) -> Content:
    """Return the validated content, or raise ContentError listing every problem.  With an
    edition's id: the national content and what that edition adds (content/editions.py)."""
    content_dir, schema_dir = root / "procedures", root / "schemas"
    if not content_dir.is_dir() or not schema_dir.is_dir():
        missing = "procedures" if not content_dir.is_dir() else "schemas"
        raise ContentError([Problem(missing, 1, "", f"在 {root} 下找不到 {missing}/ 目录：--root 应指向项目根目录")])
    yamlsafe.TABLE.open()  # files parsed before come from the memo (checkers/memo.py)
    try:
        content, problems = _load(root, content_dir, schema_dir, edition)
    finally:
        yamlsafe.TABLE.close()
    return _checked(content, problems)


def _load(root: Path, content_dir: Path, schema_dir: Path, edition: str | None) -> tuple[Content, list[Problem]]:
    content, problems = Content(), []
    for path in sorted(content_dir.rglob("*")):
        if path.is_dir() or path.name in IGNORED_NAMES:
            continue
        shown = path.relative_to(root).as_posix()
        rel = path.relative_to(content_dir)
        if len(rel.parts) != 2 or rel.parts[0] not in YAML_KINDS:
            problems.append(Problem(shown, 1, "", f"不认识的位置：内容文件应放在 procedures/<类型>/ 下，类型为 {', '.join(YAML_KINDS)}"))
            continue
        if path.suffix != ".yaml":
            problems.append(Problem(shown, 1, "", "内容文件的扩展名应为 .yaml"))
            continue
        problems += _load_file(path, shown, rel.parts[0], schema_dir, content)
    problems += cases.load(root, schema_dir, content, Item)
    if edition is not None:
        content.edition = editions.read(root, edition)
        problems += editions.add(root, content.edition, content, _load_file, Item)
    return content, problems


def with_edition(national: Content, root: Path, edition: str) -> Content:
    """A local edition's content from the national content already loaded (make editions loads the
    national files once for every edition): its additions, then every check on the whole."""
    content = Content(items={k: dict(v) for k, v in national.items.items()},
                      broken={k: set(v) for k, v in national.broken.items()},
                      case_posts=dict(national.case_posts), case_authors=national.case_authors)
    content._calendar = national._calendar
    content.edition = editions.read(root, edition)
    return _checked(content, editions.add(root, content.edition, content, _load_file, Item))


def _checked(content: Content, problems: list[Problem]) -> Content:
    """The checks across files, on the whole content; every problem at once, or the content."""
    problems = (problems + crossref.check(content) + doorcheck.check(content) + holidays.check(content) + words.check(content)
                + wherecheck.check(content))
    if problems:
        raise ContentError(problems, first=[p for p in problems if p.field == "" and p.path in content.unreadable],
                           suppressed=content.suppressed)
    return content


def reload(content: Content, root: Path, path: Path) -> Content:
    """The content with one changed file read again (a YAML item or a case post), for the editor's
    preview: the other files are taken as they were, and every cross-check runs again on the whole,
    so what passes here is what a full load would accept.  Raises ContentError as load() does."""
    root = root.resolve()
    path = path.resolve()
    kind = "case" if path.suffix == ".md" else path.parent.name
    new = Content(items={k: dict(v) for k, v in content.items.items()},
                  broken={k: set(v) for k, v in content.broken.items()},
                  case_posts=dict(content.case_posts), case_authors=content.case_authors, edition=content.edition)
    shown = path.relative_to(root).as_posix()
    for item_id in [i for i, item in new.items[kind].items() if item.path == shown]:
        del new.items[kind][item_id]
        new.case_posts.pop(item_id, None)
    new.broken[kind].discard(path.stem)
    if kind == "case":
        problems = cases._load_post(path, shown, root / "schemas", new, set(new.case_authors), Item)
    else:
        problems = _load_file(path, shown, kind, root / "schemas", new)
    # Back in file order, as load() reads them: pages list items in that order.
    new.items[kind] = dict(sorted(new.items[kind].items(), key=lambda entry: entry[1].path))
    return _checked(new, problems)


def _load_file(path: Path, shown: str, kind: str, schema_dir: Path, content: Content,
               first_line: str | None = None, edition: str | None = None) -> list[Problem]:
    data, lines, problems = read_yaml(path, shown)
    if data is None or not isinstance(data, dict):
        # Unreadable: what points at it would only repeat this one mistake.  Its file name is its
        # id (a rule every file keeps), so references to that id are held back and counted.
        content.broken[kind].add(path.stem)
        content.unreadable.add(shown)
        return problems or [Problem(shown, 1, "", "文件内容应为字段组（key: value）")]
    with path.open(encoding="utf-8-sig", errors="replace") as fh:
        first = fh.readline().rstrip("\n")
    first_line = first_line or schema_line(kind)
    if first != first_line:
        problems.append(Problem(shown, 1, "", f"第一行应为 {first_line}（编辑器据此校验）"))
    problems += schema.check(data, kind, schema_dir, shown, lines)
    item_id = data.get("id")
    if not isinstance(item_id, str):
        content.broken[kind].add(path.stem)
        return problems
    item = Item(kind, item_id, data, shown, lines, edition)
    if path.stem != item_id:
        problems.append(Problem(shown, item.line("id"), "id", f"文件名应为 {item_id}.yaml（与 id 一致）"))
    if content.has(kind, item_id):
        other = content.items[kind].get(item_id)
        where = f"{other.path}:{other.line('id')}" if other else "另一个文件"
        if edition is not None and (other is None or other.edition != edition):
            problems.append(Problem(shown, item.line("id"), "id", f"id“{item_id}”已在 {where} 使用：地方版只能增加，"
                                                                  "不能改写全国的内容或者所在市的地方版"))
        else:
            problems.append(Problem(shown, item.line("id"), "id", f"id“{item_id}”重复，已在 {where} 使用"))
    elif not problems:
        # Only schema-valid items take part in cross-checks, so one mistake gives one message.
        content.items[kind][item_id] = item
    else:
        content.broken[kind].add(item_id)
    return problems
