import io
import logging

import pytest
from django.test import Client

from accounts.enums import Role


@pytest.fixture
def failing_urls(settings):
    settings.DEBUG = False
    settings.ROOT_URLCONF = "tests.campaign_portal.error_urls"


@pytest.fixture
def request_log():
    """What the console handler would print for `django.request`, traceback included."""
    stream = io.StringIO()
    handler = logging.StreamHandler(stream)
    handler.setFormatter(logging.Formatter("%(levelname)s %(name)s: %(message)s"))
    logger = logging.getLogger("django")
    logger.addHandler(handler)
    yield stream
    logger.removeHandler(handler)


def _page(response) -> str:
    body = response.content.decode()
    assert 'class="portal-header"' in body, "in the portal's layout"
    assert 'href="/"' in body, "a way back to the home page"
    return body


def test_404_in_portal_layout_with_home_link(client, failing_urls):
    response = client.get("/khong-co-trang-nay/")
    assert response.status_code == 404
    body = _page(response)
    assert "Không tìm thấy trang" in body and "/khong-co-trang-nay/" in body


def test_404_links_back_to_the_referring_page_of_this_site_only(client, failing_urls):
    body = client.get("/khong-co/", HTTP_REFERER="http://testserver/sang-kien/").content.decode()
    assert 'href="http://testserver/sang-kien/"' in body and "Quay lại trang trước" in body
    body = client.get("/khong-co/", HTTP_REFERER="https://evil.example/").content.decode()
    assert "evil.example" not in body and "Quay lại trang trước" not in body


def test_403_says_why_in_portal_layout_and_logs_one_line(client, make_user, failing_urls, request_log):
    client.force_login(make_user(Role.AGENCY_OFFICER))
    response = client.get("/_thu/403/")
    assert response.status_code == 403
    body = _page(response)
    assert "Không có quyền truy cập" in body and "Chỉ sửa được hồ sơ của cơ quan mình." in body
    logged = request_log.getvalue()
    assert "Forbidden (Permission denied): /_thu/403/" in logged
    assert "Chỉ sửa được hồ sơ của cơ quan mình." in logged, "the reason stays in the log"
    assert "Traceback" not in logged and len(logged.strip().splitlines()) == 1


def test_400_in_portal_layout(client, failing_urls, request_log):
    response = client.get("/_thu/400/")
    assert response.status_code == 400
    body = _page(response)
    assert "Yêu cầu không hợp lệ" in body
    assert 'class="error-code text-danger' in body, "marked as an error, as form errors are"
    assert "Traceback" not in request_log.getvalue()


def test_400_for_a_forged_host_header_is_the_portal_page(client, failing_urls, request_log):
    response = client.get("/khong-co/", HTTP_HOST="ke-gia-mao.example", HTTP_REFERER="http://ke-gia-mao.example/")
    assert response.status_code == 400
    assert "Yêu cầu không hợp lệ" in _page(response)


def test_500_renders_without_the_database(failing_urls, request_log):
    # No `db` fixture: any query while rendering the page would raise here.
    response = Client(raise_request_exception=False).get("/_thu/500/")
    assert response.status_code == 500
    assert "Cổng gặp lỗi khi xử lý yêu cầu" in _page(response)
    assert "Traceback" in request_log.getvalue(), "a real error keeps its traceback"


def test_csrf_failure_in_portal_layout_with_way_back(failing_urls, make_user):
    client = Client(enforce_csrf_checks=True)
    client.get("/tai-khoan/dang-nhap/")
    response = client.post(
        "/tai-khoan/dang-nhap/",
        {"username": "x", "password": "y"},
        HTTP_REFERER="http://testserver/tai-khoan/dang-nhap/",
    )
    assert response.status_code == 403
    body = _page(response)
    assert "Biểu mẫu đã hết hiệu lực" in body and "CSRF" not in body
    assert 'href="http://testserver/tai-khoan/dang-nhap/"' in body


def test_csrf_failure_without_cookies_says_to_allow_them(failing_urls):
    response = Client(enforce_csrf_checks=True).post("/tai-khoan/dang-nhap/", {"username": "x"})
    assert "cho phép cookie" in response.content.decode()


@pytest.mark.parametrize(
    ("path", "status", "english"),
    [("/khong-co/", 404, "Page not found"), ("/_thu/403/", 403, "Access denied"), ("/_thu/400/", 400, "Bad request")],
)
def test_error_pages_in_the_users_language(client, failing_urls, path, status, english):
    client.cookies["django_language"] = "en"
    response = client.get(path)
    assert response.status_code == status
    assert english in response.content.decode()


def test_500_in_the_users_language(failing_urls):
    client = Client(raise_request_exception=False)
    client.cookies["django_language"] = "en"
    assert "The portal ran into an error" in client.get("/_thu/500/").content.decode()
