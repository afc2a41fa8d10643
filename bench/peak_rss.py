#!/usr/bin/env python3
"""peak_rss.py FILE COMMAND...: runs COMMAND with this process's stdin, stdout and stderr, then
writes its peak resident memory (KB) to FILE. Exits with the command's exit code."""
import resource
import subprocess
import sys

code = subprocess.call(sys.argv[2:])
with open(sys.argv[1], "w") as out:
    out.write(str(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss))
sys.exit(code)
