"""What the generator writes into docs/: its own folders, wholly, and a few files at the top.
A module of its own, without the generator's imports, for the build cache (checkers/build_cli.py),
which must leave the generator's output out of what a build is made from."""

# Folders under docs/ that the generator owns completely.
GENERATED_DIRS = ("roadmap", "procedure", "rule", "topic", "channel", "checker", "law", "calculator", "data",
                  "practice", "form", "document", "open-data", "contact", "search-words", "cases/page", "cases/category", "cases/archive")
ROBOTS = "robots.txt"
GENERATED_FILES = ("index.md", "feed_rss_created.xml", "feed_rss_updated.xml", ROBOTS)
