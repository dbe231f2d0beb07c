"""The HTTP part of `make bench`: gunicorn as in docker-compose.yml, and wrk (bench/load.lua) as
users who pause between pages and as connections that never pause, per page."""

import json
import os
import re
import shutil
import signal
import socket
import subprocess
import time

from bench.common import PORT, PY, ROOT, WORK, log, stop
from bench.table import LOAD_RUNS, THINK_MS


def _port_open(port: int) -> bool:
    with socket.socket() as sock:
        sock.settimeout(0.5)
        return sock.connect_ex(("127.0.0.1", port)) == 0


def load(urls: dict[str, str], cookie: str, seconds: int, runs: tuple[str, ...]) -> list[dict]:
    """Each page of `urls` under the load runs named in `runs`, with `cookie` ("name=value") as
    the logged-in user's session."""
    wrk = shutil.which("wrk")
    if wrk is None:
        return [{"name": "all", "error": "wrk is not installed (apt-get install wrk)"}]
    if _port_open(PORT):
        return [{"name": "all", "error": f"port {PORT} is already in use"}]
    header = f"Cookie: {cookie}"
    rows = []
    for name, path in urls.items():
        # A fresh gunicorn per URL: requests still queued from the previous URL's run would
        # otherwise keep the workers busy into the next one.
        gunicorn = subprocess.Popen(
            [
                PY,
                "-m",
                "gunicorn",
                "campaign_portal.wsgi:application",
                "--workers",
                "3",
                # As in docker-compose.yml: threads keep idle keep-alive connections from blocking a worker.
                "--worker-class",
                "gthread",
                "--threads",
                "4",
                "--bind",
                f"127.0.0.1:{PORT}",
                "--log-level",
                "warning",
                "--timeout",
                "120",
            ],
            cwd=ROOT,
            env=dict(os.environ),
            stdout=open(WORK / "gunicorn.log", "a"),  # noqa: SIM115
            stderr=subprocess.STDOUT,
        )
        try:
            deadline = time.monotonic() + 30
            while not _port_open(PORT):
                if time.monotonic() > deadline or gunicorn.poll() is not None:
                    rows.append({"name": name, "error": "gunicorn did not start; see var/bench/gunicorn.log"})
                    break
                time.sleep(0.2)
            else:
                rows.append(_wrk(wrk, name, path, header, seconds, runs))
        finally:
            # SIGINT: gunicorn's quick shutdown, which ends the workers at once.
            stop([gunicorn], signal.SIGINT)
            deadline = time.monotonic() + 15
            while _port_open(PORT) and time.monotonic() < deadline:
                time.sleep(0.2)
    return rows


# gunicorn opens its port before its workers have imported the portal: the bench sends this many
# requests at once, twice, and waits for every answer (imports, templates and database connections
# of the workers warm), so that no start-up lands in a measured run.
WARM_CONNECTIONS = 6
WARM_TIMEOUT = 120


def _warm(url: str, header: str) -> bool:
    import urllib.error
    import urllib.request
    from concurrent.futures import ThreadPoolExecutor

    name, value = header.split(": ", 1)

    def fetch(_) -> bool:
        request = urllib.request.Request(url, headers={name: value})
        try:
            with urllib.request.urlopen(request, timeout=WARM_TIMEOUT) as response:
                response.read()
                return True
        except urllib.error.HTTPError:
            return True  # an answer all the same: the measured runs count it as an error
        except OSError:
            return False

    deadline = time.monotonic() + WARM_TIMEOUT
    answered = 0
    with ThreadPoolExecutor(WARM_CONNECTIONS) as pool:
        while answered < 2 and time.monotonic() < deadline:
            if all(pool.map(fetch, range(WARM_CONNECTIONS))):
                answered += 1
            else:
                time.sleep(1)
    return answered == 2


def _wrk(wrk: str, name: str, path: str, header: str, seconds: int, runs: tuple[str, ...]) -> dict:
    url = f"http://127.0.0.1:{PORT}{path}"
    result = {"name": name, "url": path}
    log(f"load {name}: warming gunicorn's workers")
    if not _warm(url, header):
        result["error"] = f"gunicorn did not answer {WARM_CONNECTIONS} requests at once within {WARM_TIMEOUT} s"
        return result
    # The users' runs first, the saturating one last: each run leaves up to one request per
    # connection in the server's queue, which the pause before the next run lets it finish.
    for key, connections, pausing in LOAD_RUNS:
        if key not in runs:
            continue
        think = THINK_MS if pausing else 0
        log(f"load {name}: {seconds} s, {connections} connections, think time {think} ms")
        result[key] = _wrk_run(wrk, url, header, seconds, think, connections)
        time.sleep(2)
    return result


def _wrk_run(wrk: str, url: str, header: str, seconds: int, think_ms: int, connections: int) -> dict:
    script = str(ROOT / "bench" / "load.lua")
    command = [wrk, "-t2", f"-c{connections}", f"-d{seconds}s", "--timeout", "10s", "-s", script, "-H", header, url]
    done = subprocess.run([*command, "--", str(think_ms)], capture_output=True, text=True, timeout=seconds + 60)
    match = re.search(r"BENCH_JSON (\{.*\})", done.stdout)
    if not match:
        return {"error": f"wrk printed no result: {done.stderr[-200:]}"}
    data = json.loads(match.group(1))
    if data["requests"] == 0:
        return {"error": f"no request answered within {seconds} s", "raw": data}
    errors = data["non2xx"] + data["connect"] + data["read"] + data["write"] + data["timeout"]
    return {
        "connections": connections,
        "think_ms": think_ms,
        "requests": data["requests"],
        "rps": round(data["requests"] / (data["duration_us"] / 1e6), 1),
        "p50_ms": round(data["p50_us"] / 1000, 1),
        "p95_ms": round(data["p95_us"] / 1000, 1),
        "p99_ms": round(data["p99_us"] / 1000, 1),
        "errors": errors,
        "raw": data,
    }
