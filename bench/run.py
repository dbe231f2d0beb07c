"""`make bench`: the portal at province scale, measured side by side with Django admin.

The parent process recreates a dedicated PostgreSQL database per size and runs one child
process per size (`--child`), which migrates, writes the synthetic province, and measures:

1. criteria checks: in process, then a recheck of 2,000 nominations through Redis with a Celery
   worker of two processes, as docker-compose.yml runs it (the time until all are checked);
2. pages (in process, Django test Client through the whole middleware stack): median server
   time and query count of the initiative list, the review queue, the reviewer's dashboard and
   a nomination page, each beside Django admin's page for the same model and rows;
3. the summary report as delivered (bench/reports.py): the body PDF and the annexes XLSX rendered
   side by side by two processes, as two workers make them; the DOCX; each format alone;
4. HTTP under load (bench/http.py): gunicorn (3 workers × 4 threads) and wrk, per page: 20 and
   50 users who pause between pages, then 20 connections without pause (the ceiling).

Results go to bench/results/<date>-<size>x.json and bench/results/latest.json (+ latest.md); the
table (bench/table.py), with every figure beside its target and, with `--compare`, beside the
figure of an earlier run, is printed at the end. Timings are never asserted.
"""

import argparse
import datetime
import json
import os
import platform
import resource
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

from bench import DEMO_CAMPAIGN
from bench.common import BROKER, PG_ADMIN_URL, PY, RESULTS, ROOT, WORK, bench_env, log, recreate_database, stop
from bench.http import load
from bench.reports import demo_report, reports
from bench.table import LOAD_RUNS, TARGETS, markdown_table

# Per size: page repetitions, nominations rechecked, wrk seconds per run, the load runs made, a
# report render's time-out and the time all the report's renders may take together. The 10×
# time-out is generous enough to get a figure from a render far off its target, and the budget
# keeps the whole `make bench` (both sizes) within 20 minutes on 2 cores.
ALL_LOAD_RUNS = tuple(key for key, _, _ in LOAD_RUNS)
PLANS = {
    1: {
        "reps": 11,
        "checks": 2000,
        "load_seconds": 15,
        "load_runs": ALL_LOAD_RUNS,
        "report_timeout": 120,
        "report_budget": 240,
    },
    10: {
        "reps": 5,
        "checks": 2000,
        "load_seconds": 10,
        "load_runs": ALL_LOAD_RUNS,
        "report_timeout": 180,
        "report_budget": 360,
    },
}
QUICK = {"reps": 3, "checks": 200, "load_seconds": 5, "report_timeout": 60, "report_budget": 180}


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


def parent(args) -> int:
    started = time.perf_counter()
    # Read first: the earlier run may be the latest.json this run replaces.
    before = json.loads(Path(args.compare).read_text()) if args.compare else None
    sizes = [int(s) for s in args.sizes.split(",") if s.strip()]
    RESULTS.mkdir(parents=True, exist_ok=True)
    shutil.rmtree(WORK, ignore_errors=True)
    WORK.mkdir(parents=True, exist_ok=True)
    summary = {
        "date": datetime.datetime.now(datetime.UTC).strftime("%Y-%m-%dT%H:%M:%SZ"),
        "machine": machine(),
        "load_average_start": os.getloadavg(),
        "quick": args.quick,
        "targets": TARGETS,
        "demo_campaign": DEMO_CAMPAIGN,
        "sizes": {},
    }
    if args.compare:
        summary["compared_with"] = args.compare
    log(f"demo report: seeding the demo (campaign {DEMO_CAMPAIGN}) on its own database")
    summary["demo_report"] = demo_report()
    for size in sizes:
        log(f"size {size}×: recreating database")
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
    table = markdown_table(summary, before)
    (RESULTS / "latest.md").write_text(table + "\n")
    print()
    print(table)
    return 0


# --- child: measurements ----------------------------------------------------------------------------


def _child_setup():
    import django

    django.setup()


