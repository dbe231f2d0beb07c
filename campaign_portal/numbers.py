"""One way to write a number, a percentage and a file size, in the active language: Vietnamese
groups thousands with "." and writes decimals after ",", English the other way round (the
separators are in campaign_portal/formats). A percentage is glued to its number ("100%", "5%"),
as the Department's own reports write it; other units follow a space ("21,0 MB", "10 ngày").
Templates use the same functions through the `portal` filters (number, percent, file_size)."""

from decimal import ROUND_HALF_UP, Decimal, localcontext

from django.utils import formats
from django.utils.translation import ngettext

# Units written without a space after the number.
GLUED_UNITS = {"%", "‰"}
_FILE_UNITS = ("KB", "MB", "GB", "TB")


def number_text(value, *, decimals: int | None = None) -> str:
    """The number with the active language's separators. Without `decimals`, as many decimals as
    the value has, at most two, without trailing zeros: 8630 → "8.630", 2.50 → "2,5"."""
    number = Decimal(str(value)) if isinstance(value, float) else Decimal(value)
    places = 2 if decimals is None else decimals
    if number.is_finite() and number.as_tuple().exponent < -places:
        # Rounded here: Django's number_format cuts the digits it does not show.
        with localcontext() as context:
            context.prec = max(context.prec, number.adjusted() + places + 2)
            number = number.quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP)
    if decimals is None:
        decimals = max(0, -number.normalize().as_tuple().exponent)
    return formats.number_format(number, decimal_pos=decimals, use_l10n=True, force_grouping=True)


def with_unit(number: str, unit: str) -> str:
    unit = (unit or "").strip()
    if not unit:
        return number
    return f"{number}{unit}" if unit in GLUED_UNITS else f"{number} {unit}"


def percent_text(value, *, decimals: int | None = None) -> str:
    return with_unit(number_text(value, decimals=decimals), "%")


def file_size_text(size: int) -> str:
    """Bytes below 1 KB, then KB, MB, GB with one decimal: "35,8 KB", "21,0 MB"."""
    size = int(size or 0)
    if size < 1024:
        return ngettext("%(size)s byte", "%(size)s byte", size) % {"size": number_text(size)}
    value = Decimal(size) / 1024
    for unit in _FILE_UNITS[:-1]:
        if value < 1024:
            return with_unit(number_text(value, decimals=1), unit)
        value /= 1024
    return with_unit(number_text(value, decimals=1), _FILE_UNITS[-1])
