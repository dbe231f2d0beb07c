"""The administrator issues a token per system and revokes it; nothing else about a client is
edited. The token is shown once, on the page that answers the creation, and never again: only
its hash is stored."""

from django import forms
from django.contrib import admin, messages
from django.template.response import TemplateResponse
from django.utils.cache import add_never_cache_headers
from django.utils.translation import gettext_lazy as _

from .models import ApiClient
from .services import api_client_issue, api_client_revoke


class ApiClientAddForm(forms.ModelForm):
    class Meta:
        model = ApiClient
        fields = ("name",)

    def clean_name(self):
        name = " ".join(self.cleaned_data["name"].split())
        if ApiClient.objects.filter(name__iexact=name).exists():
            raise forms.ValidationError(_("Đã có hệ thống tên “%(name)s”.") % {"name": name})
        return name


@admin.register(ApiClient)
class ApiClientAdmin(admin.ModelAdmin):
    list_display = ("name", "token_prefix", "scope", "active", "created_at", "created_by", "last_used_at", "revoked_at")
    list_filter = ("active",)
    search_fields = ("name",)
    list_select_related = ("created_by", "revoked_by")
    actions = ["revoke"]
    readonly_fields = (
        "name",
        "token_prefix",
        "scope",
        "active",
        "created_at",
        "created_by",
        "revoked_at",
        "revoked_by",
        "last_used_at",
    )

    def get_form(self, request, obj=None, **kwargs):
        if obj is None:
            kwargs["form"] = ApiClientAddForm
        return super().get_form(request, obj, **kwargs)

    def get_readonly_fields(self, request, obj=None):
        return self.readonly_fields if obj is not None else ()

    def get_fields(self, request, obj=None):
        return ("name",) if obj is None else self.readonly_fields

    def has_delete_permission(self, request, obj=None):
        """Revoked, never deleted: the audit log names the client."""
        return False

    def get_actions(self, request):
        actions = super().get_actions(request)
        actions.pop("delete_selected", None)
        return actions

    def save_model(self, request, obj, form, change):
        if change:
            return
        client, token = api_client_issue(name=form.cleaned_data["name"], actor=request.user)
        # The admin goes on with `obj` (its log entry, the page that answers): make it the issued row.
        obj.pk = client.pk
        obj.refresh_from_db()
        request._api_token_issued = token

    def response_add(self, request, obj, post_url_continue=None):
        token = getattr(request, "_api_token_issued", None)
        if token is None:
            return super().response_add(request, obj, post_url_continue)
        response = TemplateResponse(
            request,
            "api/admin/token_issued.html",
            {**self.admin_site.each_context(request), "client": obj, "token": token, "opts": self.opts},
        )
        add_never_cache_headers(response)
        return response

    @admin.action(description=_("Thu hồi mã truy cập của các hệ thống đã chọn"), permissions=["change"])
    def revoke(self, request, queryset):
        revoked = 0
        for client in queryset.filter(active=True):
            api_client_revoke(client=client, actor=request.user)
            revoked += 1
        self.message_user(
            request,
            _("Đã thu hồi mã của %(n)d hệ thống.") % {"n": revoked},
            messages.SUCCESS,
        )
