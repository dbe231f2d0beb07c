"""Vietnamese text helpers shared by every app.

Two different jobs, kept apart on purpose:
- `plain_text` is what every piece of text goes through on the way in (forms, query strings,
  uploaded file names, spreadsheet cells) and on the way out (the PDF, the DOCX, the spreadsheets,
  the pages), for text stored before (a shell, an earlier release). It composes (`nfc`): the same
  letter typed on a Mac, pasted from a PDF or entered with a Telex keyboard can arrive precomposed
  ("ệ", one code point) or decomposed ("e" + two combining marks); stored text is composed, so it
  prints, sorts, compares and is found the same way. And it drops the bidirectional controls
  (`BIDI_CONTROLS`): a right-to-left override in one title would print what follows it backwards
  (the next initiative's name in the report), and no Vietnamese text needs one. Neither changes
  the letters a reader sees, so both are safe to apply to everything.
- `fold_text` is for search only, on both sides (the stored `search_text` and the query): lower
  case, no diacritics, and look-alike letters folded to the Latin letter a Vietnamese reader sees.
  Look-alikes are folded here and not on the way in, because replacing a letter changes the text:
  a name typed with a Cyrillic "Т" is kept as typed (and shown to the reviewer as typed), but
  searching "Trà" still finds it, and "Trà Ðốc" typed with the Icelandic Ð finds "Trà Đốc".
A third job, sorting, is neither: `fold_text` would put "Đại Lộc" among the D's, and Python's
own order puts every Đ after Z. `vietnamese_sort_key` (lists sorted in Python) and
`vietnamese_order` (ORDER BY in PostgreSQL) sort as a Vietnamese dictionary does.
"""

import functools
import re
import unicodedata

from django.db import connection
from django.db.models import F
from django.db.models.functions import Collate

# Letters that look like the Vietnamese đ/Đ: U+0110/U+0111 (the Vietnamese letters), U+00D0/U+00F0
# (Icelandic eth: what "Đ" becomes when text in an old 8-bit encoding is read as Latin-1) and
# U+0189/U+0256 (African D). None of them decomposes to "d", so NFKD alone would not fold them.
_D_LOOKALIKES = {"Đ": "D", "đ": "d", "Ð": "D", "ð": "d", "Ɖ": "D", "ɖ": "d"}
# Cyrillic and Greek capitals and small letters drawn like the Latin ones Vietnamese uses: text
# pasted from documents typed with a Russian keyboard layout or spoofed on purpose.
_CYRILLIC = "АВСЕНІЈКМОРЅТХУаеіјорсѕху"
_CYRILLIC_LATIN = "ABCEHIJKMOPSTXYaeijopcsxy"
_GREEK = "ΑΒΕΖΗΙΚΜΝΟΡΤΥΧοιν"
_GREEK_LATIN = "ABEZHIKMNOPTYXoiv"
CONFUSABLES = str.maketrans(
    {
        **_D_LOOKALIKES,
        **dict(zip(_CYRILLIC, _CYRILLIC_LATIN, strict=True)),
        **dict(zip(_GREEK, _GREEK_LATIN, strict=True)),
    }
)


def nfc(value: str) -> str:
    """The composed (NFC) form; cheap when the text is already composed, as it nearly always is."""
    if unicodedata.is_normalized("NFC", value):
        return value
    return unicodedata.normalize("NFC", value)


# The invisible characters that reorder text: the embeddings and overrides (U+202A–U+202E), the
# isolates (U+2066–U+2069) and the marks (left-to-right, right-to-left, Arabic letter mark).
BIDI_CONTROLS = "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u200e\u200f\u061c"
_WITHOUT_BIDI_CONTROLS = str.maketrans(dict.fromkeys(BIDI_CONTROLS))
_HAS_BIDI_CONTROL = re.compile(f"[{BIDI_CONTROLS}]")


