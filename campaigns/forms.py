from django import forms
from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from agencies.enums import AgencyKind
from agencies.models import Agency

from .enums import DocumentType
from .models import Campaign, InitiativeCategory

DATE_WIDGET = forms.DateInput(format="%d/%m/%Y", attrs={"placeholder": "dd/mm/yyyy"})


class AgencyChoices(forms.ModelMultipleChoiceField):
    def label_from_instance(self, obj):
        return obj.name


class CampaignForm(forms.ModelForm):
    plan_number_symbol = forms.CharField(
        label=_("Số, ký hiệu văn bản phát động"), max_length=64, help_text=_("Ví dụ: 2218/QĐ-UBND")
    )
    plan_issued_on = forms.DateField(label=_("Ngày ban hành văn bản phát động"), widget=DATE_WIDGET)
    plan_issuer = forms.CharField(label=_("Cơ quan ban hành văn bản phát động"), max_length=255)
    plan_subject = forms.CharField(
        label=_("Trích yếu văn bản phát động"), required=False, widget=forms.Textarea(attrs={"rows": 2})
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
            "expected_agencies",
        ]
        field_classes = {"expected_agencies": AgencyChoices}
        widgets = {
            "name": forms.Textarea(attrs={"rows": 2}),
            "period_start": DATE_WIDGET,
            "period_end": DATE_WIDGET,
            "nomination_deadline": DATE_WIDGET,
            "expected_agencies": forms.CheckboxSelectMultiple(attrs={"class": "form-check-input"}),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        today = timezone.localdate()
        top = Agency.objects.exclude(kind__in=[AgencyKind.COMMUNE_COMMITTEE, AgencyKind.SUBUNIT])
        self.fields["organiser"].queryset = top.active_on(today).order_by("level", "name")
        self.fields["expected_agencies"].queryset = top.order_by("level", "kind", "name")
        self.fields["expected_agencies"].help_text = _(
            "Các sở, ban, ngành, địa phương, cơ quan Trung ương phải báo cáo về phong trào."
        )
        plan = self.instance.plan_document if self.instance.pk else None
        if plan is not None:
            self.initial.update(
                plan_number_symbol=plan.number_symbol,
                plan_issued_on=plan.issued_on,
                plan_issuer=plan.issuer,
                plan_subject=plan.subject,
            )

    def clean(self):
        data = super().clean()
        start, end, deadline = data.get("period_start"), data.get("period_end"), data.get("nomination_deadline")
        if start and end and end < start:
            self.add_error("period_end", _("Ngày kết thúc phải sau ngày bắt đầu."))
        if end and deadline and deadline < end:
            self.add_error("nomination_deadline", _("Hạn gửi hồ sơ không được trước ngày kết thúc phong trào."))
        return data

    def plan_values(self) -> dict:
        data = self.cleaned_data
        return {
            "number_symbol": data["plan_number_symbol"].strip(),
            "issued_on": data["plan_issued_on"],
            "issuer": data["plan_issuer"].strip(),
            "subject": data["plan_subject"].strip(),
        }


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
