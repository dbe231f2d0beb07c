from django.contrib.auth import views as auth_views
from django.urls import path

from . import views

app_name = "accounts"
urlpatterns = [
    path("dang-nhap/", views.PortalLoginView.as_view(), name="login"),
    path("dang-xuat/", auth_views.LogoutView.as_view(), name="logout"),
    path("doi-mat-khau/", views.PortalPasswordChangeView.as_view(), name="password_change"),
    path("doi-mat-khau/xong/", views.PortalPasswordChangeDoneView.as_view(), name="password_change_done"),
]
