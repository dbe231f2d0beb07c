"""The layers are checked by a machine (import-linter, `make lint`): the real tree keeps every
contract, and a copy of it with one forbidden import added breaks the contract that names it.

The broken copies prove the contracts are not vacuous: a typo in a layer's name or a contract that
checks nothing would let them pass."""

import shutil
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
LINT_IMPORTS = Path(sys.executable).parent / "lint-imports"
APPS = tomllib.loads((ROOT / "pyproject.toml").read_text())["tool"]["importlinter"]["root_packages"]


def _lint_imports(where: Path) -> subprocess.CompletedProcess:
    return subprocess.run(
        [str(LINT_IMPORTS), "--no-cache", "--no-logo", str(where / "pyproject.toml")],
        cwd=where,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_layers_real_tree_keeps_every_contract():
    result = _lint_imports(ROOT)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "0 broken" in result.stdout


@pytest.mark.parametrize(
    ("module", "imported", "contract"),
    [
        ("agencies", "awards.models", "agencies imports no other app"),
        ("agencies", "accounts.rules", "agencies imports no other app"),
        ("campaign_portal", "campaigns.services", "campaign_portal is infrastructure: it imports no app"),
        ("initiatives", "awards.selectors", "initiatives and awards are independent of each other"),
        ("campaigns", "initiatives.models", "layers of the apps, top to bottom"),
        ("reports", "home.dashboard", "layers of the apps, top to bottom"),
        ("home", "demo.accounts", "layers of the apps, top to bottom"),
    ],
)
def test_layers_forbidden_import_breaks_its_contract(tmp_path, module, imported, contract):
    shutil.copy(ROOT / "pyproject.toml", tmp_path / "pyproject.toml")
    for app in APPS:
        shutil.copytree(ROOT / app, tmp_path / app, ignore=shutil.ignore_patterns("__pycache__", "*.pyc"))
    (tmp_path / module / "_layer_probe.py").write_text(f"import {imported}  # noqa: F401\n")
    result = _lint_imports(tmp_path)
    assert result.returncode != 0, result.stdout
    broken = result.stdout.split("Broken contracts", 1)[-1]
    assert contract in broken
    assert f"{module}._layer_probe -> {imported}" in broken
