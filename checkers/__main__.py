import sys

from .cli.main import main

try:
    sys.exit(main())
except BrokenPipeError:  # output piped into `head` and closed early: not an error worth a traceback
    sys.exit(0)
