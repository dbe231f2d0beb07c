"""Django admin for awards: only a read-only view of nominations, for staff whom the portal's rules
let read them (the administrator is not one of them). Criteria and award forms are edited in the
portal's own pages, which check them and write the audit log. The administrator manages here the
trusted root certificates that signed dossiers are verified against."""

from django import forms
from django.contrib import admin
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from accounts.rules import is_administrator

from .models import Nomination, TrustAnchor
from .services import trust_anchor_add, trust_anchor_read, trust_anchor_set_active

# A root certificate is a few kilobytes; a larger file is not one.
MAX_CERTIFICATE_BYTES = 64 * 1024


@admin.register(Nomination)
class NominationAdmin(admin.ModelAdmin):
    """Read-only: every change of a nomination goes through the services (workflow, audit)."""

    list_display = [
        "pk",
        "agency",
        "nominee_name",
        "nominee_agency",
        "award_form",
        "state",
        "verdict",
        "received_on",
        "receipt_channel",
    ]
    list_filter = ["campaign", "state", "verdict"]
    list_select_related = ["agency", "nominee_agency", "award_form"]

    def has_view_permission(self, request, obj=None):
        """The portal's rules answer for the admin too (they refuse obj=None): staff who may read the
        review queue see the list, and each nomination as the portal's rule allows."""
        if obj is None:
            return request.user.is_staff and request.user.has_perm("awards.view_nomination_list")
        return request.user.has_perm("awards.view_nomination", obj)

    def has_change_permission(self, request, obj=None):
        return False

    def has_add_permission(self, request):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


class TrustAnchorForm(forms.ModelForm):
    """A root certificate is uploaded as a file (PEM or DER); the service reads and checks it."""

    certificate_file = forms.FileField(
        label=_("tệp chứng thư gốc"), help_text=_("Chứng thư X.509 dạng PEM (.pem, .crt) hoặc DER (.cer, .der).")
    )

    class Meta:
        model = TrustAnchor
        fields = ["name", "active"]

    def clean_certificate_file(self):
        upload = self.cleaned_data["certificate_file"]
        if upload.size > MAX_CERTIFICATE_BYTES:
            raise ValidationError(_("Tệp chứng thư quá lớn (tối đa 64 KB)."))
        data = upload.read()
        trust_anchor_read(data)
        return data


@admin.register(TrustAnchor)
class TrustAnchorAdmin(admin.ModelAdmin):
    """The administrator's list of trusted roots for signed dossiers: added from a file, then only
    renamed or switched off (kept, so past verdicts still name it)."""

    list_display = ["name", "subject", "not_after", "active", "added_by", "added_at"]
    list_filter = ["active"]
    readonly_fields = ["subject", "fingerprint", "not_after", "added_by", "added_at"]

    def get_form(self, request, obj=None, change=False, **kwargs):
        if obj is None:
            kwargs["form"] = TrustAnchorForm
        return super().get_form(request, obj, change=change, **kwargs)

    def get_readonly_fields(self, request, obj=None):
        return self.readonly_fields if obj is not None else []

    def save_model(self, request, obj, form, change):
        if change:
            trust_anchor_set_active(user=request.user, anchor=obj, name=obj.name, active=obj.active)
            return
        anchor = trust_anchor_add(
            user=request.user, name=obj.name, certificate=form.cleaned_data["certificate_file"], active=obj.active
        )
        obj.pk = anchor.pk

    def has_module_permission(self, request):
        return is_administrator.test(request.user)

    def has_view_permission(self, request, obj=None):
        return is_administrator.test(request.user)

    def has_add_permission(self, request):
        return is_administrator.test(request.user)

    def has_change_permission(self, request, obj=None):
        return is_administrator.test(request.user)

    def has_delete_permission(self, request, obj=None):
        return False
