"""The report part of `make bench`: renders of the summary report, each in a process of its own.

A report is delivered as its body (PDF or DOCX) and its annexes (XLSX), each a render task that a
Celery worker takes: two workers make the body and the annexes at the same time. The bench does
the same with two processes (bench/render.py) let go together once both have set Django up, and
records the wall time until the later one is done, and each process's peak memory (its VmHWM,
which bench/render.py reports; for a process that does not finish, the last VmHWM read while it
ran). Each format alone is measured too, for information.
"""

import json
import os
import re
import select
import subprocess
import time

from bench import DEMO_CAMPAIGN
from bench.common import PY, ROOT, WORK, bench_env, log, recreate_database
from bench.render import peak_mb

# How long a render process may take to set Django up before its render starts.
READY_TIMEOUT = 120


def _wait_ready(process: subprocess.Popen, deadline: float) -> bytes:
    """What the process printed up to its `ready` line, or b"" if it exits or the deadline passes first."""
    printed = b""
    descriptor = process.stdout.fileno()
    while time.monotonic() < deadline:
        readable, _, _ = select.select([descriptor], [], [], max(0.0, deadline - time.monotonic()))
        if not readable:
            continue
        chunk = os.read(descriptor, 4096)
        if not chunk:
            return b""
        printed += chunk
        if b"ready\n" in printed:
            return printed
    return b""


def _failure(text: str, code: int) -> str:
    errors = re.findall(r"^\S*(?:Error|Exception)\b.*$", text, flags=re.MULTILINE)
    return f"exit {code}: {(errors[-1] if errors else text.strip()[-200:])[:200]}"


def render_side_by_side(*, campaign_code: str, formats: list[str], timeout: float, env: dict, prefix: str) -> dict:
    """Render `formats` of one campaign's report at the same time, one process each.

    Returns, per format, its render time, bytes and peak memory; for all together, the wall time
    from the start signal until the last render ends, the larger peak and the sum of the peaks."""
    processes = {}
    for fmt in formats:
        command = [PY, "-m", "bench.render", "--campaign", campaign_code, "--format", fmt]
        command += ["--output", str(WORK / f"{prefix}.{fmt}")]
        processes[fmt] = subprocess.Popen(
            command,
            cwd=ROOT,
            env=env,
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=open(WORK / f"{prefix}-{fmt}.log", "w"),  # noqa: SIM115 - closed when the process ends
        )
    deadline = time.monotonic() + READY_TIMEOUT
    printed = {fmt: _wait_ready(process, deadline) for fmt, process in processes.items()}
    not_ready = [fmt for fmt in formats if not printed[fmt]]
    if not_ready:
        for process in processes.values():
            process.kill()
            process.wait()
        parts = {
            fmt: {"error": f"{fmt}: the render process did not start (see var/bench/{prefix}-{fmt}.log)"}
            for fmt in formats
        }
        return {"formats": formats, "parts": parts, "error": parts[not_ready[0]]["error"]}

    go = time.monotonic()
    for process in processes.values():
        try:
            process.stdin.write(b"go\n")
            process.stdin.close()
        except BrokenPipeError:
            pass  # it has died since it was ready: wait4 below reports its exit

    status, timed_out, last_peak = {}, set(), {}
    while len(status) < len(processes):
        for fmt, process in processes.items():
            if fmt in status:
                continue
            last_peak[fmt] = peak_mb(process.pid) or last_peak.get(fmt)
            pid, code, _ = os.wait4(process.pid, os.WNOHANG)
            if not pid and time.monotonic() - go > timeout:
                process.kill()
                timed_out.add(fmt)
                pid, code, _ = os.wait4(process.pid, 0)
            if pid:
                status[fmt] = process.returncode = os.waitstatus_to_exitcode(code)
        time.sleep(0.02)

    parts = {}
    for fmt, process in processes.items():
        item = {"exit": status[fmt], "timed_out": fmt in timed_out, "peak_mb": last_peak.get(fmt)}
        output = (printed[fmt] + process.stdout.read()).decode(errors="replace")
        found = re.search(r"^BENCH_RENDER (\{.*\})$", output, flags=re.MULTILINE)
        process.stdout.close()
        if fmt in timed_out:
            item["error"] = f"timed out after {timeout:.0f} s (peak {item['peak_mb'] or '?'} MB so far)"
        elif status[fmt] != 0 or not found:
            item["error"] = _failure((WORK / f"{prefix}-{fmt}.log").read_text(errors="replace"), status[fmt])
        else:
            measured = json.loads(found.group(1))
            item["seconds"] = round(measured["ended"] - measured["started"], 2)
            item["ended_after_go"] = round(measured["ended"] - go, 2)
            item["peak_mb"] = measured["peak_mb"]
            item["bytes"] = (WORK / f"{prefix}.{fmt}").stat().st_size
        parts[fmt] = item
    peaks = [item["peak_mb"] or 0.0 for item in parts.values()]
    together = {"formats": formats, "parts": parts, "peak_mb": max(peaks), "sum_mb": round(sum(peaks), 1)}
    if any(item.get("error") for item in parts.values()):
        # Each part's own outcome: the one that finished still gives its figure.
        together["error"] = "; ".join(
            f"{fmt}: {item['error']}" if item.get("error") else f"{fmt}: {item['seconds']:g} s, {item['peak_mb']} MB"
            for fmt, item in parts.items()
        )
    else:
        together["seconds"] = max(item["ended_after_go"] for item in parts.values())
    return together


