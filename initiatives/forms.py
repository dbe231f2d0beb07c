from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from agencies.models import Agency
from campaign_portal.datefields import DayMonthYearField
from campaign_portal.forms import TransitionForm as WorkflowTransitionForm
from campaign_portal.uploads import DOCUMENT_KINDS, validate_upload
from campaigns.models import Campaign, InitiativeCategory

from .models import Initiative
from .services import figures_as_text, parse_figures

DATE_WIDGET = forms.DateInput(format="%d/%m/%Y", attrs={"placeholder": "dd/mm/yyyy"})


def agency_checklist() -> forms.CheckboxSelectMultiple:
    """A long agency list as checkboxes in a scrolling box (templates wrap it in `.agency-checklist`):
    no Ctrl-click, and it works without JavaScript; static/js/initiatives.js adds a filter box above."""
    return forms.CheckboxSelectMultiple()


class AgencyMultipleChoiceField(forms.ModelMultipleChoiceField):
    def label_from_instance(self, obj):
        return obj.name


class InitiativeForm(forms.ModelForm):
    figures_text = forms.CharField(
        label=_("Số liệu kết quả"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3, "placeholder": _("Thời gian giải quyết: 09 ngày (rút ngắn 01 ngày)")}),
        help_text=_("Mỗi dòng một chỉ tiêu, dạng “Tên chỉ tiêu: giá trị”. Không bắt buộc."),
    )

    class Meta:
        model = Initiative
        fields = [
            "campaign",
            "kind",
            "category",
            "title",
            "description",
            "started_on",
            "implementing_units",
            "replicated_to",
            "results",
        ]
        field_classes = {
            "implementing_units": AgencyMultipleChoiceField,
            "replicated_to": AgencyMultipleChoiceField,
            "started_on": DayMonthYearField,
        }
        widgets = {
            "started_on": DATE_WIDGET,
            "description": forms.Textarea(attrs={"rows": 4}),
            "results": forms.Textarea(attrs={"rows": 3}),
            "implementing_units": forms.CheckboxSelectMultiple(attrs={"class": "form-check-input"}),
            "replicated_to": agency_checklist(),
        }

    def __init__(self, *args, agency: Agency | None, day=None, **kwargs):
        """`day`: the day the agencies are chosen as of (today on the page; the campaign's last day
        for an Excel import, initiatives/excel.py, which checks each row with this form). `agency`
        None: the import could not find the row's agency, and the rest of the row is still checked."""
        super().__init__(*args, **kwargs)
        self.agency = agency
        day = day or timezone.localdate()
        self.fields["campaign"].queryset = Campaign.objects.order_by("-period_start")
        self.fields["campaign"].empty_label = None
        self.fields["started_on"].error_messages["invalid"] = _("Ngày phải có dạng dd/mm/yyyy, ví dụ 15/03/2024.")
        self._category_choices()
        children = Agency.objects.active_on(day).filter(parent=agency).order_by("unit_type", "short_name")
        if agency is not None and children.exists():
            self.fields["implementing_units"].queryset = children
        else:
            del self.fields["implementing_units"]
        self.fields["replicated_to"].queryset = (
            Agency.objects.active_on(day).exclude(pk=getattr(agency, "pk", None)).order_by("level", "name")
        )
        self.fields["replicated_to"].help_text = _(
            "Đánh dấu từng đơn vị đã nhân rộng; gõ vào ô lọc để tìm nhanh (có thể gõ không dấu)."
        )
        if self.instance.pk:
            self.initial["figures_text"] = figures_as_text(self.instance.result_figures)

    def _category_choices(self) -> None:
        """Each campaign's categories under its name; the retired ones only where already chosen."""
        field = self.fields["category"]
        current = self.instance.category_id if self.instance.pk else None
        categories = (
            InitiativeCategory.objects.filter(Q(retired=False) | Q(pk=current))
            .select_related("campaign")
            .order_by("-campaign__period_start", "campaign_id", "position", "pk")
        )
        field.queryset = categories
        groups: dict[str, list] = {}
        for category in categories:
            groups.setdefault(category.campaign.name, []).append((category.pk, category.name))
        field.choices = [("", _("— Không phân loại —")), *groups.items()]
        field.help_text = _("Chọn lĩnh vực, nhóm của đúng phong trào đã chọn ở trên.")

    def clean(self):
        data = super().clean()
        campaign, category = data.get("campaign"), data.get("category")
        if campaign is None:
            return data
        started_on = data.get("started_on")
        if started_on is not None and started_on > max(campaign.period_end, timezone.localdate()):
            # A start after the campaign and after today is a typing slip (2030 for 2023), not a plan.
            self.add_error(
                "started_on",
                _("Ngày bắt đầu %(day)s ở sau cả hôm nay và ngày kết thúc phong trào (%(end)s): hãy kiểm tra lại năm.")
                % {"day": started_on.strftime("%d/%m/%Y"), "end": campaign.period_end.strftime("%d/%m/%Y")},
            )
        if category is not None and category.campaign_id != campaign.pk:
            self.add_error(
                "category",
                _("Lĩnh vực “%(name)s” không thuộc phong trào “%(campaign)s”.")
                % {"name": category.name, "campaign": campaign.name},
            )
        elif category is None and campaign.categories.filter(retired=False).exists():
            self.add_error("category", _("Hãy chọn lĩnh vực, nhóm: phong trào này có chia lĩnh vực, nhóm."))
        return data

    def clean_figures_text(self):
        return parse_figures(self.cleaned_data["figures_text"])

    def content_values(self) -> dict:
        data = self.cleaned_data
        values = {
            name: data[name]
            for name in ("campaign", "kind", "category", "title", "description", "started_on", "results")
        }
        values["result_figures"] = data["figures_text"]
        return values


