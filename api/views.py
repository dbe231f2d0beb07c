"""The API's endpoints. Each reads through the owning app's selector for published data — the
same reads as an official's pages, less drafts — and answers JSON only."""

from django.core.exceptions import ValidationError as DjangoValidationError
from django.utils.cache import patch_cache_control
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import exceptions, generics

from awards.register import register_entries, register_entries_with_agencies
from awards.selectors import campaign_progress
from campaigns.models import Campaign
from campaigns.selectors import campaign_detail, campaign_list
from initiatives.selectors import initiatives_published

from . import serializers
from .authentication import IsApiClient
from .filters import AwardFilterSet, InitiativeFilterSet, IsoDateField
from .pagination import RegisterPagination


class ApiView(generics.GenericAPIView):
    # DRF's own refusals are English; a system's developer reads the portal's language. (No
    # docstring here: drf-spectacular would print it under every endpoint.)

    def permission_denied(self, request, message=None, code=None):
        if request.authenticators and not request.successful_authenticator:
            raise exceptions.NotAuthenticated(IsApiClient.message)
        super().permission_denied(request, message, code)

    def http_method_not_allowed(self, request, *args, **kwargs):
        raise exceptions.MethodNotAllowed(
            request.method, detail=_("Phương thức %(method)s: API chỉ đọc (GET).") % {"method": request.method}
        )

    def throttled(self, request, wait):
        raise exceptions.Throttled(
            wait, detail=_("Quá nhiều yêu cầu từ hệ thống này: thử lại sau %(wait)d giây.") % {"wait": wait or 1}
        )

    def finalize_response(self, request, response, *args, **kwargs):
        # The data is published, yet read with a token: no shared cache may keep one system's answers.
        patch_cache_control(response, private=True, no_store=True)
        return super().finalize_response(request, response, *args, **kwargs)


@extend_schema(tags=["phong-trao"], summary=gettext_lazy("Các phong trào thi đua"))
class CampaignListView(ApiView, generics.ListAPIView):
    """Mọi phong trào, mới nhất trước, với văn bản kế hoạch và số cơ quan phải gửi hồ sơ."""

    serializer_class = serializers.CampaignSerializer

    def get_queryset(self):
        return campaign_list()


@extend_schema(tags=["phong-trao"], summary=gettext_lazy("Một phong trào, theo mã"))
class CampaignDetailView(ApiView, generics.RetrieveAPIView):
    """Một phong trào theo mã (ví dụ ntm-2025), với danh sách cơ quan phải gửi hồ sơ và các văn bản liên quan."""

    serializer_class = serializers.CampaignDetailSerializer
    pagination_class = None

    def get_object(self):
        try:
            return campaign_detail(code=self.kwargs["code"])
        except Campaign.DoesNotExist:
            raise exceptions.NotFound(_("Không có phong trào mã “%(code)s”.") % {"code": self.kwargs["code"]}) from None


@extend_schema(
    tags=["phong-trao"],
    summary=gettext_lazy("Tiến độ gửi hồ sơ của một phong trào: đúng hạn, trễ hạn, chưa gửi theo từng cơ quan"),
    parameters=[
        OpenApiParameter(
            "as_of", OpenApiTypes.DATE, description=gettext_lazy("Tính đến ngày (YYYY-MM-DD); mặc định hôm nay.")
        )
    ],
)
class CampaignProgressView(CampaignDetailView):
    """Số cơ quan gửi hồ sơ đúng hạn / trễ hạn / chưa gửi / đã sáp nhập trên số phải gửi (“25/43”), và
    từng cơ quan với ngày nhận hồ sơ đầu tiên, tính như trang Tiến độ của cổng."""

    serializer_class = serializers.CampaignProgressSerializer

    def get_object(self):
        field = IsoDateField(required=False)
        try:
            as_of = field.clean(self.request.query_params.get("as_of"))
        except DjangoValidationError as error:
            raise exceptions.ValidationError({"as_of": error.messages}) from None
        return campaign_progress(campaign=super().get_object(), as_of=as_of)


@extend_schema(tags=["sang-kien"], summary=gettext_lazy("Sáng kiến, mô hình đã đăng ký (không có bản nháp)"))
class InitiativeListView(ApiView, generics.ListAPIView):
    """Sáng kiến, mô hình, giải pháp từ trạng thái “Đã đăng ký” trở đi, sửa đổi gần nhất trước; không có
    bản nháp, tệp minh chứng hay nhận xét thẩm định."""

    serializer_class = serializers.InitiativeSerializer
    filterset_class = InitiativeFilterSet

    def get_queryset(self):
        return initiatives_published().order_by("-updated_at", "-pk")


@extend_schema(
    tags=["khen-thuong"],
    summary=gettext_lazy("Sổ khen thưởng: khen thưởng trên cổng và khen thưởng ghi nhận trước khi có cổng"),
)
class AwardListView(ApiView, generics.ListAPIView):
    """Sổ khen thưởng qua các năm: đề nghị đã có quyết định trên cổng (source = portal) và khen thưởng ghi
    nhận trước khi có cổng (source = record), ngày quyết định mới nhất trước. Với cá nhân chỉ có những gì
    quyết định công bố: họ tên, chức vụ, đơn vị; không có hồ sơ, tệp, thành tích hay số liệu kê khai."""

    serializer_class = serializers.AwardSerializer
    filterset_class = AwardFilterSet
    pagination_class = RegisterPagination

    def get_queryset(self):
        return register_entries()

    def paginate_queryset(self, queryset):
        return register_entries_with_agencies(super().paginate_queryset(queryset))
