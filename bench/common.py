"""What the parts of `make bench` share: where they write, which database, broker and port they
use (each overridable by the environment, so that two benches can run side by side), the
environment of their subprocesses, and their log line."""

import datetime
import os
import signal
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
RESULTS = ROOT / "bench" / "results"
WORK = ROOT / "var" / "bench"
PY = sys.executable
PG_ADMIN_URL = os.environ.get("BENCH_PG_ADMIN_URL", "postgresql://postgres@127.0.0.1:5432/postgres")
DB_NAME = os.environ.get("BENCH_DB_NAME", "cp_bench")
BROKER = os.environ.get("BENCH_BROKER_URL", "redis://127.0.0.1:6379/11")
PORT = int(os.environ.get("BENCH_PORT", "8765"))


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
    # UTC: Django's set-up moves a child process's local time zone to the portal's.
    print(f"[bench {datetime.datetime.now(datetime.UTC):%H:%M:%S}] {message}", flush=True)


def recreate_database() -> None:
    import psycopg

    with psycopg.connect(PG_ADMIN_URL, autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{DB_NAME}" WITH (FORCE)')
        conn.execute(f'CREATE DATABASE "{DB_NAME}"')


def stop(processes: list[subprocess.Popen], sig: int = signal.SIGTERM) -> None:
    for process in processes:
        if process.poll() is None:
            process.send_signal(sig)
    for process in processes:
        try:
            process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
