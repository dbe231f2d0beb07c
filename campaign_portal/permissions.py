"""The one view mixin for pages whose very existence is staff business (a campaign's set-up): a
signed-in user without the permission gets 404, as a hidden record does, rather than a 403 that
says the page is there. Anonymous users are sent to log in as everywhere else."""

from django.contrib.auth.mixins import LoginRequiredMixin
from django.http import Http404
from rules.contrib.views import PermissionRequiredMixin


class HiddenWithoutPermissionMixin(LoginRequiredMixin, PermissionRequiredMixin):
    def handle_no_permission(self):
        if self.request.user.is_authenticated:
            raise Http404
        return super().handle_no_permission()
