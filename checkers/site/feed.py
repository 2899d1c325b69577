"""The 案例专栏's RSS feeds, written from the validated posts, styled by a CSS sheet so that they
read well when opened in a browser (no XSLT: browsers are removing it).

Written here rather than by mkdocs-rss-plugin: the plugin showed authors by internal id,
appended the same posts again on every rebuild under `serve`, put the lead's HTML in the
description as HTML, and tied the column to the site tool's plugin API.  A feed is a short, fixed
XML shape; ElementTree writes it and escapes every text, so nothing an editor types can
become markup in a reader.  Drafts are never in a feed, not even in the preview.
"""
from __future__ import annotations

import datetime as dt
import xml.etree.ElementTree as ET
from email.utils import format_datetime

from ..content import safe_markdown
from .outputs import FEED_CREATED, FEED_UPDATED, SITE_NAME
from .render import page_url

CREATED, UPDATED = FEED_CREATED, FEED_UPDATED
STYLESHEET = "assets/stylesheets/feed.css"  # a static asset in docs/, on our own host
LENGTH = 20
TITLE = "{} · 案例专栏"
DESCRIPTION = "各地政法机关和信访部门供稿的典型案例：案情简介、处理过程、法律依据。"
_CST = dt.timezone(dt.timedelta(hours=8), "Asia/Shanghai")
_DC = "http://purl.org/dc/elements/1.1/"
_ATOM = "http://www.w3.org/2005/Atom"
ET.register_namespace("dc", _DC)
ET.register_namespace("atom", _ATOM)
def rfc822(day: str) -> str:
    """A post's date (YYYY-MM-DD) as RSS wants it, at midnight Beijing time."""
    return format_datetime(dt.datetime.combine(dt.date.fromisoformat(day), dt.time(), _CST))


def feed(site, posts: list, address: str) -> str:
    base = site.site_url or "/"
    rss = ET.Element("rss", {"version": "2.0"})
    channel = ET.SubElement(rss, "channel")
    for tag, text in (("title", TITLE.format(site.name)), ("link", base + "cases/"), ("description", DESCRIPTION),
                      ("language", "zh-CN"), ("lastBuildDate", rfc822(site.today)), ("generator", SITE_NAME)):
        ET.SubElement(channel, tag).text = text
    ET.SubElement(channel, f"{{{_ATOM}}}link", {"href": base + address, "rel": "self", "type": "application/rss+xml"})
    image = ET.SubElement(channel, "image")
    for tag, text in (("url", base + "assets/images/favicon.png"), ("title", TITLE.format(site.name)), ("link", base + "cases/")):
        ET.SubElement(image, tag).text = text
    for post in posts[:LENGTH]:
        d = post.data
        link = base + page_url(f"cases/{post.id}.md") + "/"
        item = ET.SubElement(channel, "item")
        ET.SubElement(item, "title").text = d["title"]
        ET.SubElement(item, "link").text = link
        ET.SubElement(item, "guid", {"isPermaLink": "true"}).text = link
        ET.SubElement(item, "pubDate").text = rfc822(d["date"])
        ET.SubElement(item, f"{{{_DC}}}date").text = d["date"]  # what a reader of the page sees (pubDate is for readers)
        for name in site.case_authors(post):
            ET.SubElement(item, f"{{{_DC}}}creator").text = name
        for category in d["categories"]:
            ET.SubElement(item, "category").text = category
        # The lead as the safe profile rendered it, reduced to text: readers get no markup from us.
        ET.SubElement(item, "description").text = safe_markdown.text(site.content.case_posts[post.id].lead)
    ET.indent(rss)
    head = f'<?xml version="1.0" encoding="UTF-8"?>\n<?xml-stylesheet type="text/css" href="{STYLESHEET}"?>\n'
    return head + ET.tostring(rss, encoding="unicode") + "\n"


def files(site) -> dict[str, str]:
    """Both feeds: newest posts first, and most recently reviewed first."""
    posts = site.published_cases()
    updated = sorted(posts, key=lambda c: (c.data["reviewed"], c.data["date"], c.id), reverse=True)
    return {CREATED: feed(site, posts, CREATED), UPDATED: feed(site, updated, UPDATED)}
