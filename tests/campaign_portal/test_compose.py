"""There is no Docker engine here: parse docker-compose.yml and check that every service and
every command it names exists in the project."""

import importlib
from pathlib import Path

import yaml
from django.core.management import get_commands
from gunicorn.config import Config

ROOT = Path(__file__).resolve().parents[2]


def _compose() -> dict:
    return yaml.safe_load((ROOT / "docker-compose.yml").read_text())


def test_compose_has_the_production_services():
    services = _compose()["services"]
    assert {"web", "worker", "beat", "relay", "db", "redis"} <= set(services)
    assert {"pgdata", "media"} <= set(_compose()["volumes"])
    for name in ("web", "worker", "db", "redis"):
        assert "healthcheck" in services[name], f"{name} has no health check"
    assert "media:/data/media" in services["web"]["volumes"]


def test_compose_commands_exist_in_the_project():
    services = _compose()["services"]
    for name, service in services.items():
        command = service.get("command")
        if not command or service.get("image", "").split(":")[0] in {"postgres", "redis", "minio/minio"}:
            continue
        program = command[0]
        if program == "gunicorn":
            module, attribute = command[1].split(":")
            assert hasattr(importlib.import_module(module), attribute), name
            options = Config().parser().parse_args(command[2:])  # an unknown option exits here
            assert options.worker_class == "gthread" and int(options.threads) > 1, name
        elif program == "celery":
            assert command[1:3] == ["-A", "campaign_portal"], name
            app = importlib.import_module("campaign_portal").celery_app
            assert command[3] in {"worker", "beat"}, name
            assert app.main == "campaign_portal"
        elif program == "python":
            assert command[1] == "manage.py" and (ROOT / "manage.py").exists()
            assert command[2] in get_commands(), f"{name}: unknown management command {command[2]}"
        else:
            raise AssertionError(f"{name}: unexpected program {program}")


def test_compose_image_is_built_from_the_project():
    assert (ROOT / "Dockerfile").exists()
    dockerfile = (ROOT / "Dockerfile").read_text()
    assert "requirements.lock" in dockerfile and "campaign_portal.wsgi:application" in dockerfile
    assert "build" in _compose()["x-portal"]


def test_env_example_documents_every_setting_the_compose_file_uses():
    documented = {
        line.split("=", 1)[0]
        for line in (ROOT / ".env.example").read_text().splitlines()
        if line and not line.startswith("#")
    }
    used = set(_compose()["x-portal"]["environment"])
    assert used <= documented


def test_compose_shares_one_cache_and_offers_object_storage():
    compose = _compose()
    assert compose["x-portal"]["environment"]["CACHE_URL"].startswith("redis://redis:6379/")
    minio = compose["services"]["minio"]
    assert minio["profiles"] == ["s3"] and "healthcheck" in minio
    documented = (ROOT / ".env.example").read_text()
    settings_text = (ROOT / "campaign_portal" / "settings.py").read_text()
    for name in ("MEDIA_STORAGE", "MEDIA_S3_BUCKET", "MEDIA_S3_ENDPOINT_URL", "MEDIA_S3_ACCESS_KEY_ID"):
        assert f"\n{name}=" in documented and f'"{name}"' in settings_text, name


def _lock(name: str) -> dict[str, str]:
    from packaging.utils import canonicalize_name

    pins = {}
    for line in (ROOT / name).read_text().splitlines():
        if line and not line.startswith(("#", "-r ")):
            package, version = line.split("==")
            pins[canonicalize_name(package)] = version
    return pins


def _closure(requirements: list[str]) -> set[str]:
    """Every distribution the requirements need, as installed here, extras and markers followed."""
    from importlib import metadata

    from packaging.requirements import Requirement
    from packaging.utils import canonicalize_name

    seen: set[tuple[str, tuple]] = set()
    pending = [Requirement(text) for text in requirements]
    while pending:
        requirement = pending.pop()
        key = (canonicalize_name(requirement.name), tuple(sorted(requirement.extras)))
        if key in seen:
            continue
        seen.add(key)
        for text in metadata.distribution(requirement.name).requires or []:
            needed = Requirement(text)
            extras = ["", *requirement.extras]
            if needed.marker is None or any(needed.marker.evaluate({"extra": extra}) for extra in extras):
                pending.append(needed)
    return {name for name, _ in seen}


def test_the_image_installs_the_production_tree_and_no_test_tool():
    """requirements.lock (what the Dockerfile installs) pins exactly what pyproject's dependencies
    need; requirements-test.lock adds the test tools (moto's S3 server, pytest, Playwright...)."""
    import tomllib

    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    production, test_only = _lock("requirements.lock"), _lock("requirements-test.lock")
    assert set(production) == _closure(project["dependencies"])
    assert not set(production) & set(test_only)
    assert set(production) | set(test_only) >= _closure(project["optional-dependencies"]["test"])
    assert {"moto", "pytest", "playwright", "flask"} <= set(test_only)
    assert "-r requirements.lock" in (ROOT / "requirements-test.lock").read_text().splitlines()
    assert "requirements-test.lock" not in (ROOT / "Dockerfile").read_text()