def measure_page(client, url: str, reps: int, before_each=None) -> dict:
    """`before_each` runs before every request, outside the timing (e.g. a write that makes the cache stale)."""
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
    from django.conf import settings
    from django.db.models import F
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
    # row above is what a second look costs, this one the first look after a change, made before
    # each request by a write that changes nothing, which moves the version as any write does.
    # (Not cache.clear(): the cache is a Redis database that other processes may share.)
    def change() -> None:
        Nomination.objects.filter(pk=nomination.pk).update(state=F("state"))

    log("page dashboard (reviewer), first look after a change")
    rows.insert(
        3,
        {
            "name": "dashboard (reviewer), first look after a change",
            "portal": measure_page(portal_client, reverse("home"), reps, before_each=change),
            "admin": {**measure_page(admin_client, nomination_admin, reps), "label": "nomination change list"},
        },
    )
    cookie = portal_client.cookies[settings.SESSION_COOKIE_NAME]
    urls = {name: portal_url for name, portal_url, _, _ in specs}
    return rows, {"cookie": f"{cookie.key}={cookie.value}", "urls": urls}


def _reset_checks(ids: list[int]) -> None:
    from awards.models import Nomination

    Nomination.objects.filter(pk__in=ids).update(check_input_hash="", check_run=None, checked_at=None)


def _start_workers(env: dict) -> list[subprocess.Popen]:
    """The worker as docker-compose.yml runs it: one Celery worker of two prefork processes."""
    return [
        subprocess.Popen(
            [
                PY,
                "-m",
                "celery",
                "-A",
                "campaign_portal",
                "worker",
                "--concurrency=2",
                "--hostname=bench@%h",
                "--loglevel=WARNING",
            ],
            cwd=ROOT,
            env=env,
            stdout=open(WORK / "worker.log", "w"),  # noqa: SIM115
            stderr=subprocess.STDOUT,
        )
    ]


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
            if app.control.ping(timeout=1.0):
                break
            if any(w.poll() is not None for w in workers):
                raise RuntimeError("the Celery worker exited; see var/bench/worker.log")
        else:
            raise RuntimeError("the Celery worker did not answer within 90 s")
        log(f"criteria checks through Redis and a worker of 2 processes: {len(ids)} nominations")
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
        stop(workers)
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


def child(args) -> int:
    _child_setup()
    from django.core.management import call_command
    from django.db import connection

    from bench.synthetic import DEFAULT_SEED, province_plan, province_write

    size = args.size
    plan_for = dict(PLANS.get(size, PLANS[10]))
    if args.quick:
        plan_for.update(QUICK)
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
        ("reports", lambda: reports(timeout=plan_for["report_timeout"], budget=plan_for["report_budget"])),
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
        if key == "checks":
            # The checks rewrite every nomination and its results several times (5 dead row versions
            # for each live one at 1x). Autovacuum, off on the bench's server, would have cleaned
            # them up within its minute in production; without it the pages after this part read a
            # table five times its size with stale statistics (the queue's COUNT scans its 990 pages: 1.8 ms,
            # against 0.4 ms for an index-only scan of 24 once vacuumed).
            with connection.cursor() as cursor:
                cursor.execute("VACUUM ANALYZE")
    if session is not None and (not only or "load" in only):
        result["load_average"]["load"] = os.getloadavg()
        section_started = time.perf_counter()
        result["load"] = load(session["urls"], session["cookie"], plan_for["load_seconds"], plan_for["load_runs"])
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
    parser.add_argument(
        "--compare",
        metavar="PATH",
        help="an earlier run's results JSON (bench/results/latest.json): its figures go in a 'before' column",
    )
    parser.add_argument(
        "--table",
        metavar="PATH",
        help="print the table of a stored run's results JSON (with --compare, beside the earlier one) and stop",
    )
    parser.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--size", type=int, default=1, help=argparse.SUPPRESS)
    parser.add_argument("--json", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child:
        return child(args)
    if args.table:
        before = json.loads(Path(args.compare).read_text()) if args.compare else None
        print(markdown_table(json.loads(Path(args.table).read_text()), before))
        return 0
    return parent(args)


if __name__ == "__main__":
    sys.exit(main())
