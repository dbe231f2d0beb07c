"""How the report says a count, in one place: a Vietnamese official writes "không có hồ sơ nào
gửi sau thời hạn" rather than "0 hồ sơ", pads counts under ten with a zero ("01 hồ sơ", "09
phòng", as the reference report does) and groups thousands with a dot ("8.630")."""

from decimal import Decimal

from django.utils.translation import gettext as _


def number_text(value: Decimal | int) -> str:
    """Vietnamese digits: a dot between thousands, a comma before decimals."""
    value = Decimal(value)
    if value == value.to_integral_value():
        return f"{int(value):,}".replace(",", ".")
    whole, _sep, decimals = f"{value.normalize():,f}".partition(".")
    return f"{whole.replace(',', '.')},{decimals}"


def count_text(value: Decimal | int) -> str:
    """A count as the report writes it: "01"…"09" below ten, "8.630" above a thousand."""
    value = Decimal(value)
    if value == value.to_integral_value() and 0 < value < 10:
        return f"{int(value):02d}"
    return number_text(value)


def count_clause(count: int, noun: str, predicate: str = "") -> str:
    """ "không có hồ sơ nào gửi sau thời hạn", "có 01 hồ sơ gửi sau thời hạn", "có 12 hồ sơ …".

    `noun` is what is counted ("hồ sơ", "cơ quan, đơn vị, địa phương"); `predicate` what is said
    of it. The clause starts in lower case so that it fits inside a sentence."""
    if count == 0:
        text = _("không có %(noun)s nào") % {"noun": noun}
    else:
        text = _("có %(count)s %(noun)s") % {"count": count_text(count), "noun": noun}
    return f"{text} {predicate}".strip()
