from django.contrib import admin
from django.contrib.auth.admin import UserAdmin
from django.utils.translation import gettext_lazy as _

from .models import User


@admin.register(User)
class PortalUserAdmin(UserAdmin):
    list_display = ("username", "last_name", "first_name", "role", "agency", "is_active")
    list_filter = ("role", "is_active", "agency__level")
    search_fields = ("username", "first_name", "last_name", "email", "agency__name")
    autocomplete_fields = ("agency",)
    list_select_related = ("agency",)
    fieldsets = UserAdmin.fieldsets + ((_("Vai trò trên cổng"), {"fields": ("role", "agency", "position", "phone")}),)
    add_fieldsets = UserAdmin.add_fieldsets + ((_("Vai trò trên cổng"), {"fields": ("role", "agency")}),)
