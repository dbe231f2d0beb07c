from django import forms
from django.utils.translation import gettext_lazy as _

from campaign_portal.uploads import XLSX, validate_upload

from .enums import BlockKind, BlockPlacement, OutlineLevel, RenderFormat
from .models import Indicator, OutlineBlock, SummaryReport


class SummaryReportForm(forms.ModelForm):
    """The report's header and signer fields, the recipients (one per line) and one text box per
    narrative section. Text is plain: `[^12/KH-UBND]` makes a footnote citing that document."""

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

    def __init__(self, *args, outline, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["recipients_text"].initial = "\n".join(self.instance.recipients or [])
        self.outline = list(outline)
        sections = self.instance.sections or {}
        for section in self.outline:
            blocks = ", ".join(str(block.get_kind_display()) for block in section.blocks.all())
            self.fields[f"section_{section.key}"] = forms.CharField(
                label=str(section)
                if str(section) != section.key
                else _("Đoạn không đề mục (%(key)s)") % {"key": section.key},
                required=False,
                widget=forms.Textarea(attrs={"rows": 6 if section.level else 3}),
                initial=sections.get(section.key, ""),
                help_text=_("Khối tính toán: %(blocks)s.") % {"blocks": blocks} if blocks else "",
            )

    def section_fields(self):
        return [self[f"section_{section.key}"] for section in self.outline]

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
        return {section.key: self.cleaned_data.get(f"section_{section.key}", "") for section in self.outline}


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
        help_text=_(
            "Các cột: mã, tên chỉ số, đơn vị tính, mục của đề cương (mã mục hoặc số mục), mã chỉ số cha, giá trị."
        ),
    )

    def clean_file(self):
        upload = self.cleaned_data["file"]
        validate_upload(upload, allowed=(XLSX,))
        return upload


class OutlineSectionForm(forms.Form):
    """A section's number, title, depth and key. The title may carry a footnote [^number/symbol]."""

    number = forms.CharField(label=_("Số mục"), max_length=16, required=False, help_text=_("Ví dụ: I, 1, 4.1"))
    title = forms.CharField(
        label=_("Tên mục"),
        max_length=1000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("Để trống nếu số mục đứng đầu đoạn văn. Chú thích văn bản: [^số ký hiệu], ví dụ [^12/KH-UBND]."),
    )
    level = forms.TypedChoiceField(label=_("Cấp"), choices=OutlineLevel.choices, coerce=int)
    key = forms.SlugField(
        label=_("Mã mục"),
        max_length=40,
        help_text=_("Chữ thường không dấu, gạch nối; nội dung cán bộ viết được lưu theo mã này."),
    )

    def clean(self):
        data = super().clean()
        if data.get("level") and not (data.get("number") or data.get("title")):
            self.add_error("title", _("Mục có cấp cần có số mục hoặc tên mục."))
        return data


class OutlineBlockForm(forms.Form):
    kind = forms.ChoiceField(label=_("Khối tính toán"), choices=BlockKind.choices)
    placement = forms.ChoiceField(label=_("Vị trí"), choices=BlockPlacement.choices, initial=BlockPlacement.AFTER)


class OutlineBlockChoiceForm(forms.Form):
    """Which of the section's blocks to remove: any other value is refused, never looked up raw."""

    block = forms.ModelChoiceField(queryset=OutlineBlock.objects.none())

    def __init__(self, *args, section, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["block"].queryset = section.blocks.all()


class IndicatorRowForm(forms.ModelForm):
    """An indicator's code, name and unit as the page's form and each row of the Excel import
    (reports.services.indicators_import) check them: the same rules and the same messages."""

    class Meta:
        model = Indicator
        fields = ["code", "name", "unit"]
        error_messages = {
            "code": {"required": _("Hãy nhập mã chỉ số (chữ không dấu, số, gạch ngang).")},
            "name": {"required": _("Hãy nhập tên chỉ số.")},
        }


class IndicatorForm(IndicatorRowForm):
    """An indicator's definition; its value is entered on the indicators page."""

    class Meta(IndicatorRowForm.Meta):
        # Where the report prints it is chosen on the indicators page, among the outline's sections.
        fields = ["code", "name", "unit", "parent", "position"]

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
