from django.db import models
from django.utils.translation import gettext_lazy as _


class ApiScope(models.TextChoices):
    """What a token may do. The API only reads; the scope is stored so that a token issued today
    never gains a write scope added later without the administrator issuing a new one."""

    READ = "read", _("Chỉ đọc")
