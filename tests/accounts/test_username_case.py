import importlib

import pytest
from django.apps import apps as django_apps
from django.core.exceptions import ValidationError
from django.db import IntegrityError, connection, transaction
from django.urls import reverse

from accounts.enums import Role
from accounts.models import User
from tests.factories import TEST_PASSWORD

LOGIN = reverse("accounts:login")


def test_login_matches_the_username_regardless_of_case(client, make_user):
    make_user(Role.AGENCY_OFFICER, username="bactramy")
    response = client.post(LOGIN, {"username": "Bactramy", "password": TEST_PASSWORD})
    assert response.status_code == 302
    assert client.session["_auth_user_id"] == str(User.objects.get(username="bactramy").pk)


def test_login_field_is_not_capitalised_or_corrected_by_phones(client):
    body = client.get(LOGIN).content.decode()
    field = body[body.index('name="username"') - 300 : body.index('name="username"') + 300]
    assert 'autocapitalize="none"' in field and 'autocomplete="username"' in field and 'spellcheck="false"' in field


def test_login_failure_does_not_say_which_of_the_two_was_wrong(client, make_user):
    user = make_user(Role.REVIEWER)
    wrong_password = client.post(LOGIN, {"username": user.username, "password": "sai"}).content.decode()
    unknown_user = client.post(LOGIN, {"username": "khongco", "password": "sai"}).content.decode()
    message = "Tên đăng nhập hoặc mật khẩu không đúng. Hãy kiểm tra lại cả hai rồi thử lại."
    assert message in wrong_password and message in unknown_user
    assert "mật khẩu phân biệt" not in wrong_password


def test_usernames_differing_by_case_only_are_refused(make_user):
    make_user(Role.REVIEWER, username="tamky")
    twin = User(username="TamKy", role=Role.REVIEWER)
    twin.set_password(TEST_PASSWORD)
    with pytest.raises(ValidationError, match="không phân biệt chữ hoa, chữ thường"):
        twin.full_clean()
    with pytest.raises(IntegrityError), transaction.atomic():
        twin.save()


def test_login_throttling_counts_every_case_of_a_username_together(client, make_user, settings):
    settings.AXES_ENABLED = True
    make_user(Role.REVIEWER, username="hoian")
    spellings = ["hoian", "HoiAn", "HOIAN", "Hoian"]
    for attempt in range(settings.AXES_FAILURE_LIMIT - 1):
        assert client.post(LOGIN, {"username": spellings[attempt % 4], "password": "sai"}).status_code == 200
    assert client.post(LOGIN, {"username": "hOiAn", "password": "sai"}).status_code == 429
    assert client.post(LOGIN, {"username": "hoian", "password": TEST_PASSWORD}).status_code == 429


def test_migration_names_existing_usernames_that_differ_by_case(make_user):
    migration = importlib.import_module("accounts.migrations.0002_username_unique_regardless_of_case")
    make_user(Role.REVIEWER, username="hoian")
    with transaction.atomic():
        # Undone with the transaction (PostgreSQL's DDL is transactional).
        with connection.schema_editor() as editor:
            editor.remove_constraint(User, User._meta.constraints[0])
        make_user(Role.REVIEWER, username="HoiAn")
        with pytest.raises(RuntimeError, match="HoiAn, hoian"):
            migration.refuse_usernames_differing_by_case(django_apps, None)
        transaction.set_rollback(True)
