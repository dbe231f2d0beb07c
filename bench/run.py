"""`make bench`: the portal at province scale, measured side by side with Django admin.

The parent process recreates a dedicated PostgreSQL database per size and runs one child
process per size (`--child`), which migrates, writes the synthetic province, and measures:

1. pages (in process, Django test Client through the whole middleware stack): median server
   time and query count of the initiative list, the review queue, the reviewer's dashboard and
   a nomination page, each beside Django admin's page for the same model and rows;
2. criteria checks per second: in process, then through Redis with two Celery worker processes;
3. the summary report: PDF and DOCX render time and peak memory (`render_report` in a subprocess);
4. HTTP under load: gunicorn (3 sync workers) and wrk with 20 connections per URL.

Results go to bench/results/<date>-<size>x.json and bench/results/latest.json (+ latest.md);
the table with every figure beside its target is printed at the end. Timings are never asserted.
"""

import argparse
import datetime
import json
import os
import platform
import re
import resource
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import time
from pathlib import Path

from bench import DEMO_CAMPAIGN

ROOT = Path(__file__).resolve().parent.parent
RESULTS = ROOT / "bench" / "results"
WORK = ROOT / "var" / "bench"
PY = sys.executable
PG_ADMIN_URL = os.environ.get("BENCH_PG_ADMIN_URL", "postgresql://postgres@127.0.0.1:5432/postgres")
DB_NAME = os.environ.get("BENCH_DB_NAME", "cp_bench")
BROKER = os.environ.get("BENCH_BROKER_URL", "redis://127.0.0.1:6379/11")
PORT = int(os.environ.get("BENCH_PORT", "8765"))

TARGETS = {
    "queries_max": 12,
    "checks_per_second": 200,
    "queue_overhead_max": 2.0,
    "pdf_seconds": 10.0,
    "pdf_peak_mb": 400.0,
    "docx_seconds": 3.0,
    "p95_ms": 200.0,
}

# Think time of the "20 users" run: each of them waits 0.5–1.5 s between two pages.
THINK_MS = 1000

# Per size: page repetitions, nominations checked each way, wrk seconds per URL, report time-out.
PLANS = {
    1: {"reps": 11, "checks": 2000, "load_seconds": 15, "report_timeout": 240},
    10: {"reps": 5, "checks": 2000, "load_seconds": 10, "report_timeout": 90},
}


def bench_env() -> dict[str, str]:
    env = dict(os.environ)
    env.update(
        DJANGO_SETTINGS_MODULE="campaign_portal.settings",
        DATABASE_URL=f"postgres://postgres@127.0.0.1:5432/{DB_NAME}",
        CELERY_BROKER_URL=BROKER,
        CELERY_RESULT_BACKEND=BROKER,
        PORTAL_PRODUCTION="0",
        DEBUG="0",
        MEDIA_ROOT=str(WORK / "media"),
        PORTAL_VAR_DIR=str(WORK),
        SECRET_KEY=os.environ.get("SECRET_KEY") or "bench-only-secret-key-not-for-production-0123456789abcdef",
        PYTHONPATH=str(ROOT),
    )
    return env


def log(message: str) -> None:
    print(f"[bench {datetime.datetime.now():%H:%M:%S}] {message}", flush=True)


# --- parent -----------------------------------------------------------------------------------------


def machine() -> dict:
    cpu = ""
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    mem_gib = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 2**30
    return {
        "nproc": os.cpu_count(),
        "memory_gib": round(mem_gib, 1),
        "cpu_model": cpu,
        "python": platform.python_version(),
        "postgresql": _pg_version(),
        "kernel": platform.release(),
    }


def _pg_version() -> str:
    import psycopg

    try:
        with psycopg.connect(PG_ADMIN_URL, autocommit=True) as conn:
            return conn.execute("show server_version").fetchone()[0]
    except psycopg.Error:
        return ""