class ReplicationForm(forms.Form):
    replicated_to = AgencyMultipleChoiceField(
        label=_("Nhân rộng đến"),
        queryset=Agency.objects.none(),
        required=False,
        widget=agency_checklist(),
    )

    def __init__(self, *args, agency: Agency, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["replicated_to"].queryset = (
            Agency.objects.active_on(timezone.localdate()).exclude(pk=agency.pk).order_by("level", "name")
        )


class EvidenceForm(forms.Form):
    file = forms.FileField(label=_("Tệp minh chứng"))
    description = forms.CharField(label=_("Mô tả"), max_length=255, required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["file"].help_text = _("PDF, Word, Excel, JPEG hoặc PNG; tối đa %(mb)d MB.") % {
            "mb": settings.PORTAL_UPLOAD_MAX_BYTES // 1048576
        }

    def clean_file(self):
        upload = self.cleaned_data["file"]
        validate_upload(upload, allowed=DOCUMENT_KINDS)
        return upload


ASSESSMENT_CHOICES = (("yes", _("Hiệu quả")), ("no", _("Chưa hiệu quả")))


class TransitionForm(WorkflowTransitionForm):
    reason = forms.CharField(label=_("Lý do, ghi chú"), required=False, widget=forms.Textarea(attrs={"rows": 2}))
    assessment_effective = forms.ChoiceField(
        label=_("Đánh giá"), choices=ASSESSMENT_CHOICES, required=False, widget=forms.RadioSelect
    )
    assessment_comment = forms.CharField(label=_("Nhận xét"), required=False, widget=forms.Textarea(attrs={"rows": 3}))
    # Registering without evidence is allowed (some evidence comes later) but asked for twice.
    confirm_no_evidence = forms.BooleanField(label=_("Tôi vẫn gửi đăng ký khi chưa có minh chứng"), required=False)

    def clean(self):
        data = super().clean()
        if data.get("transition") == "evaluate" and not data.get("assessment_effective"):
            raise ValidationError(_("Hãy chọn “Hiệu quả” hoặc “Chưa hiệu quả”."))
        return data

    @property
    def effective(self) -> bool | None:
        value = self.cleaned_data.get("assessment_effective")
        return {"yes": True, "no": False}.get(value)


class ImportForm(forms.Form):
    campaign = forms.ModelChoiceField(
        label=_("Phong trào"), queryset=Campaign.objects.order_by("-period_start"), empty_label=None
    )
    file = forms.FileField(label=_("Tệp Excel đã điền theo mẫu"))
