"""fold_text (the search key) and nfc (what every input goes through): campaign_portal/text.py."""

import unicodedata

import pytest

from campaign_portal.text import fold_text, nfc

COMPOSED = "Trà Đốc, Nguyễn Thị Hường"
DECOMPOSED = unicodedata.normalize("NFD", COMPOSED)


def test_nfc_composes_decomposed_vietnamese():
    assert DECOMPOSED != COMPOSED
    assert nfc(DECOMPOSED) == COMPOSED
    assert nfc(COMPOSED) is COMPOSED


@pytest.mark.parametrize(
    "typed",
    [
        "Trà Đốc",
        "trà đốc",
        "TRA DOC",
        "Trà Ðốc",  # U+00D0, Icelandic eth: "Đ" read through Latin-1
        "Trà ðốc",  # U+00F0
        "Trà Ɖốc",  # U+0189, African D
        "Тrà Đốc",  # Cyrillic Т
        "Trà Đốс",  # Cyrillic с
        "Τrà Đốc",  # Greek Τ
        "Ｔｒà Đốc",  # full-width letters
        "Trà\u200b Đốc",  # a zero-width space pasted from a web page
        "  Trà   Đốc ",
        unicodedata.normalize("NFD", "Trà Đốc"),
    ],
)
def test_fold_text_folds_every_way_of_typing_tra_doc(typed):
    assert fold_text(typed) == "tra doc"


def test_fold_text_keeps_letters_that_are_not_look_alikes():
    assert fold_text("Ông Ơn Ưng Ăn Ân") == "ong on ung an an"
    assert fold_text("Жизнь") == "жизнь"
