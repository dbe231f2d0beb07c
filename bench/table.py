"""The bench's table: every figure of a run beside its target (issue 18), marked met or missed.

Kept apart from the measuring code so that its logic is tested without timing anything
(tests/bench/test_table.py). `rows()` turns a run's summary (bench/results/latest.json) into rows
with a stable key each; `markdown_table()` prints them, and with `before=` (an earlier
latest.json of the same harness) adds a "before" column matched on those keys.
"""

from dataclasses import dataclass

from bench import DEMO_CAMPAIGN

# The targets of issue 18, per size; a size without an entry is measured without a target.
TARGETS = {
    # The body PDF and the annexes XLSX rendered side by side, as two workers deliver them: the wall
    # time of both, and the larger of the two processes' peaks (each worker holds its own memory).
    "report_delivered": {1: {"seconds": 5.0, "peak_mb": 300.0}, 10: {"seconds": 10.0, "peak_mb": 400.0}},
    "report_docx_seconds": {1: 2.0, 10: 5.0},
    # Portal page's median server time ÷ Django admin's for the same rows, at most.
    "pages": {
        "initiative list": (0.5, "≤ ½ of admin's change list"),
        "review queue": (0.5, "≤ ½ of admin's change list"),
        "dashboard (reviewer), first look after a change": (1.0, "≤ admin's change list"),
        "nomination page": (1.0, "≤ admin's change form"),
    },
    # Users pausing 0.5–1.5 s between pages: p95 below this many ms and no error, on every page.
    "users_p95_ms": {20: {1: 200.0, 10: 200.0}, 50: {1: 300.0}},
    "recheck": {"nominations": 2000, "seconds": {1: 5.0, 10: 5.0}},
}

# The load runs of one page: the key in the run's JSON, the connections, and whether they pause.
LOAD_RUNS = (("users", 20, True), ("users_50", 50, True), ("saturated", 20, False))
THINK_MS = 1000


@dataclass(frozen=True)
class Row:
    size: str
    key: str  # stable across runs, to match a row of an earlier run
    measure: str
    portal: str
    admin: str = ""
    target: str = ""
    met: bool | None = None  # None: a figure shown for information, with no target


def _mark(met: bool | None) -> str:
    return "" if met is None else ("✅" if met else "❌")


def _fmt(value, digits=1, unit="") -> str:
    if value is None:
        return "–"
    if isinstance(value, float):
        return f"{value:,.{digits}f}{unit}"
    if isinstance(value, int):
        return f"{value:,}{unit}"
    return f"{value}{unit}"


def _target_for(table: dict, size: str):
    return table.get(int(size)) if size.isdigit() else None


def _demo_rows(summary: dict) -> list[Row]:
    campaign = summary.get("demo_campaign", DEMO_CAMPAIGN)
    rows = []
    for fmt, item in summary.get("demo_report", {}).items():
        measure = f"report {fmt.upper()} (campaign {campaign}): render time, peak memory"
        if item.get("error"):
            rows.append(Row("demo", f"demo.{fmt}", measure, item["error"]))
        else:
            figure = f"{_fmt(item.get('seconds'), 2, ' s')}, {_fmt(item.get('peak_mb'), 0, ' MB')}"
            rows.append(Row("demo", f"demo.{fmt}", f"{measure} ({_fmt(item.get('bytes'))} bytes)", figure))
    return rows


def _page_rows(size: str, result: dict) -> list[Row]:
    rows = []
    for page in result.get("pages", []):
        portal, admin = page["portal"], page["admin"]
        name = page["name"]
        target = TARGETS["pages"].get(name)
        mine, theirs = portal.get("median_ms"), admin.get("median_ms")
        ratio = mine / theirs if mine is not None and theirs else None
        figure = portal.get("error") or (
            f"{_fmt(mine, unit=' ms')}"
            + (f" = {ratio:.2f}× admin" if ratio is not None else "")
            + f", {_fmt(portal.get('queries'))} queries"
        )
        reference = admin.get("error") or (
            f"{_fmt(theirs, unit=' ms')}, {_fmt(admin.get('queries'))} queries ({admin.get('label', '')})"
        )
        rows.append(
            Row(
                f"{size}×",
                f"page.{name}",
                f"{name}: server time (median)",
                figure,
                reference,
                target[1] if target else "",
                (ratio is not None and ratio <= target[0]) if target else None,
            )
        )
    return rows


