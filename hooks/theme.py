"""Site-tool hook: Material for MkDocs as templates and CSS only, none of its JavaScript.

The pages never load Material's script (overrides/main.html leaves it out), but the theme
still copies its bundle, source map, search worker and lunr files into site/.  Unused, they
would only cost upload space, and the bundle names third-party hosts.  Dropping them here,
before anything is written, keeps site/ to what the pages use.

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
