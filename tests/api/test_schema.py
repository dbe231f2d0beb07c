"""The OpenAPI schema validates with drf-spectacular's own check and no warning; the
documentation page is served by the portal (assets under /static/, no CDN) with no inline
script, under the portal's CSP."""

import io
import re

import pytest
import yaml
from django.core.management import call_command
from django.urls import reverse

from campaign_portal.security import CONTENT_SECURITY_POLICY


def test_schema_validates_without_warnings(tmp_path):
    target = tmp_path / "schema.yaml"
    call_command("spectacular", "--validate", "--fail-on-warn", "--file", str(target), stderr=io.StringIO())
    schema = yaml.safe_load(target.read_text())
    assert set(schema["paths"]) == {
        "/api/v1/campaigns/",
        "/api/v1/campaigns/{code}/",
        "/api/v1/campaigns/{code}/progress/",
        "/api/v1/initiatives/",
        "/api/v1/awards/",
    }
    assert schema["components"]["securitySchemes"]["maTruyCap"] == {
        "type": "http",
        "scheme": "bearer",
        "description": "Mã truy cập do quản trị viên cấp cho từng hệ thống (chỉ đọc).",
    }
    award_params = {p["name"] for p in schema["paths"]["/api/v1/awards/"]["get"]["parameters"]}
    assert {"page", "page_size", "updated_since", "decision_from", "decision_to", "campaign"} <= award_params


@pytest.mark.django_db
def test_schema_is_served_without_a_token(client):
    response = client.get(reverse("api:schema"))
    assert response.status_code == 200 and b"/api/v1/campaigns/" in response.content


@pytest.mark.django_db
def test_documentation_page_is_local_and_has_no_inline_script(client):
    response = client.get(reverse("api:docs"))
    assert response.status_code == 200
    assert response["Content-Security-Policy"] == CONTENT_SECURITY_POLICY
    page = response.content.decode()
    scripts = re.findall(r"<script([^>]*)>(.*?)</script>", page, flags=re.S)
    assert scripts and all('src="' in attrs and not body.strip() for attrs, body in scripts)
    assets = re.findall(r'(?:src|href)="([^"]+)"', page)
    assert not [a for a in assets if a.startswith(("http:", "https:", "//"))]
    assert any("swagger-ui-bundle.js" in a and a.startswith("/static/") for a in assets)
    script = client.get(reverse("api:docs") + "?script")
    assert script.status_code == 200 and "javascript" in script["Content-Type"]
    assert reverse("api:schema") in script.content.decode()