def _check_rows(size: str, checks: dict) -> list[Row]:
    if not checks:
        return []
    if checks.get("error"):
        return [Row(f"{size}×", "checks.queue", "recheck through 2 Celery workers", checks["error"], met=False)]
    count, seconds = checks.get("count"), checks.get("queue_seconds")
    wanted = TARGETS["recheck"]["nominations"]
    limit = _target_for(TARGETS["recheck"]["seconds"], size)
    if limit is None:
        target, met = "", None
    elif count != wanted:
        # A quick run checks fewer nominations: its time says nothing about the target's 2,000.
        target, met = f"≤ {limit:g} s for {wanted:,} nominations", None
    else:
        target = f"≤ {limit:g} s"
        met = seconds is not None and checks.get("checked_through_queue", count) >= count and seconds <= limit
    return [
        Row(
            f"{size}×",
            "checks.queue",
            f"recheck of {_fmt(count)} nominations, 2 Celery workers on Redis: time until all are checked",
            f"{_fmt(seconds, 2, ' s')} ({_fmt(checks.get('queue_per_second'))}/s)",
            target=target,
            met=met,
        ),
        Row(
            f"{size}×",
            "checks.in_process",
            f"criteria checks in process, chunks of {checks.get('chunk')}",
            f"{_fmt(checks.get('in_process_per_second'))}/s",
        ),
        Row(
            f"{size}×",
            "checks.one_by_one",
            "criteria checks in process, one per call (as a single submission)",
            f"{_fmt(checks.get('one_by_one_per_second'))}/s",
        ),
    ]


def _peak(item: dict) -> str:
    return _fmt(item.get("peak_mb"), 0, " MB")


def _report_rows(size: str, reports: dict) -> list[Row]:
    if not reports:
        return []
    if reports.get("error"):
        return [Row(f"{size}×", "report.delivered", "report", reports["error"], met=False)]
    rows = []
    delivered = reports.get("delivered")
    if delivered is not None:
        limits = _target_for(TARGETS["report_delivered"], size)
        measure = (
            "report as delivered: body PDF and annexes XLSX rendered side by side by 2 processes: "
            "wall time of both, peak memory (larger process; both)"
        )
        if delivered.get("error"):
            figure, met = delivered["error"], False if limits else None
        else:
            seconds, larger = delivered.get("seconds"), delivered.get("peak_mb")
            figure = f"{_fmt(seconds, 2, ' s')}, {_fmt(larger, 0, ' MB')} ({_fmt(delivered.get('sum_mb'), 0, ' MB')})"
            met = None
            if limits:
                met = seconds is not None and seconds <= limits["seconds"] and larger <= limits["peak_mb"]
        target = f"≤ {limits['seconds']:g} s, ≤ {limits['peak_mb']:g} MB" if limits else ""
        rows.append(Row(f"{size}×", "report.delivered", measure, figure, target=target, met=met))
    for fmt, name in (("docx", "report DOCX"), ("pdf", "report body PDF alone"), ("xlsx", "annexes XLSX alone")):
        item = reports.get(fmt)
        if item is None:
            continue
        limit = _target_for(TARGETS["report_docx_seconds"], size) if fmt == "docx" else None
        if item.get("error"):
            figure, met = item["error"], False if limit is not None else None
            measure = name
        else:
            figure = f"{_fmt(item.get('seconds'), 2, ' s')}, {_peak(item)}"
            measure = f"{name}: render time, peak memory ({_fmt(item.get('bytes'))} bytes)"
            met = (item.get("seconds") is not None and item["seconds"] <= limit) if limit is not None else None
        target = f"≤ {limit:g} s" if limit is not None else ""
        rows.append(Row(f"{size}×", f"report.{fmt}", measure, figure, target=target, met=met))
    return rows


def _load_figure(run: dict) -> str:
    return (
        f"{_fmt(run['rps'])} req/s, p50 {_fmt(run['p50_ms'])} ms, p95 {_fmt(run['p95_ms'])} ms, {run['errors']} errors"
    )


def _load_rows(size: str, load: list[dict]) -> list[Row]:
    rows, judged = [], {}
    for page in load:
        if page.get("error"):
            rows.append(Row(f"{size}×", f"load.{page['name']}", f"HTTP {page['name']}", page["error"], met=False))
        for key, users, pausing in LOAD_RUNS:
            limit = _target_for(TARGETS["users_p95_ms"][users], size) if pausing else None
            run = page.get(key)
            if limit is not None and (run is not None or page.get("error")):
                # A page that could not be measured fails "every page" too.
                judged.setdefault(key, []).append((page["name"], run or {"error": page["error"]}, limit))
            if run is None:
                continue
            who = (
                f"{users} users pausing {THINK_MS / 2000:g}–{THINK_MS * 1.5 / 1000:g} s"
                if pausing
                else f"{users} connections without pause"
            )
            measure = f"HTTP {page['name']}: {who}, gunicorn 3×4 threads"
            target = f"p95 < {limit:g} ms, 0 errors" if limit is not None else ("" if pausing else "(ceiling)")
            if run.get("error"):
                figure, met = run["error"], False if limit is not None else None
            else:
                figure = _load_figure(run)
                met = _load_met(run, limit) if limit is not None else None
            rows.append(Row(f"{size}×", f"load.{page['name']}.{key}", measure, figure, target=target, met=met))
    # The target is "every page": one row per load run that says whether all pages met it.
    for key, users, _ in LOAD_RUNS:
        if key not in judged:
            continue
        measured = [(name, run) for name, run, _ in judged[key] if not run.get("error")]
        limit = judged[key][0][2]
        figure = "not measured"
        if measured:
            name, worst = max(measured, key=lambda item: item[1]["p95_ms"])
            errors = sum(run["errors"] for _, run in measured)
            figure = f"worst p95 {_fmt(worst['p95_ms'])} ms ({name}), {errors} errors in all"
        unmeasured = len(judged[key]) - len(measured)
        if unmeasured and measured:
            figure += f"; {unmeasured} not measured"
        rows.append(
            Row(
                f"{size}×",
                f"load.every page.{key}",
                f"HTTP every page ({len(judged[key])}): {users} users pausing {THINK_MS / 2000:g}–"
                f"{THINK_MS * 1.5 / 1000:g} s",
                figure,
                target=f"p95 < {limit:g} ms, 0 errors",
                met=all(not run.get("error") and _load_met(run, limit) for _, run, _ in judged[key]),
            )
        )
    return rows


