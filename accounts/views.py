from django.contrib.auth import views as auth_views
from django.urls import reverse_lazy

from .forms import PortalLoginForm


class PortalLoginView(auth_views.LoginView):
    template_name = "accounts/login.html"
    authentication_form = PortalLoginForm
    redirect_authenticated_user = True


class PortalPasswordChangeView(auth_views.PasswordChangeView):
    template_name = "accounts/password_change.html"
    success_url = reverse_lazy("accounts:password_change_done")


class PortalPasswordChangeDoneView(auth_views.PasswordChangeDoneView):
    template_name = "accounts/password_change_done.html"
