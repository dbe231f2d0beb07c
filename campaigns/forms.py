"""Forms of the campaign set-up: the campaign with its plan document, its related documents and
the picker of the agencies expected to report."""

import datetime

from django import forms
from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.text import capfirst, format_lazy
from django.utils.translation import gettext_lazy as _

from agencies.enums import AgencyKind
from agencies.models import Agency

from .enums import DocumentType
from .models import Campaign, InitiativeCategory

DATE_WIDGET = forms.DateInput(format="%d/%m/%Y", attrs={"placeholder": "dd/mm/yyyy"})


def _date_messages(label) -> dict:
    """Messages that name the date field; lazy, so they follow the reader's language."""
    return {
        "required": format_lazy(_("Hãy nhập {label} (dd/mm/yyyy)."), label=label),
        "invalid": format_lazy(_("{label} phải là một ngày có dạng dd/mm/yyyy."), label=capfirst(label)),
    }


# A deadline later than this after the period's end is a typing slip (a wrong year), not a plan.
DEADLINE_AFTER_END_MAX = datetime.timedelta(days=366)
PERIOD_MAX = datetime.timedelta(days=366 * 10)


class CampaignForm(forms.ModelForm):
    """The campaign's own fields and its plan document, which may be of any type (a Quyết định,
    a Chỉ thị…). The expected agencies have their own page: they are picked from the hierarchy
    as it stood on the period's first day, which this form sets."""

    plan_doc_type = forms.ChoiceField(
        label=_("Loại văn bản phát động"), choices=DocumentType.choices, initial=DocumentType.PLAN
    )
    plan_number_symbol = forms.CharField(
        label=_("Số, ký hiệu văn bản phát động"),
        max_length=64,
        help_text=_("Ví dụ: 1520/QĐ-UBND, 12/KH-UBND"),
        error_messages={"required": _("Hãy nhập số, ký hiệu của văn bản phát động.")},
    )
    plan_issued_on = forms.DateField(
        label=_("Ngày ban hành văn bản phát động"),
        widget=DATE_WIDGET,
        error_messages=_date_messages(_("ngày ban hành văn bản phát động")),
    )
    plan_issuer = forms.CharField(
        label=_("Cơ quan ban hành văn bản phát động"),
        max_length=255,
        error_messages={"required": _("Hãy nhập cơ quan ban hành văn bản phát động.")},
    )
    plan_subject = forms.CharField(
        label=_("Trích yếu văn bản phát động"), required=False, widget=forms.Textarea(attrs={"rows": 2})
    )
    copy_from = forms.ModelChoiceField(
        label=_("Sao chép từ phong trào trước"),
        queryset=Campaign.objects.order_by("-period_start", "code"),
        required=False,
        empty_label=_("— Không sao chép, bắt đầu trống —"),
        help_text=_(
            "Sao chép hình thức khen thưởng, thành phần hồ sơ, tiêu chí, chỉ số và các cơ quan phải báo cáo "
            "(cơ quan đã giải thể được thay bằng cơ quan kế thừa). Văn bản không được sao chép."
        ),
    )

    class Meta:
        model = Campaign
        fields = [
            "code",
            "name",
            "issuing_authority",
            "organiser",
            "place_name",
            "period_start",
            "period_end",
            "nomination_deadline",
            "publishes_proposed_list",
        ]
        widgets = {
            "name": forms.Textarea(attrs={"rows": 2}),
            "period_start": DATE_WIDGET,
            "period_end": DATE_WIDGET,
            "nomination_deadline": DATE_WIDGET,
        }
        error_messages = {
            "period_start": _date_messages(_("ngày bắt đầu thời gian thực hiện")),
            "period_end": _date_messages(_("ngày kết thúc thời gian thực hiện")),
            "nomination_deadline": _date_messages(_("hạn gửi hồ sơ đề nghị khen thưởng")),
            "code": {"required": _("Hãy nhập mã phong trào (chữ không dấu, số, gạch ngang).")},
            "name": {"required": _("Hãy nhập tên phong trào.")},
            "organiser": {"required": _("Hãy chọn cơ quan tổng hợp.")},
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        today = timezone.localdate()
        top = Agency.objects.exclude(kind__in=[AgencyKind.COMMUNE_COMMITTEE, AgencyKind.SUBUNIT])
        self.fields["organiser"].queryset = top.active_on(today).order_by("level", "name")
        plan = self.instance.plan_document if self.instance.pk else None
        if plan is not None:
            self.initial.update(
                plan_doc_type=plan.doc_type,
                plan_number_symbol=plan.number_symbol,
                plan_issued_on=plan.issued_on,
                plan_issuer=plan.issuer,
                plan_subject=plan.subject,
            )
        if self.instance.pk:
            # A campaign is copied only when it starts.
            del self.fields["copy_from"]

    def clean(self):
        data = super().clean()
        start, end, deadline = data.get("period_start"), data.get("period_end"), data.get("nomination_deadline")
        if start and end and end < start:
            self.add_error("period_end", _("Ngày kết thúc phải sau ngày bắt đầu."))
        elif start and end and end - start > PERIOD_MAX:
            self.add_error("period_end", _("Ngày kết thúc: thời gian thực hiện dài hơn 10 năm; hãy kiểm tra năm."))
        if end and deadline and deadline < end:
            self.add_error("nomination_deadline", _("Hạn gửi hồ sơ không được trước ngày kết thúc phong trào."))
        elif end and deadline and deadline - end > DEADLINE_AFTER_END_MAX:
            self.add_error(
                "nomination_deadline",
                _(
                    "Hạn gửi hồ sơ đề nghị khen thưởng không được sau ngày kết thúc phong trào quá một năm; "
                    "hãy kiểm tra năm."
                ),
            )
        return data

    def plan_values(self) -> dict:
        data = self.cleaned_data
        return {
            "doc_type": data["plan_doc_type"],
            "number_symbol": data["plan_number_symbol"].strip(),
            "issued_on": data["plan_issued_on"],
            "issuer": data["plan_issuer"].strip(),
            "subject": data["plan_subject"].strip(),
        }


class ExpectedAgenciesForm(forms.Form):
    """The agencies ticked on the picker page, and which group button (if any) was pressed."""

    agency = forms.ModelMultipleChoiceField(
        label=_("Cơ quan, đơn vị phải báo cáo"), queryset=Agency.objects.all(), required=False
    )
    add_group = forms.ChoiceField(label=_("Nhóm cần chọn"), choices=AgencyKind.choices, required=False)
    remove_group = forms.ChoiceField(label=_("Nhóm cần bỏ"), choices=AgencyKind.choices, required=False)

    def chosen(self, groups) -> list[Agency]:
        """The ticked agencies, with the pressed group's added or removed."""
        agencies = {agency.pk: agency for agency in self.cleaned_data["agency"]}
        for group in groups:
            if group.kind == self.cleaned_data["add_group"]:
                agencies.update({agency.pk: agency for agency in group.agencies})
            if group.kind == self.cleaned_data["remove_group"]:
                for agency in group.agencies:
                    agencies.pop(agency.pk, None)
        return list(agencies.values())


class DocumentRowForm(forms.Form):
    """One row of the documents table; the table header carries the labels."""

    doc_type = forms.ChoiceField(
        label=_("Loại"),
        choices=DocumentType.choices,
        widget=forms.Select(attrs={"class": "form-select form-select-sm"}),
    )
    number_symbol = forms.CharField(
        label=_("Số, ký hiệu"), max_length=64, widget=forms.TextInput(attrs={"class": "form-control form-control-sm"})
    )
    issued_on = forms.DateField(
        label=_("Ngày"),
        widget=forms.DateInput(
            format="%d/%m/%Y", attrs={"placeholder": "dd/mm/yyyy", "class": "form-control form-control-sm"}
        ),
    )
    issuer = forms.CharField(
        label=_("Cơ quan ban hành"),
        max_length=255,
        widget=forms.TextInput(attrs={"class": "form-control form-control-sm"}),
    )
    subject = forms.CharField(
        label=_("Trích yếu"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 2, "class": "form-control form-control-sm"}),
    )

    def has_changed(self) -> bool:
        """A row counts when anything but the type (a select always sends one) is filled."""
        return any((self[name].data or "").strip() for name in ("number_symbol", "issued_on", "issuer", "subject"))


