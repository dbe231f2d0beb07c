"""The demo: Quang Nam in 2024 and its campaign under Plan 4064, loaded by `manage.py seed_demo`.

Demo data is data, not part of any domain app: this package sits at the top beside `home`, loads
through each app's services and models, and no app imports it."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DemoConfig(AppConfig):
    name = "demo"
    verbose_name = _("Dữ liệu minh họa")