def _load_met(run: dict, limit: float) -> bool:
    return run["p95_ms"] < limit and run["errors"] == 0


def rows(summary: dict) -> list[Row]:
    """Every figure of one run, in the order of the table."""
    result = _demo_rows(summary)
    for size, measured in summary.get("sizes", {}).items():
        label = f"{size}×"
        if "error" in measured:
            result.append(Row(label, "run", "run failed", measured["error"], met=False))
            continue
        counts = measured.get("counts", {})
        result.append(
            Row(
                label,
                "data",
                "data",
                f"{_fmt(counts.get('agencies'))} agencies, {_fmt(counts.get('initiatives'))} initiatives, "
                f"{_fmt(counts.get('nominations'))} nominations, {_fmt(counts.get('documents'))} documents "
                f"(built in {_fmt(measured.get('build_seconds'))} s)",
            )
        )
        averages = measured.get("load_average", {})
        busy = ", ".join(f"{part} {values[0]:.1f}" for part, values in averages.items() if part != "start")
        if busy:
            result.append(Row(label, "load_average", "machine load average (1 min) before each part", busy))
        result += _report_rows(size, measured.get("reports", {}))
        result += _page_rows(size, measured)
        result += _check_rows(size, measured.get("checks", {}))
        result += _load_rows(size, measured.get("load", []))
    return result


def _start_load(summary: dict) -> list[float] | None:
    average = summary.get("load_average_start")
    if average is None:
        # Runs of an older harness recorded the load average per size only.
        first = next(iter(summary.get("sizes", {}).values()), {})
        average = first.get("load_average", {}).get("start")
    return average or None


def _load_text(summary: dict) -> str:
    average = _start_load(summary)
    if not average:
        return "load average not recorded"
    return "load average " + "/".join(f"{value:.1f}" for value in average) + " at the start (1/5/15 min)"


def run_header(summary: dict) -> str:
    """The machine, its load and the data sizes of one run, in one sentence."""
    m = summary["machine"]
    sizes = ", ".join(f"{size}×" for size in summary.get("sizes", {}))
    return (
        f"benchmark of {summary['date']} on {m['nproc']} cores, {m['memory_gib']} GiB, {m['cpu_model']}, "
        f"PostgreSQL {m['postgresql']}, Python {m['python']}; {_load_text(summary)}; sizes {sizes or 'none'}"
        f"{' (quick)' if summary.get('quick') else ''}; {summary.get('total_seconds', '?')} s in all"
    )


def _short(summary: dict) -> str:
    average = _start_load(summary)
    load = f", load {average[0]:.1f}" if average else ""
    return f"{summary['date'][:10]}, {summary['machine']['nproc']} cores{load}"


def markdown_table(summary: dict, before: dict | None = None) -> str:
    """The run's table; with `before`, an earlier run's figures in a column beside this run's."""
    lines = [f"Now: {run_header(summary)}."]
    if before is not None:
        lines.append(f"Before: {run_header(before)}.")
    lines.append("")
    if before is None:
        lines += ["| Size | Measure | Portal | Django admin | Target | Met |", "| --- | --- | --- | --- | --- | --- |"]
    else:
        columns = f"Before ({_short(before)}) | Now ({_short(summary)}) | Django admin (now)"
        lines += [f"| Size | Measure | {columns} | Target | Met |", "| --- | --- | --- | --- | --- | --- | --- |"]
    earlier = {(row.size, row.key): row for row in rows(before)} if before is not None else {}
    for row in rows(summary):
        cells = [row.size, row.measure]
        if before is not None:
            old = earlier.get((row.size, row.key))
            cells.append("–" if old is None else f"{old.portal} {_mark(old.met)}".strip())
        cells += [row.portal, row.admin, row.target, _mark(row.met)]
        lines.append("| " + " | ".join(cells) + " |")
    return "\n".join(lines)