def recreate_database() -> None:
    import psycopg

    with psycopg.connect(PG_ADMIN_URL, autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{DB_NAME}" WITH (FORCE)')
        conn.execute(f'CREATE DATABASE "{DB_NAME}"')


def parent(args) -> int:
    started = time.perf_counter()
    sizes = [int(s) for s in args.sizes.split(",") if s.strip()]
    RESULTS.mkdir(parents=True, exist_ok=True)
    shutil.rmtree(WORK, ignore_errors=True)
    WORK.mkdir(parents=True, exist_ok=True)
    summary = {
        "date": datetime.datetime.now(datetime.UTC).strftime("%Y-%m-%dT%H:%M:%SZ"),
        "machine": machine(),
        "targets": TARGETS,
        "sizes": {},
    }
    log(f"demo report: seeding the demo (campaign {DEMO_CAMPAIGN}) on its own database")
    summary["demo_report"] = demo_report()
    for size in sizes:
        log(f"size {size}×: recreating database {DB_NAME}")
        recreate_database()
        out = WORK / f"child-{size}.json"
        command = [PY, "-m", "bench.run", "--child", "--size", str(size), "--json", str(out)]
        if args.quick:
            command.append("--quick")
        if args.only:
            command += ["--only", args.only]
        code = subprocess.call(command, cwd=ROOT, env=bench_env())
        if code != 0 or not out.exists():
            log(f"size {size}×: the child process failed (exit {code})")
            summary["sizes"][str(size)] = {"error": f"child exit {code}"}
            continue
        result = json.loads(out.read_text())
        summary["sizes"][str(size)] = result
        day = summary["date"][:10]
        (RESULTS / f"{day}-{size}x.json").write_text(
            json.dumps({"date": summary["date"], "machine": summary["machine"], "size": size, **result}, indent=2)
        )
    summary["total_seconds"] = round(time.perf_counter() - started, 1)
    (RESULTS / "latest.json").write_text(json.dumps(summary, indent=2, ensure_ascii=False))
    table = markdown_table(summary)
    (RESULTS / "latest.md").write_text(table + "\n")
    print()
    print(table)
    return 0


# --- table ------------------------------------------------------------------------------------------


def _ok(flag) -> str:
    if flag is None:
        return "–"
    return "✅" if flag else "❌"


def _fmt(value, digits=1, unit="") -> str:
    if value is None:
        return "–"
    if isinstance(value, float):
        return f"{value:,.{digits}f}{unit}"
    return f"{value}{unit}"


def markdown_table(summary: dict) -> str:
    m = summary["machine"]
    lines = [
        f"Benchmark of {summary['date']} on {m['nproc']} cores, {m['memory_gib']} GiB, {m['cpu_model']}, "
        f"PostgreSQL {m['postgresql']}, Python {m['python']} (`make bench`, {summary.get('total_seconds', '?')} s).",
        "",
        "| Size | Measure | Portal | Django admin | Target | Met |",
        "| --- | --- | --- | --- | --- | --- |",
    ]
    for fmt, item in summary.get("demo_report", {}).items():
        if item.get("error"):
            lines.append(f"| demo | report {fmt.upper()} (campaign {DEMO_CAMPAIGN}) | {item['error']} | | | ❌ |")
        else:
            lines.append(
                f"| demo | report {fmt.upper()} (campaign {DEMO_CAMPAIGN}): render time, peak memory "
                f"({item.get('bytes')} bytes) "
                f"| {_fmt(item.get('seconds'), 2, ' s')}, {item.get('peak_mb'):g} MB | | | |"
            )
    sizes = summary["sizes"]
    queries_by_page: dict[str, set] = {}
    for result in sizes.values():
        for page in result.get("pages", []):
            queries_by_page.setdefault(page["name"], set()).add(page["portal"].get("queries"))
    for size, result in sizes.items():
        label = f"{size}×"
        if "error" in result:
            lines.append(f"| {label} | run failed | {result['error']} | | | ❌ |")
            continue
        counts = result.get("counts", {})
        averages = result.get("load_average", {})
        busy = ", ".join(f"{key} {values[0]:.1f}" for key, values in averages.items() if key != "start")
        lines.append(
            f"| {label} | data | {counts.get('agencies')} agencies, {counts.get('initiatives')} initiatives, "
            f"{counts.get('nominations')} nominations, {counts.get('documents')} documents "
            f"(built in {_fmt(result.get('build_seconds'))} s) | | | |"
        )
        if busy:
            lines.append(f"| {label} | machine load average (1 min) before each part | {busy} | | | |")
        for page in result.get("pages", []):
            portal, admin = page["portal"], page["admin"]
            constant = len(queries_by_page.get(page["name"], set())) == 1 if len(sizes) > 1 else None
            queries_ok = portal.get("queries") is not None and portal["queries"] <= TARGETS["queries_max"]
            faster = (
                portal.get("median_ms") is not None
                and admin.get("median_ms") is not None
                and portal["median_ms"] < admin["median_ms"]
            )
            lines.append(
                f"| {label} | {page['name']}: server time (median) | {_fmt(portal.get('median_ms'), unit=' ms')} | "
                f"{_fmt(admin.get('median_ms'), unit=' ms')} ({admin.get('label', '')}) | faster than admin | "
                f"{_ok(faster)} |"
            )
            lines.append(
                f"| {label} | {page['name']}: queries | {_fmt(portal.get('queries'))} | {_fmt(admin.get('queries'))} | "
                f"≤ {TARGETS['queries_max']}, same at every size | {_ok(queries_ok and constant is not False)} |"
            )
        checks = result.get("checks", {})
        if checks:
            rate = checks.get("queue_per_second")
            overhead = checks.get("overhead")
            lines.append(
                f"| {label} | criteria checks, 2 Celery workers on Redis ({checks.get('count')} nominations) | "
                f"{_fmt(rate)}/s | | ≥ {TARGETS['checks_per_second']}/s | "
                f"{_ok(rate is not None and rate >= TARGETS['checks_per_second'])} |"
            )
            lines.append(
                f"| {label} | criteria checks in process, chunks of {checks.get('chunk')} | "
                f"{_fmt(checks.get('in_process_per_second'))}/s | | | |"
            )
            lines.append(
                f"| {label} | criteria checks in process, one per call (as a single submission) | "
                f"{_fmt(checks.get('one_by_one_per_second'))}/s | | | |"
            )
            lines.append(
                f"| {label} | queue overhead (in-process rate ÷ queue rate) | {_fmt(overhead, 2, '×')} | | "
                f"< {TARGETS['queue_overhead_max']}× | "
                f"{_ok(overhead is not None and overhead < TARGETS['queue_overhead_max'])} |"
            )
        reports = result.get("reports", {})
        base = sizes.get("1", {}).get("reports", {})
        for fmt in ("pdf", "docx", "xlsx"):
            item = reports.get(fmt)
            if not item:
                continue
            if item.get("error"):
                lines.append(f"| {label} | report {fmt.upper()} | {item['error']} | | | ❌ |")
                continue
            seconds, peak = item.get("seconds"), item.get("peak_mb")
            if fmt == "xlsx":
                target, met = "(annexes, delivered with the body)", None
            elif size == "1":
                time_target = TARGETS["pdf_seconds"] if fmt == "pdf" else TARGETS["docx_seconds"]
                target = f"< {time_target:g} s" + (f", < {TARGETS['pdf_peak_mb']:g} MB" if fmt == "pdf" else "")
                met = seconds is not None and seconds < time_target
                if fmt == "pdf":
                    met = met and peak is not None and peak < TARGETS["pdf_peak_mb"]
            else:
                one = base.get(fmt) or {}
                target = "≤ 10 × the 1× figures"
                met = None
                if one.get("seconds") and seconds is not None:
                    met = seconds <= 10 * one["seconds"] and peak <= 10 * one["peak_mb"]
            lines.append(
                f"| {label} | report {fmt.upper()}: render time, peak memory ({_fmt(item.get('bytes'), 0)} bytes) | "
                f"{_fmt(seconds, 2, ' s')}, {_fmt(peak, 0, ' MB')} | | {target} | {_ok(met)} |"
            )
        for row in result.get("load", []):
            if row.get("error"):
                lines.append(f"| {label} | HTTP load {row['name']} | {row['error']} | | | ❌ |")
                continue
            for key, who in (
                ("users", f"20 users, think time {THINK_MS / 2000:g}–{THINK_MS * 1.5 / 1000:g} s"),
                ("saturated", "20 connections without pause"),
            ):
                run = row.get(key) or {"error": "not measured"}
                if run.get("error"):
                    lines.append(f"| {label} | HTTP {row['name']}: {who} | {run['error']} | | | ❌ |")
                    continue
                errors = run["errors"]
                met = run["p95_ms"] < TARGETS["p95_ms"] and errors == 0
                # The target is read on the users' run; the saturated run gives the throughput ceiling.
                target = f"p95 < {TARGETS['p95_ms']:g} ms, 0 errors" if key == "users" else "(ceiling)"
                lines.append(
                    f"| {label} | HTTP {row['name']}: {who}, gunicorn 3×4 threads | {_fmt(run['rps'])} req/s, "
                    f"p50 {_fmt(run['p50_ms'])} ms, p95 {_fmt(run['p95_ms'])} ms, {errors} errors | | "
                    f"{target} | {_ok(met) if key == 'users' else ''} |"
                )
    return "\n".join(lines)


# --- child: measurements ----------------------------------------------------------------------------


def _child_setup():
    import django

    django.setup()


def measure_page(client, url: str, reps: int, before_each=None) -> dict:
    """`before_each` runs before every request, outside the timing (e.g. emptying the cache)."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    before_each = before_each or (lambda: None)
    response = None
    for _ in range(2):
        before_each()
        response = client.get(url)
    if response.status_code != 200:
        return {"url": url, "status": response.status_code, "error": f"HTTP {response.status_code}"}
    before_each()
    with CaptureQueriesContext(connection) as context:
        client.get(url)
    # Read now: Django empties the query log when the next request starts.
    queries = len(context.captured_queries)
    sql = [q["sql"][:300] for q in context.captured_queries]
    times = []
    for _ in range(reps):
        before_each()
        started = time.perf_counter()
        response = client.get(url)
        times.append((time.perf_counter() - started) * 1000)
    return {
        "url": url,
        "status": response.status_code,
        "median_ms": round(statistics.median(times), 1),
        "min_ms": round(min(times), 1),
        "queries": queries,
        "bytes": len(response.content),
        "sql": sql,
    }


def pages(reps: int) -> tuple[list[dict], dict]:
    from django.core.cache import cache
    from django.test import Client
    from django.urls import reverse

    from accounts.models import User
    from awards.enums import NominationState
    from awards.models import Nomination

    reviewer = User.objects.get(username="bench.reviewer")
    admin = User.objects.get(username="bench.admin")
    portal_client, admin_client = Client(), Client()
    # As a real log-in does: the session remembers the backend that checked the password.
    portal_client.force_login(reviewer, backend="accounts.backends.PortalModelBackend")
    admin_client.force_login(admin, backend="accounts.backends.PortalModelBackend")
    nomination = (
        Nomination.objects.filter(state=NominationState.UNDER_REVIEW, checked_at__isnull=False).order_by("pk").first()
        or Nomination.objects.order_by("pk").first()
    )
    nomination_admin = reverse("admin:awards_nomination_changelist")
    specs = [
        (
            "initiative list",
            reverse("initiatives:list"),
            reverse("admin:initiatives_initiative_changelist"),
            "change list",
        ),
        ("review queue", reverse("awards:nomination_list"), nomination_admin, "change list"),
        ("dashboard (reviewer)", reverse("home"), nomination_admin, "nomination change list"),
        (
            "nomination page",
            reverse("awards:nomination_detail", args=[nomination.pk]),
            reverse("admin:awards_nomination_change", args=[nomination.pk]),
            "change form",
        ),
    ]
    rows = []
    for name, portal_url, admin_url, admin_label in specs:
        log(f"page {name}")
        rows.append(
            {
                "name": name,
                "portal": measure_page(portal_client, portal_url, reps),
                "admin": {**measure_page(admin_client, admin_url, reps), "label": admin_label},
            }
        )
    # The dashboard's figures are cached until the next write (campaigns.Campaign.data_version): the
    # row above is what a second look costs, this one the first look after any change.
    log("page dashboard (reviewer), first look after a change")
    rows.insert(
        3,
        {
            "name": "dashboard (reviewer), first look after a change",
            "portal": measure_page(portal_client, reverse("home"), reps, before_each=cache.clear),
            "admin": {**measure_page(admin_client, nomination_admin, reps), "label": "nomination change list"},
        },
    )
    cookie = portal_client.cookies[_session_cookie_name()].value
    urls = {name: portal_url for name, portal_url, _, _ in specs}
    return rows, {"cookie": cookie, "urls": urls}


def _session_cookie_name() -> str:
    from django.conf import settings

    return settings.SESSION_COOKIE_NAME


def _reset_checks(ids: list[int]) -> None:
    from awards.models import Nomination

    Nomination.objects.filter(pk__in=ids).update(check_input_hash="", check_run=None, checked_at=None)


def _start_workers(env: dict) -> list[subprocess.Popen]:
    workers = []
    for number in (1, 2):
        workers.append(
            subprocess.Popen(
                [
                    PY,
                    "-m",
                    "celery",
                    "-A",
                    "campaign_portal",
                    "worker",
                    "--concurrency=1",
                    "--pool=prefork",
                    f"--hostname=bench{number}@%h",
                    "--without-gossip",
                    "--without-mingle",
                    "--without-heartbeat",
                    "--loglevel=WARNING",
                ],
                cwd=ROOT,
                env=env,
                stdout=open(WORK / f"worker-{number}.log", "w"),  # noqa: SIM115
                stderr=subprocess.STDOUT,
            )
        )
    return workers


def _stop(processes: list[subprocess.Popen], sig: int = signal.SIGTERM) -> None:
    for process in processes:
        if process.poll() is None:
            process.send_signal(sig)
    for process in processes:
        try:
            process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


def criteria_checks(limit: int) -> dict:
    import redis

    from awards.models import Nomination
    from awards.services import (
        CHECK_CHUNK,
        criteria_check_nomination,
        criteria_check_nominations,
        criteria_check_queue,
    )
    from campaign_portal.celery import app

    ids = list(Nomination.objects.order_by("pk").values_list("pk", flat=True)[:limit])
    single = ids[:200]
    _reset_checks(single)
    log(f"criteria checks in process, one at a time: {len(single)} nominations")
    started = time.perf_counter()
    for pk in single:
        criteria_check_nomination(pk)
    one_by_one = time.perf_counter() - started

    _reset_checks(ids)
    log(f"criteria checks in process, in chunks of {CHECK_CHUNK}: {len(ids)} nominations")
    started = time.perf_counter()
    for start in range(0, len(ids), CHECK_CHUNK):
        criteria_check_nominations(ids[start : start + CHECK_CHUNK])
    in_process = time.perf_counter() - started

    _reset_checks(ids)
    redis.Redis.from_url(BROKER).flushdb()
    workers = _start_workers(dict(os.environ))
    try:
        deadline = time.monotonic() + 90
        while time.monotonic() < deadline:
            if len(app.control.ping(timeout=1.0) or []) >= 2:
                break
            if any(w.poll() is not None for w in workers):
                raise RuntimeError("a Celery worker exited; see var/bench/worker-*.log")
        else:
            raise RuntimeError("the Celery workers did not answer within 90 s")
        log(f"criteria checks through Redis and 2 workers: {len(ids)} nominations")
        started = time.perf_counter()
        criteria_check_queue(nomination_ids=ids)  # what "recheck all" does: tasks of CHECK_CHUNK nominations
        done = 0
        timeout = time.monotonic() + 600
        while time.monotonic() < timeout:
            done = Nomination.objects.filter(pk__in=ids, checked_at__isnull=False).count()
            if done >= len(ids):
                break
            time.sleep(0.1)
        queued = time.perf_counter() - started
    finally:
        _stop(workers)
        redis.Redis.from_url(BROKER).flushdb()
    in_rate = len(ids) / in_process
    queue_rate = done / queued
    return {
        "count": len(ids),
        "checked_through_queue": done,
        "in_process_seconds": round(in_process, 2),
        "queue_seconds": round(queued, 2),
        "chunk": CHECK_CHUNK,
        "one_by_one_per_second": round(len(single) / one_by_one, 1),
        "in_process_per_second": round(in_rate, 1),
        "queue_per_second": round(queue_rate, 1),
        "overhead": round(in_rate / queue_rate, 2),
    }


def _run_measured(command: list[str], timeout: float, env: dict, stdout_path: Path) -> dict:
    """Run a subprocess; its wall time, exit code and peak RSS (from wait4's rusage, this child only)."""
    started = time.perf_counter()
    with open(stdout_path, "w") as handle:
        process = subprocess.Popen(command, cwd=ROOT, env=env, stdout=handle, stderr=subprocess.STDOUT)
        timed_out = False
        while True:
            pid, status, usage = os.wait4(process.pid, os.WNOHANG)
            if pid:
                break
            if time.perf_counter() - started > timeout:
                timed_out = True
                process.kill()
                pid, status, usage = os.wait4(process.pid, 0)
                break
            time.sleep(0.05)
    process.returncode = os.waitstatus_to_exitcode(status)
    return {
        "wall_seconds": round(time.perf_counter() - started, 2),
        "exit": process.returncode,
        "timed_out": timed_out,
        "peak_mb": round(usage.ru_maxrss / 1024, 1),  # kilobytes on Linux
    }


def _render_both(campaign_code: str, timeout: float, env: dict, prefix: str) -> dict:
    """PDF and DOCX of one campaign's report by `render_report` in a subprocess: wall time, the
    command's own render time, peak memory."""
    results = {}
    # xlsx: the annexes (every initiative and nomination) delivered with the body at province scale.
    for fmt in ("pdf", "docx", "xlsx"):
        output = WORK / f"{prefix}.{fmt}"
        log(f"{prefix} {fmt}")
        command = [
            PY,
            "manage.py",
            "render_report",
            "--campaign",
            campaign_code,
            "--format",
            fmt,
            "--output",
            str(output),
        ]
        run = _run_measured(command, timeout, env, WORK / f"{prefix}-{fmt}.log")
        text = (WORK / f"{prefix}-{fmt}.log").read_text(errors="replace")
        # The command prints its own render time ("… 12.3 giây …"), without Django's start-up.
        own = re.search(r"([\d.]+) giây", text)
        item = {**run, "seconds": float(own.group(1)) if own else None}
        if run["timed_out"]:
            item["error"] = f"timed out after {timeout:g} s (peak {run['peak_mb']:g} MB so far)"
        elif run["exit"] != 0:
            errors = re.findall(r"^\S*(?:Error|Exception)\b.*$", text, flags=re.MULTILINE)
            item["error"] = f"exit {run['exit']}: {(errors[-1] if errors else text.strip()[-200:])[:200]}"
        else:
            item["bytes"] = output.stat().st_size
        results[fmt] = item
    return results


def demo_report(timeout: float = 120) -> dict:
    """The demo's summary report (DEMO_CAMPAIGN, as `make run` loads it), on its own database."""
    recreate_database()
    env = {k: v for k, v in bench_env().items() if k not in ("CELERY_BROKER_URL", "CELERY_RESULT_BACKEND")}
    for step in (["migrate", "--noinput", "-v", "0"], ["seed_demo"]):
        subprocess.run([PY, "manage.py", *step], cwd=ROOT, env=env, check=True, stdout=subprocess.DEVNULL)
    return _render_both(DEMO_CAMPAIGN, timeout, env, "demo-report")


def reports(timeout: float) -> dict:
    from django.core.management import get_commands

    from bench.synthetic import CAMPAIGN_CODE

    if "render_report" not in get_commands():
        return {"pdf": {"error": "render_report does not exist yet"}, "docx": {"error": "render_report missing"}}
    from campaigns.models import Campaign
    from reports.services import summary_report_get_or_create

    # Created (and its drafts composed) once, outside the timed renders.
    summary_report_get_or_create(campaign=Campaign.objects.get(code=CAMPAIGN_CODE))
    return _render_both(CAMPAIGN_CODE, timeout, dict(os.environ), "report")


def _port_open(port: int) -> bool:
    with socket.socket() as sock:
        sock.settimeout(0.5)
        return sock.connect_ex(("127.0.0.1", port)) == 0


def load(urls: dict[str, str], cookie: str, seconds: int) -> list[dict]:
    wrk = shutil.which("wrk")
    if wrk is None:
        return [{"name": "all", "error": "wrk is not installed (apt-get install wrk)"}]
    if _port_open(PORT):
        return [{"name": "all", "error": f"port {PORT} is already in use"}]
    header = f"Cookie: {_session_cookie_name()}={cookie}"
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
                rows.append(_wrk(wrk, name, path, header, seconds))
        finally:
            # SIGINT: gunicorn's quick shutdown, which ends the workers at once.
            _stop([gunicorn], signal.SIGINT)
            deadline = time.monotonic() + 15
            while _port_open(PORT) and time.monotonic() < deadline:
                time.sleep(0.2)
    return rows


def _wrk(wrk: str, name: str, path: str, header: str, seconds: int) -> dict:
    url = f"http://127.0.0.1:{PORT}{path}"
    # Warm each worker (imports, templates, connections): three requests, one at a time per worker.
    subprocess.run([wrk, "-t1", "-c3", "-d1s", "--timeout", "30s", "-H", header, url], capture_output=True, timeout=60)
    result = {"name": name, "url": path}
    for key, think in (("saturated", 0), ("users", THINK_MS)):
        log(f"load {name}: {seconds} s, 20 connections, think time {think} ms")
        result[key] = _wrk_run(wrk, url, header, seconds, think)
    return result


def _wrk_run(wrk: str, url: str, header: str, seconds: int, think_ms: int) -> dict:
    script = str(ROOT / "bench" / "load.lua")
    command = [wrk, "-t2", "-c20", f"-d{seconds}s", "--timeout", "10s", "-s", script, "-H", header, url]
    done = subprocess.run([*command, "--", str(think_ms)], capture_output=True, text=True, timeout=seconds + 60)
    match = re.search(r"BENCH_JSON (\{.*\})", done.stdout)
    if not match:
        return {"error": f"wrk printed no result: {done.stderr[-200:]}"}
    data = json.loads(match.group(1))
    if data["requests"] == 0:
        return {"error": f"no request answered within {seconds} s", "raw": data}
    errors = data["non2xx"] + data["connect"] + data["read"] + data["write"] + data["timeout"]
    return {
        "think_ms": think_ms,
        "requests": data["requests"],
        "rps": round(data["requests"] / (data["duration_us"] / 1e6), 1),
        "p50_ms": round(data["p50_us"] / 1000, 1),
        "p95_ms": round(data["p95_us"] / 1000, 1),
        "p99_ms": round(data["p99_us"] / 1000, 1),
        "errors": errors,
        "raw": data,
    }


def child(args) -> int:
    _child_setup()
    from django.core.management import call_command
    from django.db import connection

    from bench.synthetic import DEFAULT_SEED, province_plan, province_write

    size = args.size
    plan_for = dict(PLANS.get(size, PLANS[10]))
    if args.quick:
        plan_for.update(reps=3, checks=200, load_seconds=3, report_timeout=60)
    result: dict = {"size": size, "seed": DEFAULT_SEED, "settings": plan_for}
    started = time.perf_counter()
    log(f"size {size}×: migrate")
    call_command("migrate", verbosity=0, interactive=False)
    result["migrate_seconds"] = round(time.perf_counter() - started, 1)

    log(f"size {size}×: synthetic province (seed {DEFAULT_SEED})")
    started = time.perf_counter()
    result["counts"] = province_write(province_plan(scale=size, seed=DEFAULT_SEED))
    with connection.cursor() as cursor:
        cursor.execute("VACUUM ANALYZE")
    result["build_seconds"] = round(time.perf_counter() - started, 1)
    log(f"size {size}×: {result['counts']} in {result['build_seconds']} s")

    sections = [
        ("checks", lambda: criteria_checks(plan_for["checks"])),
        ("pages", lambda: pages(plan_for["reps"])),
        ("reports", lambda: reports(plan_for["report_timeout"])),
    ]
    only = {part.strip() for part in (args.only or "").split(",") if part.strip()}
    if only:
        sections = [(key, function) for key, function in sections if key in only or (key == "pages" and "load" in only)]
    session = None
    result["load_average"] = {"start": os.getloadavg()}
    for key, function in sections:
        # The machine's load average before each section: other work on it slows every figure.
        result["load_average"][key] = os.getloadavg()
        section_started = time.perf_counter()
        try:
            value = function()
            if key == "pages":
                value, session = value
            result[key] = value
        except Exception as error:  # noqa: BLE001 - one failed section must not lose the others
            log(f"{key} failed: {error!r}")
            result[key] = {"error": repr(error)[:300]} if key != "pages" else []
        result[f"{key}_section_seconds"] = round(time.perf_counter() - section_started, 1)
    if session is not None and (not only or "load" in only):
        result["load_average"]["load"] = os.getloadavg()
        section_started = time.perf_counter()
        result["load"] = load(session["urls"], session["cookie"], plan_for["load_seconds"])
        result["load_section_seconds"] = round(time.perf_counter() - section_started, 1)
    result["child_peak_mb"] = round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)
    Path(args.json).write_text(json.dumps(result, indent=2, ensure_ascii=False))
    return 0


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default=os.environ.get("BENCH_SIZES", "1,10"))
    parser.add_argument("--quick", action="store_true", help="few repetitions: to try the harness, not to report")
    parser.add_argument(
        "--only", default="", help="comma-separated parts to run (checks, pages, reports, load); default: all"
    )
    parser.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--size", type=int, default=1, help=argparse.SUPPRESS)
    parser.add_argument("--json", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child:
        return child(args)
    return parent(args)


if __name__ == "__main__":
    sys.exit(main())
