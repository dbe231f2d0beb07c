"""The database's own bounds, checked before a value reaches it.

A column refuses what it cannot hold (PostgreSQL: `numeric field overflow`, `value too long`) or,
on SQLite, stores it and fails every later read. Forms built from the models get these bounds
from Django; imports and hand-written form fields ask here, so every way in answers with a
Vietnamese message naming the field instead of an error page."""

from decimal import ROUND_HALF_UP, Decimal, localcontext

from django.core.exceptions import ValidationError
from django.db import connections, models, router
from django.utils.translation import gettext as _

# SQLite keeps a decimal as a 64-bit float, exact to 15 significant digits, and Django reads back
# that many: a 16th digit comes back changed (99999999999999.99 as 10^14).
SQLITE_SIGNIFICANT_DIGITS = 15


def decimal_for_field(value: Decimal, field: models.DecimalField, *, vendor: str | None = None) -> Decimal:
    """`value` rounded as the column rounds it, or ValidationError when the rounded value has more
    digits than the column holds: 99999999999999.999 passes a "< 10^14" test and rounds to 10^14.
    On SQLite (`vendor`, by default that of the model's database) the value must also come back
    as it was stored, so it may have at most 15 significant digits."""
    whole_digits = field.max_digits - field.decimal_places
    limit = Decimal(10) ** whole_digits
    if not value.is_finite() or abs(value) >= limit:
        raise _too_large(field, limit)
    with localcontext() as context:
        context.prec = field.max_digits + 1
        rounded = value.quantize(Decimal(1).scaleb(-field.decimal_places), rounding=ROUND_HALF_UP)
    if abs(rounded) >= limit:
        raise _too_large(field, limit)
    vendor = vendor or connections[router.db_for_write(field.model)].vendor
    if vendor == "sqlite" and len(rounded.normalize().as_tuple().digits) > SQLITE_SIGNIFICANT_DIGITS:
        raise ValidationError(
            _("%(field)s: quá nhiều chữ số, tối đa %(digits)d chữ số (kể cả phần thập phân).")
            % {"field": str(field.verbose_name).capitalize(), "digits": SQLITE_SIGNIFICANT_DIGITS},
            code="max_digits",
        )
    return rounded


def _too_large(field: models.DecimalField, limit: Decimal) -> ValidationError:
    largest = f"{limit - Decimal(1).scaleb(-field.decimal_places):,f}"
    largest = largest.replace(",", " ").replace(".", ",").replace(" ", ".")  # Vietnamese: 1.234,5
    return ValidationError(
        _("%(field)s: số quá lớn, tối đa %(largest)s (sau khi làm tròn tới %(places)d chữ số thập phân).")
        % {"field": str(field.verbose_name).capitalize(), "largest": largest, "places": field.decimal_places},
        code="max_value",
    )


def text_field_errors(model: type[models.Model], values: dict[str, str]) -> list[str]:
    """Messages for text the model's columns would refuse (over `max_length`, a code that is not a
    slug...), each naming its field; empty when every value fits."""
    errors = []
    for name, value in values.items():
        field = model._meta.get_field(name)
        try:
            field.run_validators(value)
        except ValidationError as error:
            errors.append(f"{str(field.verbose_name).capitalize()}: {' '.join(error.messages)}")
    return errors