class BaseDocumentFormSet(forms.BaseFormSet):
    def clean(self):
        seen = set()
        for form in self.forms:
            if not form.has_changed() or self._should_delete_form(form) or not form.is_valid():
                continue
            key = (form.cleaned_data["number_symbol"].strip(), form.cleaned_data["issued_on"])
            if key in seen:
                raise ValidationError(_("Văn bản %(n)s được nhập hai lần.") % {"n": key[0]})
            seen.add(key)

    def rows(self) -> list[dict]:
        fields = ("doc_type", "number_symbol", "issued_on", "issuer", "subject")
        return [
            {name: form.cleaned_data[name] for name in fields}
            for form in self.forms
            if form.has_changed() and not self._should_delete_form(form) and form.cleaned_data
        ]


DocumentFormSet = forms.formset_factory(DocumentRowForm, formset=BaseDocumentFormSet, extra=3, can_delete=True)


class CategoryRowForm(forms.Form):
    """One of the campaign's categories: code, name, order, retired. An empty new row is skipped."""

    category = forms.ModelChoiceField(
        queryset=InitiativeCategory.objects.none(), required=False, widget=forms.HiddenInput
    )
    position = forms.IntegerField(
        label=_("Thứ tự"),
        min_value=0,
        max_value=32767,
        required=False,
        widget=forms.NumberInput(attrs={"class": "form-control"}),
    )
    code = forms.SlugField(
        label=_("Mã"), max_length=40, required=False, widget=forms.TextInput(attrs={"class": "form-control"})
    )
    name = forms.CharField(
        label=_("Tên lĩnh vực, nhóm"),
        max_length=200,
        required=False,
        widget=forms.TextInput(attrs={"class": "form-control"}),
    )
    retired = forms.BooleanField(
        label=_("Ngừng sử dụng"), required=False, widget=forms.CheckboxInput(attrs={"class": "form-check-input"})
    )

    def __init__(self, *args, campaign: Campaign, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["category"].queryset = InitiativeCategory.objects.filter(campaign=campaign)

    def clean(self):
        data = super().clean()
        if self.is_blank():
            return data
        if not data.get("name"):
            self.add_error("name", _("Hãy nhập tên lĩnh vực, nhóm."))
        if not data.get("code"):
            self.add_error("code", _("Hãy nhập mã (chữ thường không dấu, gạch nối), ví dụ giao-thong."))
        return data

    def is_blank(self) -> bool:
        data = self.cleaned_data
        return not data.get("category") and not data.get("name") and not data.get("code")


CategoryFormSet = forms.formset_factory(CategoryRowForm, extra=3, max_num=200, validate_max=True)
