"""One report render of `make bench`, in a process of its own, as a Celery worker makes it.

`python -m bench.render --campaign C --format F --output PATH` sets Django up and imports the
render command, prints `ready`, then waits for a line on standard input before rendering. The
bench starts the body's and the annexes' processes, waits until both are ready and lets them go
together: what it times is the renders side by side, not two Django start-ups, which a running
worker has already paid. The render's result is one line, `BENCH_RENDER {json}`, with the
monotonic clock (system-wide on Linux) at its start and end, and the process's peak resident
memory (VmHWM). Not wait4's ru_maxrss: Linux carries the forking process's resident size into the
child's maxrss at exec, so a render started by the bench's child process (holding the province it
built) would report at least that process's size.
"""

import argparse
import io
import json
import re
import sys
import time
from pathlib import Path


def peak_mb(pid: int | str) -> float | None:
    """A running process's peak resident memory so far (its VmHWM), or None once it is gone."""
    try:
        status = Path(f"/proc/{pid}/status").read_text()
    except OSError:
        return None
    found = re.search(r"^VmHWM:\s+(\d+) kB", status, flags=re.MULTILINE)
    return round(int(found.group(1)) / 1024, 1) if found else None


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--campaign", required=True)
    parser.add_argument("--format", required=True)
    parser.add_argument("--output", required=True)
    args = parser.parse_args(argv)

    import django

    django.setup()
    from django.core.management import call_command, get_commands, load_command_class

    load_command_class(get_commands()["render_report"], "render_report")
    print("ready", flush=True)
    sys.stdin.readline()
    started = time.monotonic()
    call_command("render_report", campaign=args.campaign, format=args.format, output=args.output, stdout=io.StringIO())
    ended = time.monotonic()
    print("BENCH_RENDER " + json.dumps({"started": started, "ended": ended, "peak_mb": peak_mb("self")}), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
