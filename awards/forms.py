import json
import math

from django import forms
from django.db.models import Q
from django.forms import inlineformset_factory
from django.utils.translation import gettext_lazy as _

from agencies.enums import AgencyKind
from agencies.models import Agency
from campaign_portal.datefields import DayMonthYearField
from campaign_portal.forms import TransitionForm as WorkflowTransitionForm

from .criteria import params_errors
from .enums import RECORDED_CHANNELS, AppliesTo, NomineeType
from .models import AwardForm, Criterion, DossierRequirement, Nomination

YES_NO = [("", _("Chưa kê khai")), ("yes", _("Có, đạt")), ("no", _("Không đạt"))]


class NominationForm(forms.ModelForm):
    """The nominee, the achievement summary and the figures the campaign's criteria need (one
    field per metric/attestation criterion, built from data)."""

    class Meta:
        model = Nomination
        fields = [
            "award_form",
            "nominee_agency",
            "nominee_name",
            "nominee_position",
            "nominee_unit",
            "achievement_summary",
        ]
        widgets = {"achievement_summary": forms.Textarea(attrs={"rows": 6})}
        help_texts = {
            "nominee_agency": _("Với hình thức khen tập thể: cơ quan mình hoặc một đơn vị trực thuộc."),
            "nominee_name": _("Với hình thức khen cá nhân."),
        }

    def __init__(
        self,
        *args,
        campaign,
        agency: Agency,
        metric_fields: list[dict],
        award_form: AwardForm | None = None,
        merged_agencies=(),
        **kwargs,
    ):
        super().__init__(*args, **kwargs)
        self.fields["award_form"].queryset = AwardForm.objects.filter(campaign=campaign)
        self.fields["award_form"].empty_label = None
        self.chosen_award_form = award_form
        if award_form is not None:
            # The award form was chosen first: only its nominee's fields and the figures of the
            # criteria that apply to it are asked (a collective is not asked for a person's name).
            self.fields["award_form"].queryset = AwardForm.objects.filter(pk=award_form.pk)
            self.fields["award_form"].widget = forms.HiddenInput()
            self.initial["award_form"] = award_form.pk
            unused = (
                ("nominee_name", "nominee_position", "nominee_unit")
                if award_form.nominee_type == NomineeType.COLLECTIVE
                else ("nominee_agency",)
            )
            for name in unused:
                del self.fields[name]
            metric_fields = [spec for spec in metric_fields if spec["applies_to"] in ("both", award_form.nominee_type)]
        self.metric_fields = metric_fields
        # The agencies a nomination may be sent for: its own, and those merged into it during the
        # campaign (`merged_agencies`, offered on creation only); the service checks the pair.
        senders = [agency.pk, *(merged.pk for merged in merged_agencies)]
        if self.instance.pk and self.instance.filed_for_id:
            senders.append(self.instance.filed_for_id)
        if "nominee_agency" in self.fields:
            self.fields["nominee_agency"].queryset = Agency.objects.filter(
                Q(pk__in=senders) | Q(parent_id__in=senders)
            ).exclude(Q(kind=AgencyKind.DISTRICT_COMMITTEE) & ~Q(pk__in=senders))
            self.fields["nominee_agency"].empty_label = _("— Chọn tập thể —")
        if merged_agencies:
            self.fields["filed_for"] = FiledForField(
                queryset=Agency.objects.filter(pk__in=[merged.pk for merged in merged_agencies]),
                label=_("Cơ quan, đơn vị gửi hồ sơ"),
                required=False,
                empty_label=agency.name,
                help_text=_(
                    "Cơ quan, đơn vị đã sáp nhập vào cơ quan mình trong thời gian phong trào: "
                    "cơ quan mình gửi hồ sơ thay mặt cho đơn vị đó."
                ),
            )
            self.order_fields(["filed_for"])
        declared = (self.instance.declared_metrics or {}) if self.instance.pk else {}
        for spec in metric_fields:
            name = f"metric_{spec['key']}"
            label = spec["label"] + (f" ({spec['unit']})" if spec["unit"] else "")
            if spec["kind"] == "metric":
                percent = spec["unit"] == "%"
                self.fields[name] = forms.DecimalField(
                    label=label,
                    required=False,
                    max_digits=12,
                    decimal_places=3,
                    localize=True,
                    help_text=spec["help"],
                    min_value=0,
                    max_value=100 if percent else None,
                    error_messages={
                        "min_value": _("“%(label)s” không thể là số âm.") % {"label": spec["label"]},
                        "max_value": _("“%(label)s” là tỉ lệ phần trăm: chỉ nhận từ 0 đến 100.")
                        % {"label": spec["label"]},
                    },
                )
                self.initial.setdefault(name, declared.get(spec["key"]))
            else:
                self.fields[name] = forms.ChoiceField(
                    label=label, choices=YES_NO, required=False, help_text=spec["help"]
                )
                value = declared.get(spec["key"])
                self.initial.setdefault(name, "" if value is None else ("yes" if value else "no"))

    def metric_bound_fields(self):
        return [self[f"metric_{spec['key']}"] for spec in self.metric_fields]

    def nominee_bound_fields(self):
        names = ("filed_for", "award_form", "nominee_agency", "nominee_name", "nominee_position", "nominee_unit")
        return [self[name] for name in names if name in self.fields]

    def declared_metrics(self) -> dict:
        values = dict(self.instance.declared_metrics or {}) if self.instance.pk else {}
        for spec in self.metric_fields:
            raw = self.cleaned_data.get(f"metric_{spec['key']}")
            if spec["kind"] == "metric":
                value = None if raw is None else float(raw)
            else:
                value = {"yes": True, "no": False}.get(raw)
            if value is None:
                values.pop(spec["key"], None)
            else:
                values[spec["key"]] = value
        return values

    def nomination_data(self) -> dict:
        data = {name: self.cleaned_data.get(name) for name in self.Meta.fields}
        for name in ("nominee_name", "nominee_position", "nominee_unit", "achievement_summary"):
            data[name] = (data[name] or "").strip()
        data["declared_metrics"] = self.declared_metrics()
        if "filed_for" in self.fields:
            data["filed_for"] = self.cleaned_data.get("filed_for")
        return data

    def clean(self):
        cleaned = super().clean()
        award_form = cleaned.get("award_form")
        if award_form is None:
            return cleaned
        if award_form.nominee_type == NomineeType.COLLECTIVE and not cleaned.get("nominee_agency"):
            self.add_error("nominee_agency", _("Hãy chọn tập thể được đề nghị."))
        if award_form.nominee_type == NomineeType.INDIVIDUAL and not (cleaned.get("nominee_name") or "").strip():
            self.add_error("nominee_name", _("Hãy ghi họ và tên người được đề nghị."))
        return cleaned

    def _post_clean(self):
        # The service sets the nominee fields that depend on the award form; the model's own
        # validation would run before it.
        pass