def render_alone(*, campaign_code: str, fmt: str, timeout: float, env: dict, prefix: str) -> dict:
    run = render_side_by_side(campaign_code=campaign_code, formats=[fmt], timeout=timeout, env=env, prefix=prefix)
    return run["parts"][fmt]


def demo_report(timeout: float = 120) -> dict:
    """The demo's summary report (DEMO_CAMPAIGN, as `make run` loads it), on its own database."""
    recreate_database()
    env = {k: v for k, v in bench_env().items() if k not in ("CELERY_BROKER_URL", "CELERY_RESULT_BACKEND")}
    for step in (["migrate", "--noinput", "-v", "0"], ["seed_demo"]):
        subprocess.run([PY, "manage.py", *step], cwd=ROOT, env=env, check=True, stdout=subprocess.DEVNULL)
    results = {}
    for fmt in ("pdf", "docx", "xlsx"):
        log(f"demo report {fmt}")
        results[fmt] = render_alone(
            campaign_code=DEMO_CAMPAIGN, fmt=fmt, timeout=timeout, env=env, prefix=f"demo-report-{fmt}"
        )
    return results


def reports(*, timeout: float, budget: float) -> dict:
    """The synthetic province's report: as delivered (body PDF beside annexes XLSX), the DOCX, then
    the body and the annexes each alone. No render may take more than `timeout` seconds, and the
    renders together no more than `budget`, so that a slow 10× render cannot push `make bench` past
    its 20 minutes: what the budget leaves out is marked skipped."""
    from django.core.management import get_commands

    from bench.synthetic import CAMPAIGN_CODE

    if "render_report" not in get_commands():
        return {"error": "render_report does not exist"}
    from campaigns.models import Campaign
    from reports.services import summary_report_get_or_create

    # Created (and its drafts composed) once, outside the timed renders.
    summary_report_get_or_create(campaign=Campaign.objects.get(code=CAMPAIGN_CODE))
    env = dict(os.environ)
    ends = time.monotonic() + budget
    results = {}
    log("report as delivered: body PDF and annexes XLSX side by side")
    results["delivered"] = render_side_by_side(
        campaign_code=CAMPAIGN_CODE, formats=["pdf", "xlsx"], timeout=timeout, env=env, prefix="report-delivered"
    )
    for fmt in ("docx", "pdf", "xlsx"):
        left = ends - time.monotonic()
        if left < 10:
            results[fmt] = {"error": f"skipped: the report part's {budget:g} s are spent"}
            continue
        log(f"report {fmt} alone")
        results[fmt] = render_alone(
            campaign_code=CAMPAIGN_CODE, fmt=fmt, timeout=min(timeout, left), env=env, prefix=f"report-{fmt}"
        )
    return results
