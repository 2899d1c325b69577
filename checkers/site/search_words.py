"""What search needs to understand how citizens type, written at build time as small files the
browser fetches only for the characters of a query (search.js):

- lex/<n>.json: the lexicon (procedures/lexicon/): each everyday word -> the site's words to look
  for as well, the checker outcomes it suggests (address and title), and whether it is staff talk;
- fold/<n>.json: traditional (or variant) characters -> the simplified ones the site uses, from
  OpenCC's character tables (opencc-python-reimplemented ships them as text);
- py/<two letters>.json: toneless pinyin, full (laodongzhongcai) and initials (ldzc) -> the
  site's terms, from pypinyin, for page titles and lexicon words;
- outcomes.json: each checker outcome's page and title, for the suggestions above the results.

Sharded by character, so a query fetches a few hundred bytes of each, never the whole tables.
"""
from __future__ import annotations

import json
import logging
import re
from collections import Counter
from functools import partial
from pathlib import Path

import jieba
import opencc
from pypinyin import Style, lazy_pinyin

from .. import parallel
from ..memo import Memo, version_of
from ..content import citation, words
from .search_index import is_han, shard
from .pages import option_page
from .render import page_url

FOLDER = "search-words"
LEX_SHARDS, FOLD_SHARDS = 64, 8
_DICTIONARY = Path(opencc.__file__).parent / "dictionary"
_MAX_PINYIN_TERMS = 6  # per key: initials like "fc" are shared by many words


def _json(value) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"), sort_keys=True)


def fold_map(site_chars: set[str]) -> dict[str, str]:
    """Character -> the site's character, for characters the site never uses.  OpenCC lists, for
    each simplified character, its traditional forms (复: 復 複 覆); a form the site does use
    (覆 is also simplified) is left alone, so folding never changes a word the site has."""
    out: dict[str, str] = {}
    for name, reverse in (("TSCharacters.txt", False), ("STCharacters.txt", True)):
        for line in (_DICTIONARY / name).read_text(encoding="utf-8").splitlines():
            head, _, rest = line.partition("\t")
            forms = rest.split()
            pairs = [(t, head) for t in forms] if reverse else [(head, forms[0])] if forms else []
            for variant, simple in pairs:
                if variant != simple and variant not in site_chars and simple in site_chars and len(simple) == 1:
                    out.setdefault(variant, simple)
    return out


def outcome_links(content) -> dict[str, tuple[str, str]]:
    """Each decision-tree outcome's first page (the one search knows) and its title."""
    out: dict[str, tuple[str, str]] = {}
    for tree in content.items["tree"].values():
        for node in tree.data["nodes"]:
            for option in node["options"]:
                if "outcome" in option and option["outcome"] not in out:
                    outcome = next(o for o in tree.data["outcomes"] if o["id"] == option["outcome"])
                    out[option["outcome"]] = (page_url(option_page(tree.data, node, option)) + "/", outcome["title"])
    # leaves() order is depth first; the tree's own order of options is what pages use too.
    return out


def rule_key(ref: dict) -> str:
    return f"{ref['procedure']}#{ref['step']}"


def rule_links(content) -> dict[str, list[str]]:
    """The procedure steps the lexicon says govern a word (越级: 走访要去对地方): each step's page
    and anchor, and a line that says the rule and cites it."""
    out: dict[str, list[str]] = {}
    for item in content.items["lexicon"].values():
        for entry in item.data["entries"]:
            for ref in entry.get("rule_at", []):
                procedure = content.procedures[ref["procedure"]]
                n, step = next((n, s) for n, s in enumerate(procedure["steps"], 1) if s.get("id") == ref["step"])
                cited = "、".join(dict.fromkeys(
                    citation.label(content.laws[b["law"]]["short_title"], b,
                                   content.article(b["law"], b["article"])["text"]) for b in step["basis"]))
                out[rule_key(ref)] = [page_url(f"procedure/{ref['procedure']}.md") + "/",
                                      f"{step['title']}：{step['action']}（{cited}）", f"step-{n}"]
    return out


def site_terms(content) -> list[str]:
    """The site's own words that name things: titles of doors, rules, procedures and topics, and
    the lexicon's site words.  Search cuts a query at these (known word boundaries), so 被害人对判决
    不服 is read as 被害人 / 对 / 判决不服, never as the pair 人对."""
    terms: list[str] = []
    for kind in ("channel", "rule", "procedure", "topic"):
        terms += [i.data["title"] for i in content.items[kind].values() if len(i.data["title"]) <= 12]
    terms += [i.data["short_title"] for i in content.items["law"].values()]
    for item in content.items["lexicon"].values():
        for entry in item.data["entries"]:
            terms += entry["means"]
    return [t for t in dict.fromkeys(terms) if is_han(t) and len(t) >= 2]


def vocabulary(content) -> list[str]:
    """The words the site's own prose uses (not the posts: at thousands of them this would cost the
    build seconds, and they say nothing the content does not), found with jieba's dictionary: a
    query is cut at these too, so 以后还不服 reads 以后 / 还 / 不服 and never makes the pair 还不."""
    counts: Counter = Counter()
    # Each distinct text once: content repeats its sentences (the same statement on many pages).
    texts = set(words.site_strings(content, posts=False))
    cut = _cuts({s for text in texts for s in _SENTENCE.findall(text)})
    for text in texts:
        for sentence in _SENTENCE.findall(text):
            counts.update(cut[sentence])
    return sorted(w for w, n in counts.items() if n >= 2)


