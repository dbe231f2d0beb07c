"""The printed table puts every figure beside its target and marks it met or missed."""

from bench.run import markdown_table


def _summary(*, portal_ms, admin_ms, queries_1, queries_10, rate, p95):
    page = {"name": "initiative list", "admin": {"median_ms": admin_ms, "queries": 5, "label": "change list"}}
    run = {"rps": 50.0, "p50_ms": 40.0, "p95_ms": p95, "errors": 0}
    # The target is read on the users' run; the saturated run (no pause) is shown without a mark.
    load = [{"name": "initiative list", "users": run, "saturated": {**run, "p95_ms": 5000.0}}]
    checks = {"count": 100, "queue_per_second": rate, "in_process_per_second": rate, "overhead": 1.0}
    return {
        "date": "2026-01-01T00:00:00Z",
        "machine": {"nproc": 2, "memory_gib": 24, "cpu_model": "CPU", "postgresql": "15", "python": "3.11"},
        "sizes": {
            "1": {
                "pages": [{**page, "portal": {"median_ms": portal_ms, "queries": queries_1}}],
                "checks": checks,
                "load": load,
            },
            "10": {"pages": [{**page, "portal": {"median_ms": portal_ms, "queries": queries_10}}]},
        },
    }


def test_table_marks_met_targets():
    table = markdown_table(_summary(portal_ms=10.0, admin_ms=20.0, queries_1=8, queries_10=8, rate=300.0, p95=100.0))
    assert "❌" not in table
    assert "| 1× | initiative list: server time (median) | 10.0 ms | 20.0 ms (change list) |" in table
    assert "| 1× | HTTP initiative list: 20 users, think time 0.5–1.5 s, gunicorn 3×4 threads | 50.0 req/s" in table
    assert "20 connections without pause, gunicorn 3×4 threads | 50.0 req/s, p50 40.0 ms, p95 5,000.0 ms" in table


def test_table_marks_missed_targets():
    table = markdown_table(_summary(portal_ms=30.0, admin_ms=20.0, queries_1=8, queries_10=9, rate=50.0, p95=300.0))
    missed = [line for line in table.splitlines() if line.endswith("❌ |")]
    # slower than admin (×2), query count differs between sizes (×2), checks per second, the users' p95
    assert len(missed) == 6
