"""The build's day.

Pages say what is due "today", the open data says when it was made, and the checks refuse a post
dated after today.  All of them ask here, so one build has one day: SOURCE_DATE_EPOCH, the
reproducible-builds.org convention (ProperDocs reads it for the sitemap too), when it is set, and
the machine's day otherwise.  The tests set it once per run, so a run that crosses midnight still
compares builds of one day.
"""
from __future__ import annotations

import datetime as dt
import os


def today() -> dt.date:
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    return dt.datetime.fromtimestamp(int(epoch)).date() if epoch.isdigit() else dt.date.today()
