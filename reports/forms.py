from django import forms
from django.utils.translation import gettext_lazy as _

from campaign_portal.uploads import XLSX, validate_upload

from .enums import RenderFormat
from .models import Indicator, SummaryReport
from .sections import SECTIONS


class SummaryReportForm(forms.ModelForm):
    """The report's header and signer fields, the recipients (one per line) and one text box per
    narrative section. Text is plain: `[^4064/KH-UBND]` makes a footnote citing that document."""

    issued_on = forms.DateField(
        label=_("Ngày báo cáo"),
        input_formats=["%d/%m/%Y"],
        widget=forms.DateInput(format="%d/%m/%Y", attrs={"placeholder": "dd/mm/yyyy"}),
    )
    recipients_text = forms.CharField(
        label=_("Nơi nhận"),
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text=_("Mỗi dòng một nơi nhận; dòng cuối là “Lưu: VT, …”."),
    )

    class Meta:
        model = SummaryReport
        fields = [
            "number_symbol",
            "issued_on",
            "place_name",
            "issuer_parent",
            "issuer_name",
            "signer_authority",
            "signer_position",
            "signer_name",
        ]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["recipients_text"].initial = "\n".join(self.instance.recipients or [])
        sections = self.instance.sections or {}
        for spec in SECTIONS:
            self.fields[f"section_{spec.key}"] = forms.CharField(
                label=spec.label,
                required=False,
                widget=forms.Textarea(attrs={"rows": 6}),
                initial=sections.get(spec.key, ""),
            )

    def section_fields(self):
        return [self[f"section_{spec.key}"] for spec in SECTIONS]

    def header_fields(self):
        return [self[name] for name in [*self.Meta.fields, "recipients_text"]]

    def clean_recipients_text(self):
        lines = [line.strip() for line in self.cleaned_data["recipients_text"].splitlines() if line.strip()]
        if not lines:
            raise forms.ValidationError(_("Hãy nhập ít nhất một nơi nhận."))
        return [line[2:].strip() if line.startswith("- ") else line for line in lines]

    def cleaned_fields(self) -> dict:
        return {name: self.cleaned_data[name] for name in self.Meta.fields} | {
            "recipients": self.cleaned_data["recipients_text"]
        }

    def cleaned_sections(self) -> dict[str, str]:
        return {spec.key: self.cleaned_data.get(f"section_{spec.key}", "") for spec in SECTIONS}


class RenderRequestForm(forms.Form):
    formats = forms.MultipleChoiceField(
        label=_("Định dạng"),
        choices=RenderFormat.choices,
        initial=[RenderFormat.PDF, RenderFormat.DOCX],
        widget=forms.CheckboxSelectMultiple(attrs={"class": "form-check-input"}),
        error_messages={"required": _("Hãy chọn ít nhất một định dạng.")},
    )


class IndicatorImportForm(forms.Form):
    file = forms.FileField(
        label=_("Tệp Excel (.xlsx)"),
        help_text=_("Các cột: mã, tên chỉ số, đơn vị tính, mục (4.1–4.4), mã chỉ số cha, giá trị."),
    )

    def clean_file(self):
        upload = self.cleaned_data["file"]
        validate_upload(upload, allowed=(XLSX,))
        return upload


class IndicatorForm(forms.ModelForm):
    """An indicator's definition; its value is entered on the indicators page."""

    class Meta:
        model = Indicator
        fields = ["code", "name", "unit", "section", "parent", "position"]
        error_messages = {
            "code": {"required": _("Hãy nhập mã chỉ số (chữ không dấu, số, gạch ngang).")},
            "name": {"required": _("Hãy nhập tên chỉ số.")},
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        parents = Indicator.objects.filter(campaign_id=self.instance.campaign_id, parent__isnull=True)
        if self.instance.pk:
            parents = parents.exclude(pk=self.instance.pk)
        self.fields["parent"].queryset = parents.order_by("position", "pk")
        self.fields["parent"].empty_label = _("— Không (chỉ số chính) —")

    def clean_code(self):
        code = self.cleaned_data["code"]
        taken = Indicator.objects.filter(campaign_id=self.instance.campaign_id, code=code).exclude(pk=self.instance.pk)
        if taken.exists():
            raise forms.ValidationError(_("Mã chỉ số “%(code)s” đã có trong phong trào này.") % {"code": code})
        return code

    def clean_parent(self):
        parent = self.cleaned_data["parent"]
        if parent is not None and self.instance.pk and self.instance.children.exists():
            raise forms.ValidationError(
                _("Thuộc chỉ số: chỉ số này đã có chỉ số “trong đó”, nên không thể thuộc một chỉ số khác.")
            )
        return parent