def plain_text(value: str) -> str:
    """The text as the portal stores and prints it: composed (NFC), without bidirectional controls.
    Cheap (and the same object) when the text is already so, as it nearly always is."""
    if _HAS_BIDI_CONTROL.search(value):
        value = value.translate(_WITHOUT_BIDI_CONTROLS)
    return nfc(value)


def fold_text(value: str) -> str:
    """The search key of a text: "Trà Ðốc", "TRÀ ĐỐC" and "tra doc" all give "tra doc".

    Look-alike letters become the Latin letter (see CONFUSABLES), compatibility forms (full-width
    letters, ligatures) their plain letters (NFKD), diacritics and invisible format characters
    (zero-width space, soft hyphen) are dropped, and runs of spaces become one."""
    decomposed = unicodedata.normalize("NFKD", (value or "").translate(CONFUSABLES))
    stripped = "".join(ch for ch in decomposed if unicodedata.category(ch) not in ("Mn", "Cf"))
    return " ".join(stripped.lower().split())


# A quotation inside a quotation: “…” or "…" inside the text, once it is itself quoted.
_INNER_QUOTE = re.compile(r'[“"]([^“”"]*)[”"]')


def inner_quotes(value: str) -> str:
    """The text's own quotations as single quotes, for a text that is about to be quoted: the
    Vietnamese usage is “Mô hình ‘Một chạm’”, not “Mô hình “Một chạm””."""
    return _INNER_QUOTE.sub(r"‘\1’", value or "")


def quoted(value: str) -> str:
    """The text in double quotes, its own quotations single: “Mô hình ‘Một chạm’”."""
    return f"“{inner_quotes(value)}”"


# Vietnamese dictionary order: a ă â b c d đ e ê … o ô ơ … u ư …, and among words spelled alike,
# the tones: none, huyền, hỏi, ngã, sắc, nặng (compared after the letters, as ICU's "vi" does).
_LETTER_MARKS = {"\u0306": 1, "\u0302": 2, "\u031b": 3}  # breve (ă), circumflex (â ê ô), horn (ơ ư)
_TONE_MARKS = {"\u0300": 1, "\u0309": 2, "\u0303": 3, "\u0301": 4, "\u0323": 5}
_AS_VIETNAMESE_D = str.maketrans({"Ð": "Đ", "ð": "đ", "Ɖ": "Đ", "ɖ": "đ"})


def vietnamese_sort_key(value: str) -> tuple:
    """The key that sorts texts in Vietnamese order: "Duy Xuyên" < "Đại Lộc" < "Điện Bàn"; "An" <
    "Ăn" < "Ân"; "Ba" < "Bà" < "Bả" < "Bã" < "Bá" < "Bạ". Case counts last."""
    keys = [_letter_key(char) for char in nfc(value or "").translate(_AS_VIETNAMESE_D)]
    return ([letter for letter, _tone in keys], [tone for _letter, tone in keys], value or "")


@functools.lru_cache(maxsize=4096)
def _letter_key(char: str) -> tuple[int, int]:
    """A letter's place and its tone; kept, as the alphabet is small and lists sort the same letters
    over and over (a province's 5,000 agency names)."""
    base, *marks = unicodedata.normalize("NFD", char.lower())
    if char in "Đđ":
        base, marks = "d", ["đ"]
    rank = 1 if "đ" in marks else max((_LETTER_MARKS.get(mark, 0) for mark in marks), default=0)
    return ord(base) * 4 + rank, max((_TONE_MARKS.get(mark, 0) for mark in marks), default=0)


def vietnamese_collated(expression):
    """`expression` in Vietnamese order: PostgreSQL's ICU collation "vi-x-icu". SQLite has no
    such collation: lists read from it sort with `vietnamese_sort_key` where the order matters.
    As an annotation, a GROUP BY query can order by it without repeating the expression."""
    return Collate(expression, "vi-x-icu") if connection.vendor == "postgresql" else expression


def vietnamese_order(field: str, *, descending: bool = False):
    """ORDER BY `field` in Vietnamese order (see `vietnamese_collated`)."""
    expression = vietnamese_collated(F(field))
    return expression.desc() if descending else expression.asc()
