"""Make many pages on every core.

A page maker is a closure over the loaded Site (its content, templates and indexes), which is
costly to send to another process.  So the makers are not sent at all: forked workers inherit
them, each makes its share, and only the finished text comes back.  Where fork is unavailable or
unsafe, or for a handful of pages, they are made here, one after another; the result is the same.
"""
from __future__ import annotations

import multiprocessing
import os
import threading

# Below this many pages, starting workers costs more than it saves.
MIN_PARALLEL = 400
_makers: dict = {}


def _make(keys: list) -> list[tuple]:
    return [(key, _makers[key]()) for key in keys]


def make_all(makers: dict, workers: int | None = None, minimum: int | None = None) -> dict:
    """{key: maker} -> {key: what it made}, in the makers' order.  `minimum` (MIN_PARALLEL unless
    given): fewer makers than this are made here; a few large ones, like the search shards, are
    worth a worker each."""
    workers = workers or len(os.sched_getaffinity(0))
    minimum = MIN_PARALLEL if minimum is None else minimum
    # Forking a process that runs other threads (the preview serves pages from threads) can leave a
    # lock held for ever in the child: there, everything is made in this process.
    # A worker cannot start workers of its own (a pool's processes are daemons): a maker that asks
    # for many things made (a place page for the place table) makes them itself there.
    if workers < 2 or len(makers) < minimum or threading.active_count() > 1 \
            or "fork" not in multiprocessing.get_all_start_methods() or multiprocessing.current_process().daemon:
        return {key: make() for key, make in makers.items()}
    keys = list(makers)
    # Interleaved shares, several per worker: pages of one kind cost alike, so each worker gets a mix.
    shares = [share for share in (keys[i::workers * 4] for i in range(workers * 4)) if share]
    _makers.update(makers)
    try:
        with multiprocessing.get_context("fork").Pool(workers) as pool:
            made = dict(pair for share in pool.map(_make, shares) for pair in share)
    finally:
        _makers.clear()
    return {key: made[key] for key in keys}