# jieba cuts a text at every character outside words (its re_han), so cutting sentence by sentence
# gives the same words as cutting the whole text; a sentence met before, in this build or an
# earlier one, is not cut again (checkers/memo.py).
_SENTENCE = re.compile(r"[^。！？；\n]+")
_MEMO: dict[str, Memo] = {}
# How each table's values are made: a change here is a new table.
_MEMO_WAYS = {"jieba": "lcut, default dictionary, HMM", "pinyin": "NORMAL and FIRST_LETTER, errors=ignore, lower"}


def _memo(name: str) -> Memo:
    """This site's table for jieba's cuts or pypinyin's spellings, read once for its search words."""
    if name not in _MEMO:
        package = {"jieba": "jieba", "pinyin": "pypinyin"}[name]
        _MEMO[name] = Memo(name, version_of((package,), how=_MEMO_WAYS[name]))
    return _MEMO[name]


def _cuts(sentences: set[str]) -> dict[str, tuple[str, ...]]:
    """Each sentence's words worth keeping (2 to 6 Han characters)."""
    raw = _raw_cuts(sentences)
    return {s: tuple(w for w in raw[s] if 2 <= len(w) <= 6 and is_han(w)) for s in sentences}


def _raw_cuts(texts) -> Memo:
    """jieba's words of each text, cutting on every core only what no build has cut before."""
    memo = _memo("jieba")
    new = memo.missing(texts)
    if new:
        jieba.setLogLevel(logging.WARNING)
        jieba.initialize()  # before the workers fork, so each has the dictionary
        shares = [share for share in (new[i::8] for i in range(8)) if share]
        for share in parallel.make_all({n: partial(_cut, share) for n, share in enumerate(shares)}, minimum=2).values():
            memo.add(share)
    return memo


def _cut(texts: list[str]) -> dict[str, tuple[str, ...]]:
    return {s: tuple(jieba.lcut(s)) for s in texts}


def lexicon(content) -> dict[str, dict]:
    # Boundaries only, unless a lexicon entry says more.
    out: dict[str, dict] = {t: {"m": []} for t in [*vocabulary(content), *site_terms(content)]}
    entries = [entry for item in content.items["lexicon"].values() for entry in item.data["entries"]]
    cut = _raw_cuts({word for entry in entries if entry.get("outcomes") or entry.get("rule_at")
                     for word in [entry["term"], *entry.get("variants", [])]})
    for item in content.items["lexicon"].values():
        for entry in item.data["entries"]:
            value = {"m": entry["means"]}
            if entry.get("outcomes"):
                value["o"] = entry["outcomes"]  # ids; their pages and titles are in outcomes.json
            if entry.get("rule_at"):
                value["r"] = [rule_key(ref) for ref in entry["rule_at"]]  # their pages are in outcomes.json
            if entry.get("audience") == "staff":
                value["s"] = 1
            for word in [entry["term"], *entry.get("variants", [])]:
                out[word] = {**value, **_parts(word, cut[word])} if "o" in value or "r" in value else value
    return out


def _parts(word: str, cut: tuple[str, ...]) -> dict:
    """The words a suggesting phrase is made of (信访意见不服: 信访 / 意见 / 不服): search.js also
    takes the phrase as said when a query has every part in another order or with words between
    (信访处理意见不服, 不服复议决定), so a suggestion never hangs on one exact wording."""
    parts = list(cut) if len(word) >= 3 else []
    return {"p": parts} if len(parts) >= 2 else {}


def pinyin_keys(term: str) -> tuple[str, str]:
    syllables = lazy_pinyin(term, style=Style.NORMAL, errors="ignore")
    initials = lazy_pinyin(term, style=Style.FIRST_LETTER, errors="ignore")
    return "".join(syllables).lower(), "".join(initials).lower()


def pinyin_terms(content, lex: dict[str, dict]) -> dict[str, list[str]]:
    """Titles of the site's doors, rules, procedures and topics, and every lexicon word."""
    terms = site_terms(content) + list(lex)
    wanted = list(dict.fromkeys(t for t in terms if is_han(t) and len(t) >= 2))
    spelt = _memo("pinyin")
    spelt.add({term: pinyin_keys(term) for term in spelt.missing(wanted)})
    out: dict[str, list[str]] = {}
    for term in wanted:
        full, initials = spelt[term]
        for key in (full, initials):
            bucket = out.setdefault(key, [])
            if term not in bucket and len(bucket) < _MAX_PINYIN_TERMS:
                bucket.append(term)
    return out


def files(site) -> dict[str, str]:
    content = site.content
    text = words.site_text(content)
    out: dict[str, str] = {}
    lex = lexicon(content)
    shards: dict[int, dict] = {}
    for word, value in lex.items():
        shards.setdefault(shard(word[0], LEX_SHARDS), {})[word] = value
    for n in range(LEX_SHARDS):
        out[f"{FOLDER}/lex/{n}.json"] = _json(shards.get(n, {}))
    folds: dict[int, dict] = {}
    for variant, simple in fold_map(set(text)).items():
        folds.setdefault(ord(variant) % FOLD_SHARDS, {})[variant] = simple
    for n in range(FOLD_SHARDS):
        out[f"{FOLDER}/fold/{n}.json"] = _json(folds.get(n, {}))
    prefixes: dict[str, dict] = {}
    for key, terms in pinyin_terms(content, lex).items():
        prefixes.setdefault(key[:2], {})[key] = terms  # by the first two letters: a query fetches one small file
    for prefix, table in prefixes.items():
        out[f"{FOLDER}/py/{prefix}.json"] = _json(table)
    out[f"{FOLDER}/outcomes.json"] = _json({**{k: list(v) for k, v in outcome_links(content).items()},
                                            **rule_links(content)})
    for memo in _MEMO.values():
        memo.save()
    _MEMO.clear()  # read again from the file by the next site (make editions): not carried through the build
    return out
