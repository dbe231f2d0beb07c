"""Vietnamese text helpers shared by every app."""

import unicodedata


def fold_text(value: str) -> str:
    """Lower-case, strip diacritics and the letter đ, so that "tra doc" matches "Trà Đốc"."""
    value = (value or "").replace("đ", "d").replace("Đ", "D")
    decomposed = unicodedata.normalize("NFD", value)
    stripped = "".join(ch for ch in decomposed if unicodedata.category(ch) != "Mn")
    return " ".join(stripped.lower().split())
