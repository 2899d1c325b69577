"""`make serve`: the editor's preview (builder.py builds, server.py serves, watch.py notices saves)."""
