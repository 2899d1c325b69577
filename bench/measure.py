"""One measured command: its wall time and peak memory, in a child process of its own.

A small launcher runs the command and reports the child's wall time and peak RSS (getrusage of
its own children), so runs do not see each other's memory.  Shared by run.py and search.py.
"""
from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

PY = sys.executable
ENV = dict(os.environ, NO_MKDOCS_2_WARNING="1")
# Launcher: run argv, print {"seconds", "rss_mb", "rc"}; stdout/stderr of the command are kept apart.
LAUNCH = ("import json,resource,subprocess,sys,time;t=time.perf_counter();"
          "r=subprocess.run(sys.argv[1:],stdout=subprocess.PIPE,stderr=subprocess.PIPE);"
          "print(json.dumps({'seconds':time.perf_counter()-t,"
          "'rss_mb':resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss/1024,'rc':r.returncode,"
          "'out':r.stdout.decode(errors='replace')[-4000:],'err':r.stderr.decode(errors='replace')[-2000:]}))")


def measure(argv: list[str], cwd: Path, env: dict | None = None) -> dict:
    out = subprocess.run([PY, "-c", LAUNCH, *argv], cwd=cwd, env={**ENV, **(env or {})}, capture_output=True, text=True,
                         check=True)
    result = json.loads(out.stdout)
    if result["rc"] != 0:
        raise RuntimeError(f"{' '.join(argv)} failed:\n{result['err']}")
    return result
