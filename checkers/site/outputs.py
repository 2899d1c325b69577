"""What the generator writes into docs/: its own folders, wholly, and a few files at the top.
A module of its own, without the generator's imports, for the build cache (checkers/build_cli.py),
which must leave the generator's output out of what a build is made from."""

# Folders under docs/ that the generator owns completely.
GENERATED_DIRS = ("roadmap", "procedure", "rule", "topic", "channel", "checker", "law", "calculator", "data",
                  "practice", "form", "document", "open-data", "contact", "search-words", "cases/page", "cases/category", "cases/archive",
                  "office", "place")
# Its files at the top of docs/, named here once: the home page leads with the citizen's situations
# (procedures/situation/); the feeds keep the addresses subscribers already use.
HOME = "index.md"
FEED_CREATED, FEED_UPDATED = "feed_rss_created.xml", "feed_rss_updated.xml"
ROBOTS = "robots.txt"
GENERATED_FILES = (HOME, FEED_CREATED, FEED_UPDATED, ROBOTS)
# The national site's name; a local edition has its own (editions/<id>/edition.yaml).
SITE_NAME = "信访路线图"
