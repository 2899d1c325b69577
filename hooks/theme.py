"""Site-tool hook: Material for MkDocs as templates and CSS only, none of its JavaScript.

The pages never load Material's script (overrides/main.html leaves it out), but the theme
still copies its bundle, source map, search worker and lunr files into site/.  Unused, they
would only cost upload space, and the bundle names third-party hosts.  Dropping them here,
before anything is written, keeps site/ to what the pages use.

The menu (Material's partials/nav.html) is drawn once for every group of pages that see it alike
(overrides/main.html asks `xf_nav_key`): a page in the menu sees it open at itself, so it has its
own; every page outside the menu sees the same menu, which differs only by how deep the page lies
(its links are relative).  At thousands of posts that was most of each page's template time.

Two bits of the theme's markup are not valid HTML, and are mended in the written page rather
than by copying its templates (a fork would have to be kept in step with the theme):
``autocomplete`` on its menu and search checkboxes (the attribute is not allowed there; elder.js
clears the checkboxes when a page is shown instead), and a table-of-contents ``<label
for="__toc">`` on pages whose navigation has no such control (the column's posts).
"""
from __future__ import annotations

import re

# Theme files we never serve: Material's scripts and every source map (CSS maps included).
_UNUSED = re.compile(r"^assets/javascripts/(bundle\.|lunr/|workers/)|\.map$")


_CHECKBOX_AUTOCOMPLETE = re.compile(r'(<input\b[^>]*\btype="checkbox"[^>]*?)\s+autocomplete="off"')


_in_menu: set[str] = set()
_menu_folders: set[str] = set()  # every folder that holds a page of the menu, at any depth
_menus: dict[tuple, str] = {}


def on_nav(nav, config, files):
    _in_menu.clear()
    _in_menu.update(page.file.src_uri for page in nav.pages)
    _menu_folders.clear()
    for page in nav.pages:
        parts = page.url.split("/")[:-1]
        _menu_folders.update("/".join(parts[:n]) + "/" for n in range(len(parts) + 1))
    _menus.clear()
    return nav


def on_env(env, config, files):
    env.globals.update(xf_nav_key=_menu_key, xf_nav_html=_menus, xf_nav_keep=_keep)
    return env


def _menu_key(page, base_url: str) -> tuple:
    """Pages see the menu alike when they are outside it and their links to it are the same: from
    cases/a/ and cases/b/ every link to a menu page reads alike, unless one lies inside the folder."""
    if page is None:  # a page made from a template alone (404.html)
        return ("template", base_url)
    if page.file.src_uri in _in_menu:
        return (page.file.src_uri,)
    folder = page.url if page.url.endswith("/") else page.url.rsplit("/", 1)[0] + "/"
    if folder in _menu_folders:
        return (None, folder)
    return (None, folder.rstrip("/").rsplit("/", 1)[0] + "/" if "/" in folder.rstrip("/") else "", base_url)


def _keep(key: tuple, html: str) -> str:
    _menus[key] = html
    return html


def on_post_page(output, page, config):
    output = _CHECKBOX_AUTOCOMPLETE.sub(r"\1", output)
    if 'id="__toc"' not in output:
        output = output.replace(' for="__toc"', "")
    return output


def on_post_template(output, template_name, config):
    # 404.html is written from a template, not a page.
    return on_post_page(output, None, config) if template_name.endswith(".html") else output


def on_files(files, config):
    for file in list(files):
        if _UNUSED.search(file.src_uri) and not (file.abs_src_path or "").startswith(config["docs_dir"]):
            files.remove(file)
    return files
