"""A plain Django admin for nominations: the tool a Django team would otherwise hand its staff.

Kept minimal on purpose: `make bench` measures its change list beside the review queue (same
model, same rows, same columns, same page size)."""

from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from .models import Nomination


@admin.register(Nomination)
class NominationAdmin(admin.ModelAdmin):
    list_display = ("nominee", "agency", "award_form", "submitted_at", "state", "verdict")
    list_filter = ("state", "verdict", "nominee_type", "campaign")
    list_select_related = ("agency", "nominee_agency", "award_form")
    search_fields = ("search_text",)
    raw_id_fields = ("agency", "nominee_agency", "created_by")
    readonly_fields = ("state", "verdict", "submitted_at", "checked_at")
    list_per_page = 50

    @admin.display(description=_("Đối tượng đề nghị"))
    def nominee(self, obj: Nomination) -> str:
        return obj.nominee_label
