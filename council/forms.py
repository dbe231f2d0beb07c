import re

from django import forms
from django.core.validators import MaxLengthValidator
from django.utils.translation import gettext_lazy as _

from campaign_portal.datefields import DayMonthYearField

from .enums import CouncilDocument
from .models import DOCUMENT_FORMATS, CouncilDocumentOutline, CouncilMeeting, CouncilMember, CouncilRule

DATE_WIDGET = forms.DateInput(format="%d/%m/%Y", attrs={"placeholder": "dd/mm/yyyy"})
# "Họ tên – Chức vụ", "Họ tên - Chức vụ" or "Họ tên, Chức vụ".
MEMBER_SEPARATOR = re.compile(r"\s+[–-]\s+|,\s*")


class CouncilRuleForm(forms.ModelForm):
    class Meta:
        model = CouncilRule
        fields = ["comparison", "numerator", "denominator"]
        labels = {
            "comparison": _("Số phiếu tán thành"),
            "numerator": _("Tử số"),
            "denominator": _("Mẫu số"),
        }
        help_texts = {"denominator": _("Ví dụ: “Trên” 1/2, hoặc “Từ … trở lên” 2/3 số thành viên có mặt.")}

    def clean(self):
        data = super().clean()
        numerator, denominator = data.get("numerator"), data.get("denominator")
        if numerator is not None and denominator is not None and not 0 < numerator <= denominator:
            raise forms.ValidationError(_("Tỷ lệ thông qua phải là một phân số từ 1/n đến n/n, ví dụ 1/2 hoặc 2/3."))
        return data


class CouncilMeetingForm(forms.ModelForm):
    held_on = DayMonthYearField(label=_("Ngày họp"), widget=DATE_WIDGET)
    members_text = forms.CharField(
        label=_("Thành viên có mặt"),
        widget=forms.Textarea(attrs={"rows": 8}),
        max_length=20000,
        help_text=_("Mỗi dòng một người: Họ và tên – Chức vụ. Số dòng là số thành viên có mặt."),
    )

    class Meta:
        model = CouncilMeeting
        fields = ["held_on", "place", "chair_name", "chair_position", "secretary_name", "members_total"]

    def clean_members_text(self):
        members = []
        name_limit = CouncilMember._meta.get_field("name").max_length
        position_limit = CouncilMember._meta.get_field("position").max_length
        for number, line in enumerate(self.cleaned_data["members_text"].splitlines(), start=1):
            line = line.strip()
            if not line:
                continue
            parts = MEMBER_SEPARATOR.split(line, maxsplit=1)
            name, position = parts[0].strip(), (parts[1].strip() if len(parts) > 1 else "")
            if not name or len(name) > name_limit or len(position) > position_limit:
                raise forms.ValidationError(
                    _("Dòng %(n)d: họ tên tối đa %(name)d ký tự, chức vụ tối đa %(position)d ký tự.")
                    % {"n": number, "name": name_limit, "position": position_limit}
                )
            members.append((name, position))
        if not members:
            raise forms.ValidationError(_("Hãy ghi ít nhất một thành viên Hội đồng có mặt."))
        return members

    def clean(self):
        data = super().clean()
        members, total = data.get("members_text"), data.get("members_total")
        if members and total is not None and len(members) > total:
            self.add_error(
                "members_text",
                _("Có %(present)d thành viên có mặt, nhiều hơn tổng số %(total)d thành viên Hội đồng.")
                % {"present": len(members), "total": total},
            )
        return data


class VotesForm(forms.Form):
    """One row of three counts per nomination put to the meeting."""

    def __init__(self, *args, items, **kwargs):
        super().__init__(*args, **kwargs)
        self.items = list(items)
        for item in self.items:
            for key, label in (
                ("for", _("Tán thành")),
                ("against", _("Không tán thành")),
                ("abstain", _("Không biểu quyết")),
            ):
                self.fields[f"{key}_{item.pk}"] = forms.IntegerField(
                    label=f"{label} – {item.nomination.nominee_label}",
                    min_value=0,
                    max_value=999,
                    initial=getattr(item, f"votes_{key}"),
                    widget=forms.NumberInput(attrs={"class": "form-control form-control-sm", "inputmode": "numeric"}),
                )

    def rows(self):
        return [
            (item, self[f"for_{item.pk}"], self[f"against_{item.pk}"], self[f"abstain_{item.pk}"])
            for item in self.items
        ]

    def votes(self) -> dict[int, tuple[int, int, int]]:
        data = self.cleaned_data
        return {
            item.pk: (data[f"for_{item.pk}"], data[f"against_{item.pk}"], data[f"abstain_{item.pk}"])
            for item in self.items
        }


class CouncilRenderForm(forms.Form):
    documents = forms.MultipleChoiceField(
        label=_("Văn bản"),
        choices=CouncilDocument.choices,
        widget=forms.CheckboxSelectMultiple,
        initial=CouncilDocument.values,
    )
    formats = forms.MultipleChoiceField(
        label=_("Định dạng"),
        choices=DOCUMENT_FORMATS,
        widget=forms.CheckboxSelectMultiple,
        initial=[value for value, _label in DOCUMENT_FORMATS],
    )


class DecisionForm(forms.Form):
    number = forms.CharField(
        label=_("Số quyết định"),
        max_length=64,
        help_text=_("Ví dụ: 1234/QĐ-UBND"),
    )
    day = DayMonthYearField(label=_("Ngày quyết định"), widget=DATE_WIDGET)
    signed_file = forms.FileField(label=_("Quyết định đã ký (PDF)"))


class CouncilOutlineForm(forms.ModelForm):
    """A council document's text for a campaign; recipients one per line."""

    recipients_text = forms.CharField(
        label=_("Nơi nhận"),
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=5000,
        help_text=_("Mỗi dòng một nơi nhận; dòng cuối là “Lưu: VT, …”."),
    )

    class Meta:
        model = CouncilDocumentOutline
        fields = ["subject", "text"]
        widgets = {"text": forms.Textarea(attrs={"rows": 18})}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["text"].max_length = 20000
        self.fields["text"].validators.append(MaxLengthValidator(20000))
        self.fields["recipients_text"].initial = "\n".join(self.instance.recipients or [])

    def cleaned_recipients(self) -> list[str]:
        return [line.strip() for line in self.cleaned_data["recipients_text"].splitlines() if line.strip()]
