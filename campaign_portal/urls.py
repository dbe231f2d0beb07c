from django.contrib import admin
from django.urls import include, path
from django.utils.translation import gettext_lazy as _
from django.views.i18n import set_language

admin.site.site_header = _("Cổng thi đua – khen thưởng – Quản trị")
admin.site.site_title = _("Quản trị cổng thi đua")
admin.site.index_title = _("Người dùng, cơ quan và nhật ký thao tác")

handler400 = "campaign_portal.errors.bad_request"
handler403 = "campaign_portal.errors.permission_denied"
handler404 = "campaign_portal.errors.page_not_found"

urlpatterns = [
    path("i18n/setlang/", set_language, name="set_language"),
    path("quan-tri/", admin.site.urls),
    path("tai-khoan/", include("accounts.urls")),
    path("co-quan/", include("agencies.urls")),
    path("sang-kien/", include("initiatives.urls")),
    path("phong-trao/", include("campaigns.urls")),
    path("khen-thuong/", include("awards.urls")),
    path("cong-khai/", include("awards.public_urls")),
    path("bao-cao/", include("reports.urls")),
    path("hoi-dong/", include("council.urls")),
    path("api/", include("api.urls")),
    path("", include("home.urls")),
]
