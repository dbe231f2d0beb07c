"""English is complete: every message of the portal is in the English catalogue, translated."""

import re
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
PO = ROOT / "locale" / "en" / "LC_MESSAGES" / "django.po"
NOT_SOURCE = {".git", ".venv", "node_modules", "vendor", "var", "test-artifacts", "staticfiles", "docs", "media"}


def _incomplete(po: Path) -> tuple[list[str], list[str]]:
    entries = po.read_text(encoding="utf-8").split("\n\n")[1:]
    untranslated = [
        e
        for e in entries
        if re.search(r'^msgstr(\[\d\])? ""\Z', e.strip(), re.M) and not re.search(r'^msgstr(\[\d\])? ""\n"', e, re.M)
    ]
    fuzzy = [e for e in entries if "#, fuzzy" in e]
    return untranslated, fuzzy


def test_english_catalogue_has_no_untranslated_or_fuzzy_entry():
    untranslated, fuzzy = _incomplete(PO)
    assert not untranslated, untranslated[:3]
    assert not fuzzy, fuzzy[:3]


def test_every_message_of_the_code_is_in_the_english_catalogue(tmp_path):
    """`makemessages` run on a copy of the code: a message added without `make messages` (and its
    translation) shows as untranslated there, and would show in Vietnamese in the English pages."""
    copy = tmp_path / "portal"
    shutil.copytree(ROOT, copy, ignore=lambda folder, names: [n for n in names if n in NOT_SOURCE or n.endswith(".mo")])
    subprocess.run(
        [sys.executable, "manage.py", "makemessages", "-l", "en", "--no-location", "--ignore=node_modules"],
        cwd=copy,
        check=True,
        capture_output=True,
        timeout=300,
    )
    untranslated, fuzzy = _incomplete(copy / "locale" / "en" / "LC_MESSAGES" / "django.po")
    missing = [e.strip() for e in untranslated + fuzzy]
    assert not missing, "Run `make messages` and translate:\n" + "\n\n".join(missing[:10])


PORTAL_APPS = {
    "accounts",
    "agencies",
    "api",
    "awards",
    "campaign_portal",
    "campaigns",
    "home",
    "initiatives",
    "reports",
}


def test_every_list_is_named_in_the_plural_in_english():
    """Vietnamese names one or many alike; English lists (the admin's) need the plural, kept apart
    by the "plural" context."""
    from django.apps import apps
    from django.utils import translation

    models = [model for model in apps.get_models() if model._meta.app_label in PORTAL_APPS]
    with translation.override("en"):
        singular_lists = [
            m._meta.label for m in models if str(m._meta.verbose_name_plural) == str(m._meta.verbose_name)
        ]
        assert str(apps.get_model("agencies", "Agency")._meta.verbose_name_plural) == "agencies"
    assert not singular_lists