class FiledForField(forms.ModelChoiceField):
    def label_from_instance(self, obj: Agency) -> str:
        return _("Thay mặt %(name)s (đã sáp nhập)") % {"name": obj.name}


class DocumentUploadForm(forms.Form):
    """One dossier component's upload, in that component's own row: the component is fixed by the
    row (a hidden field), never picked from a list that a failed upload could reset to the Tờ trình.
    The ids carry the component so that several rows can share the page."""

    requirement = forms.ModelChoiceField(
        queryset=DossierRequirement.objects.none(),
        widget=forms.HiddenInput,
        error_messages={"invalid_choice": _("Thành phần hồ sơ không thuộc hình thức khen thưởng của hồ sơ này.")},
    )
    file = forms.FileField(
        label=_("Tệp (PDF, DOCX, XLSX, JPG, PNG)"),
        error_messages={"required": _("Hãy chọn tệp để tải lên cho thành phần này.")},
    )

    def __init__(self, *args, nomination: Nomination, requirement: DossierRequirement | None = None, **kwargs):
        if requirement is not None:
            kwargs.setdefault("auto_id", f"id_thanh_phan_{requirement.pk}_%s")
            kwargs.setdefault("initial", {"requirement": requirement.pk})
        super().__init__(*args, **kwargs)
        self.requirement = requirement
        self.fields["requirement"].queryset = DossierRequirement.objects.filter(award_form_id=nomination.award_form_id)
        if requirement is not None and requirement.pdf_only:
            self.fields["file"].label = _("Tệp PDF")
            self.fields["file"].widget.attrs["accept"] = ".pdf,application/pdf"


class TransitionForm(WorkflowTransitionForm):
    reason = forms.CharField(label=_("Lý do, ý kiến"), required=False, widget=forms.Textarea(attrs={"rows": 3}))
    decision_number = forms.CharField(label=_("Số quyết định"), required=False, max_length=64)
    decision_date = DayMonthYearField(
        label=_("Ngày quyết định"),
        required=False,
        widget=forms.DateInput(attrs={"placeholder": "dd/mm/yyyy"}),
        error_messages={"invalid": _("Ngày quyết định phải có dạng dd/mm/yyyy.")},
    )


class ReceiptForm(forms.Form):
    """A reviewer's record of a dossier received outside the portal; the service checks the
    date against today and the campaign's start."""

    received_on = DayMonthYearField(
        label=_("Ngày nhận hồ sơ"),
        widget=forms.DateInput(attrs={"placeholder": "dd/mm/yyyy"}),
        error_messages={
            "required": _("Hãy nhập ngày nhận hồ sơ (dd/mm/yyyy)."),
            "invalid": _("Ngày nhận hồ sơ phải có dạng dd/mm/yyyy."),
        },
    )
    receipt_number = forms.CharField(
        label=_("Số đến"),
        max_length=32,
        error_messages={
            "required": _("Hãy nhập số đến của hồ sơ, như trên sổ văn bản đến."),
            "max_length": _("Số đến dài quá 32 ký tự."),
        },
    )
    receipt_channel = forms.ChoiceField(
        label=_("Hình thức nhận"),
        choices=[(channel.value, channel.label) for channel in RECORDED_CHANNELS],
        error_messages={
            "required": _("Hãy chọn hình thức nhận hồ sơ."),
            "invalid_choice": _("Hãy chọn hình thức nhận: bản giấy, thư điện tử hoặc hệ thống quản lý văn bản."),
        },
    )


