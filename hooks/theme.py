"""Site-tool hook: Material for MkDocs as templates and CSS only, none of its JavaScript.

The pages never load Material's script (overrides/main.html leaves it out), but the theme
still copies its bundle, source map, search worker and lunr files into site/.  Unused, they
would only cost upload space, and the bundle names third-party hosts.  Dropping them here,
before anything is written, keeps site/ to what the pages use.
"""
from __future__ import annotations

import re

# Theme files we never serve: Material's scripts and every source map (CSS maps included).
_UNUSED = re.compile(r"^assets/javascripts/(bundle\.|lunr/|workers/)|\.map$")


def on_files(files, config):
    for file in list(files):
        if _UNUSED.search(file.src_uri) and not (file.abs_src_path or "").startswith(config["docs_dir"]):
            files.remove(file)
    return files
