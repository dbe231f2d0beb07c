"""A list's row links, reversed once a page: the same URLs as `reverse` gives for each row."""

from django.urls import reverse

from campaign_portal.pagination import row_url


def test_row_url_is_reverse_for_each_key():
    for name in ("awards:nomination_detail", "initiatives:detail"):
        url = row_url(name)
        for pk in (1, 42, 987654321):
            assert url(pk) == reverse(name, args=[pk])
