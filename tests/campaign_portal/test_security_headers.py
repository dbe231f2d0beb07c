from django.urls import reverse


def test_pages_carry_a_csp_without_inline_scripts(client):
    response = client.get(reverse("accounts:login"))
    policy = response.headers["Content-Security-Policy"]
    assert "script-src 'self'" in policy and "unsafe-inline" not in policy.split("script-src")[1].split(";")[0]
    assert "frame-ancestors 'none'" in policy
    assert response.headers["X-Content-Type-Options"] == "nosniff"
    assert "<script>" not in response.content.decode()


def test_media_url_serves_nothing(client, reviewer, settings, tmp_path):
    client.force_login(reviewer)
    (tmp_path / "media").mkdir(exist_ok=True)
    (tmp_path / "media" / "secret.pdf").write_bytes(b"%PDF-1.4 secret")
    assert client.get(f"{settings.MEDIA_URL}secret.pdf").status_code == 404
    assert client.get("/media/secret.pdf").status_code == 404
