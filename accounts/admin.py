from django.contrib import admin, messages
from django.contrib.auth.admin import UserAdmin
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from agencies.selectors import issuer_as_of
from campaign_portal.audit import audit_record

from .models import User

# What decides what an account may see and do: a change to any of these is written to the audit log.
ACCESS_FIELDS = ("role", "agency_id", "is_active", "is_staff", "is_superuser")


def _access(user: User) -> dict:
    values = {name: getattr(user, name) for name in ACCESS_FIELDS}
    values["agency"] = str(user.agency) if user.agency_id else None
    return values


@admin.register(User)
class PortalUserAdmin(UserAdmin):
    list_display = ("username", "last_name", "first_name", "role", "agency", "is_active")
    list_filter = ("role", "is_active", "agency__level")
    search_fields = ("username", "first_name", "last_name", "email", "agency__name")
    autocomplete_fields = ("agency",)
    list_select_related = ("agency",)
    # No per-user model permissions: the portal's rules answer every permission from the role, and
    # the admin's two record views (initiatives, nominations) ask the same rules.
    fieldsets = tuple(
        (name, {**options, "fields": tuple(f for f in options["fields"] if f != "user_permissions")})
        for name, options in UserAdmin.fieldsets
    ) + ((_("Vai trò trên cổng"), {"fields": ("role", "agency", "position", "phone")}),)
    add_fieldsets = UserAdmin.add_fieldsets + ((_("Vai trò trên cổng"), {"fields": ("role", "agency")}),)
    actions = ["move_to_successor"]

    @admin.action(description=_("Chuyển tài khoản của cơ quan đã ngừng hoạt động sang đơn vị kế thừa"))
    def move_to_successor(self, request, queryset):
        """Each selected account of a closed agency moves to the agency that stands for it today (the
        principal successor, followed through every change), all or none, one audit row per account."""
        today = timezone.localdate()
        moved, stuck = [], []
        with transaction.atomic():
            for user in queryset.select_related("agency").select_for_update(of=("self",)):
                agency = user.agency
                if agency is None or agency.is_active_on(today):
                    continue
                successor = issuer_as_of(agency, today)
                if successor is None:
                    stuck.append(f"{user.username} ({agency.name})")
                    continue
                user.agency = successor
                user.save(update_fields=["agency"])
                audit_record(
                    actor=request.user,
                    action="accounts.user.move_to_successor",
                    target=user,
                    before={"agency_id": agency.pk, "agency": agency.name},
                    after={"agency_id": successor.pk, "agency": successor.name},
                )
                moved.append(f"{user.username} → {successor.name}")
        if moved:
            self.message_user(
                request,
                ngettext(
                    "Đã chuyển %(n)d tài khoản sang đơn vị kế thừa: %(list)s.",
                    "Đã chuyển %(n)d tài khoản sang đơn vị kế thừa: %(list)s.",
                    len(moved),
                )
                % {"n": len(moved), "list": "; ".join(moved)},
                messages.SUCCESS,
            )
        if stuck:
            self.message_user(
                request,
                _(
                    "Không chuyển được %(list)s: cơ quan đã ngừng hoạt động nhưng không có đơn vị kế thừa đang hoạt "
                    "động. Hãy chọn cơ quan mới cho từng tài khoản."
                )
                % {"list": "; ".join(stuck)},
                messages.WARNING,
            )
        if not moved and not stuck:
            self.message_user(
                request,
                _("Các tài khoản đã chọn đều thuộc cơ quan đang hoạt động: không có gì để chuyển."),
                messages.INFO,
            )

    def has_delete_permission(self, request, obj=None):
        """An account is disabled, never deleted: the audit log and the records name who acted, and
        a delete page would list the records the account touched."""
        return False

    def save_model(self, request, obj, form, change):
        # The admin runs this inside the change view's transaction: the audit row exists exactly when the change does.
        before = _access(User.objects.get(pk=obj.pk)) if change else None
        super().save_model(request, obj, form, change)
        after = _access(obj)
        if before == after:
            return
        audit_record(
            actor=request.user,
            action="accounts.user.access_change" if change else "accounts.user.create",
            target=obj,
            before={k: v for k, v in before.items() if v != after[k]} if before else None,
            after={k: v for k, v in after.items() if not before or v != before[k]},
        )

    def save_related(self, request, form, formsets, change):
        groups_before = set(form.instance.groups.values_list("name", flat=True)) if change else set()
        super().save_related(request, form, formsets, change)
        groups_after = set(form.instance.groups.values_list("name", flat=True))
        if groups_before != groups_after:
            audit_record(
                actor=request.user,
                action="accounts.user.groups_change",
                target=form.instance,
                before={"groups": sorted(groups_before)},
                after={"groups": sorted(groups_after)},
            )