def _refuse_constant(name):
    raise ValueError(name)


def _finite_float(text):
    value = float(text)
    if not math.isfinite(value):
        raise ValueError(text)
    return value


def _holds_nul(value) -> bool:
    if isinstance(value, str):
        return "\x00" in value
    if isinstance(value, dict):
        return any(_holds_nul(key) or _holds_nul(item) for key, item in value.items())
    if isinstance(value, list):
        return any(_holds_nul(item) for item in value)
    return False


class CriterionForm(forms.ModelForm):
    params = forms.CharField(
        label=_("Tham số (JSON)"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 4, "class": "font-monospace"}),
        help_text=_(
            'metric: {"metric": "late_rate", "label": "Tỷ lệ hồ sơ trễ hẹn", "unit": "%", "op": "<", '
            '"threshold": 5}; attestation: {"statement": "...", "label": "...", "evidence": "mã thành phần"}; '
            'document_present: {"requirement": "*"} (mọi thành phần bắt buộc) hoặc mã một thành phần; '
            'deadline: {} (hạn của phong trào) hoặc {"deadline": "2024-12-24"}.'
        ),
    )
    agency_kinds = forms.MultipleChoiceField(
        label=_("Loại cơ quan áp dụng"),
        choices=AgencyKind.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Không chọn: áp dụng cho mọi loại."),
    )

    class Meta:
        model = Criterion
        fields = ["code", "wording", "kind", "params", "applies_to", "agency_kinds", "active", "position"]
        widgets = {"wording": forms.Textarea(attrs={"rows": 2})}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["applies_to"].choices = AppliesTo.choices
        if self.instance.pk:
            self.initial["params"] = json.dumps(self.instance.params, ensure_ascii=False)

    def clean_params(self):
        raw = (self.cleaned_data.get("params") or "").strip() or "{}"
        try:
            params = json.loads(raw, parse_constant=_refuse_constant, parse_float=_finite_float)
        except json.JSONDecodeError as error:
            raise forms.ValidationError(_("Tham số không phải JSON hợp lệ: %(error)s") % {"error": error}) from error
        except ValueError as error:  # a number too long to read, or NaN / Infinity
            raise forms.ValidationError(
                _("Tham số có số không hợp lệ (quá dài, NaN hoặc vô cực); hãy nhập một số thông thường.")
            ) from error
        # "\u0000" is plain text until parsed; PostgreSQL's jsonb cannot store the NUL it becomes.
        if _holds_nul(params):
            raise forms.ValidationError(_("Tham số có ký tự NUL (\\u0000), không được phép; hãy xoá ký tự đó."))
        return params

    def clean(self):
        cleaned = super().clean()
        if "params" in cleaned and cleaned.get("kind"):
            for message in params_errors(cleaned["kind"], cleaned["params"]):
                self.add_error("params", message)
        return cleaned


class AwardFormForm(forms.ModelForm):
    class Meta:
        model = AwardForm
        fields = ["name", "nominee_type", "position"]


class BaseRequirementFormSet(forms.BaseInlineFormSet):
    """Codes are unique within an award type. The database says so too, but a posted formset
    whose management form is stale (a second tab, a tampered page) would otherwise meet that
    constraint only when saving: here it gets a message that names the code."""

    def clean(self):
        super().clean()
        if any(form.errors for form in self.forms):
            return
        kept = [
            form
            for form in self.forms
            if form.has_changed() or form.instance.pk
            if not (self.can_delete and self._should_delete_form(form))
        ]
        codes = [form.cleaned_data.get("code") for form in kept if form.cleaned_data.get("code")]
        seen, repeated = set(), set()
        for code in codes:
            (repeated if code in seen else seen).add(code)
        edited = {form.instance.pk for form in self.forms if form.instance.pk}
        if self.instance.pk:
            taken = DossierRequirement.objects.filter(award_form=self.instance, code__in=codes).exclude(pk__in=edited)
            repeated |= set(taken.values_list("code", flat=True))
        if repeated:
            raise forms.ValidationError(
                _(
                    "Mã thành phần hồ sơ bị trùng: %(codes)s. Mỗi thành phần cần một mã riêng; nếu trang đã cũ, "
                    "hãy tải lại trang rồi nhập lại."
                )
                % {"codes": ", ".join(sorted(repeated))}
            )


RequirementFormSet = inlineformset_factory(
    AwardForm,
    DossierRequirement,
    formset=BaseRequirementFormSet,
    fields=["code", "name", "required", "position"],
    extra=1,
    can_delete=True,
)
