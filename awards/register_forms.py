"""Forms of the award register and of the published list: the register's filters and import, the
reviewer's publication of the list, and the public's comment form (bounded, with a honeypot)."""

from django import forms
from django.utils.translation import gettext_lazy as _

from campaign_portal.datefields import DayMonthYearField

from .enums import AwardSource, NomineeType
from .services.publications import COMMENT_MAX_LENGTH


class RegisterFilterForm(forms.Form):
    q = forms.CharField(
        label=_("Tìm"),
        required=False,
        max_length=200,
        widget=forms.TextInput(
            attrs={"class": "form-control", "placeholder": _("Tên tập thể, cá nhân, cơ quan, số quyết định")}
        ),
    )
    nominee_type = forms.ChoiceField(label=_("Đối tượng"), required=False)
    form = forms.ChoiceField(label=_("Hình thức khen thưởng"), required=False)
    year = forms.TypedChoiceField(label=_("Năm"), required=False, coerce=int, empty_value=None)
    source = forms.ChoiceField(label=_("Nguồn"), required=False)

    def __init__(self, *args, forms_held: list[str], years: list[int], **kwargs):
        super().__init__(*args, **kwargs)
        everything = ("", _("Tất cả"))
        self.fields["nominee_type"].choices = [everything, *NomineeType.choices]
        self.fields["form"].choices = [everything, *((name, name) for name in forms_held)]
        self.fields["year"].choices = [everything, *((str(year), str(year)) for year in years)]
        self.fields["source"].choices = [everything, *AwardSource.choices]
        for name in ("nominee_type", "form", "year", "source"):
            self.fields[name].widget.attrs["class"] = "form-select"


class RegisterImportForm(forms.Form):
    file = forms.FileField(
        label=_("Tệp Excel (.xlsx) theo mẫu"),
        error_messages={"required": _("Hãy chọn tệp Excel để nhập.")},
        widget=forms.ClearableFileInput(attrs={"accept": ".xlsx"}),
    )


class AwardRecordForm(forms.Form):
    """One earlier award typed by hand; `services.award_record_add` finds the agency and checks the rest."""

    nominee_type = forms.ChoiceField(label=_("Đối tượng"), choices=NomineeType.choices)
    form_name = forms.CharField(
        label=_("Hình thức khen thưởng"),
        max_length=255,
        error_messages={"required": _("Hãy nhập hình thức khen thưởng.")},
    )
    agency_name = forms.CharField(
        label=_("Tập thể, cơ quan"),
        max_length=255,
        required=False,
        help_text=_("Tên như tại ngày quyết định; với cá nhân, cơ quan nơi công tác (không bắt buộc)."),
    )
    nominee_name = forms.CharField(label=_("Họ và tên (cá nhân)"), max_length=255, required=False)
    nominee_position = forms.CharField(label=_("Chức vụ"), max_length=255, required=False)
    nominee_unit = forms.CharField(label=_("Đơn vị công tác"), max_length=255, required=False)
    decision_number = forms.CharField(
        label=_("Số quyết định"),
        max_length=64,
        error_messages={"required": _("Hãy nhập số quyết định khen thưởng.")},
    )
    decision_date = DayMonthYearField(
        label=_("Ngày quyết định"),
        widget=forms.DateInput(attrs={"placeholder": "dd/mm/yyyy"}),
        error_messages={
            "required": _("Hãy nhập ngày quyết định (dd/mm/yyyy)."),
            "invalid": _("Ngày quyết định phải có dạng dd/mm/yyyy."),
        },
    )
    decision_issuer = forms.CharField(label=_("Cơ quan ban hành"), max_length=255, required=False)
    note = forms.CharField(label=_("Ghi chú"), max_length=500, required=False)


class PublicationForm(forms.Form):
    title = forms.CharField(
        label=_("Tiêu đề"),
        max_length=255,
        error_messages={"required": _("Hãy nhập tiêu đề danh sách công khai.")},
    )
    opens_on = DayMonthYearField(
        label=_("Lấy ý kiến từ ngày"),
        widget=forms.DateInput(attrs={"placeholder": "dd/mm/yyyy"}),
        error_messages={
            "required": _("Hãy nhập ngày bắt đầu lấy ý kiến."),
            "invalid": _("Ngày bắt đầu phải có dạng dd/mm/yyyy."),
        },
    )
    closes_on = DayMonthYearField(
        label=_("Đến hết ngày"),
        widget=forms.DateInput(attrs={"placeholder": "dd/mm/yyyy"}),
        error_messages={
            "required": _("Hãy nhập ngày kết thúc lấy ý kiến."),
            "invalid": _("Ngày kết thúc phải có dạng dd/mm/yyyy."),
        },
    )


# The honeypot's name reads as a real field to a form-filling robot; people never see it (hidden by CSS).
HONEYPOT_FIELD = "website"


class PublicCommentForm(forms.Form):
    nomination = forms.TypedChoiceField(label=_("Góp ý về"), required=False, coerce=int, empty_value=None)
    author_name = forms.CharField(
        label=_("Họ và tên (không bắt buộc)"),
        required=False,
        max_length=100,
        error_messages={"max_length": _("Họ và tên dài quá 100 ký tự.")},
    )
    contact = forms.CharField(
        label=_("Điện thoại hoặc thư điện tử để liên hệ (không bắt buộc)"),
        required=False,
        max_length=150,
        error_messages={"max_length": _("Địa chỉ liên hệ dài quá 150 ký tự.")},
    )
    body = forms.CharField(
        label=_("Nội dung góp ý"),
        max_length=COMMENT_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 5, "maxlength": COMMENT_MAX_LENGTH}),
        error_messages={
            "required": _("Hãy nhập nội dung góp ý."),
            "max_length": _("Nội dung góp ý dài quá %(limit_value)d ký tự (đang có %(show_value)d ký tự)."),
        },
    )
    website = forms.CharField(
        label=_("Để trống ô này"),
        required=False,
        max_length=200,
        widget=forms.TextInput(attrs={"autocomplete": "off", "tabindex": "-1"}),
    )

    def __init__(self, *args, entries, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["nomination"].choices = [
            ("", _("Cả danh sách")),
            *((str(entry.pk), entry.nominee_label) for entry in entries),
        ]

    @property
    def is_robot(self) -> bool:
        return bool(self.data.get(HONEYPOT_FIELD))
