"""Forms of the awards app: the nomination with its declared figures, uploads, transitions, and
the reviewers' set-up (award forms with their dossier components, criteria with a form per kind)."""

import datetime
from decimal import Decimal

from django import forms
from django.db.models import Q
from django.forms import inlineformset_factory
from django.utils.translation import gettext_lazy as _

from agencies.enums import AgencyKind
from agencies.models import Agency
from campaign_portal.datefields import DayMonthYearField
from campaign_portal.forms import QUICK_WIDGETS
from campaign_portal.forms import TransitionForm as WorkflowTransitionForm

from . import criteria as engine
from .enums import RECORDED_CHANNELS, AppliesTo, Comparison, CriterionKind, NomineeType, QuotaKind
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
        # A retired form is offered only to the nominations that already chose it.
        self.fields["award_form"].queryset = AwardForm.objects.filter(campaign=campaign).filter(
            Q(retired=False) | Q(pk=self.instance.award_form_id)
        )
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

    default_renderer = QUICK_WIDGETS

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


class CriterionForm(forms.ModelForm):
    """What every criterion has, whatever its kind; the kind's own fields are the params form
    (`criterion_params_form`), drawn beside it once the kind is chosen."""

    agency_kinds = forms.MultipleChoiceField(
        label=_("Loại cơ quan áp dụng"),
        choices=AgencyKind.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Không chọn: áp dụng cho mọi loại."),
    )

    class Meta:
        model = Criterion
        fields = ["code", "wording", "applies_to", "agency_kinds", "active", "position"]
        widgets = {"wording": forms.Textarea(attrs={"rows": 2})}
        error_messages = {
            "code": {"required": _("Hãy nhập mã tiêu chí (chữ không dấu, số, gạch ngang).")},
            "wording": {"required": _("Hãy nhập nội dung tiêu chí.")},
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["applies_to"].choices = AppliesTo.choices

    def clean_code(self):
        code = self.cleaned_data["code"]
        taken = Criterion.objects.filter(campaign_id=self.instance.campaign_id, code=code).exclude(pk=self.instance.pk)
        if taken.exists():
            raise forms.ValidationError(_("Mã tiêu chí “%(code)s” đã có trong phong trào này.") % {"code": code})
        return code


def campaign_components(campaign) -> list[tuple[str, str]]:
    """The dossier components of the campaign's award forms, one per code, as (code, name) choices."""
    seen: dict[str, str] = {}
    for code, name in DossierRequirement.objects.filter(award_form__campaign=campaign).values_list("code", "name"):
        seen.setdefault(code, f"{name} ({code})")
    return list(seen.items())


class CriterionParamsForm(forms.Form):
    """The fields of one criterion kind, built from `criteria.PARAMS`; `params()` is what is stored."""

    def __init__(self, *args, kind: str, campaign, initial_params: dict | None = None, **kwargs):
        super().__init__(*args, prefix="p", **kwargs)
        self.kind = kind
        components = campaign_components(campaign)
        current = initial_params or {}
        for param in engine.PARAMS.get(kind, ()):
            self.fields[param.name] = self._field(param, components, current.get(param.name))
            if param.name in current:
                value = current[param.name]
                self.initial[param.name] = datetime.date.fromisoformat(value) if param.type == "date" else value

    def _field(self, param: engine.Param, components, current) -> forms.Field:
        messages = {"required": _("Hãy nhập %(label)s.") % {"label": param.label.lower()}}
        options = {"label": param.label, "required": param.required, "help_text": param.help}
        if param.type == "key":
            return forms.RegexField(
                regex=engine.KEY_PATTERN,
                max_length=64,
                error_messages={
                    **messages,
                    "invalid": _("%(label)s chỉ gồm chữ thường không dấu, số và dấu gạch dưới, ví dụ late_rate.")
                    % {"label": param.label},
                },
                **options,
            )
        if param.type == "text":
            return forms.CharField(max_length=255, error_messages=messages, **options)
        if param.type == "number":
            return forms.DecimalField(
                max_digits=14,
                decimal_places=4,
                localize=True,
                error_messages={
                    **messages,
                    "invalid": _("%(label)s phải là một số, ví dụ 5 hoặc 2,5.") % {"label": param.label},
                    "max_digits": _("%(label)s quá lớn.") % {"label": param.label},
                    "max_decimal_places": _("%(label)s có tối đa 4 chữ số thập phân.") % {"label": param.label},
                    "max_whole_digits": _("%(label)s quá lớn.") % {"label": param.label},
                },
                **options,
            )
        if param.type == "comparison":
            return forms.ChoiceField(
                choices=[(op.value, f"{op.value} ({op.label})") for op in Comparison],
                error_messages={
                    **messages,
                    "invalid_choice": _("Hãy chọn %(label)s trong danh sách.") % {"label": param.label.lower()},
                },
                **options,
            )
        if param.type == "component":
            if self.kind == CriterionKind.DOCUMENT_PRESENT:
                choices = [(engine.ALL_REQUIRED, _("Mọi thành phần bắt buộc")), *components]
            else:
                choices = [("", _("— Không cần tài liệu —")), *components]
            if current and current not in dict(choices):
                # A code no award form has any more: kept visible rather than silently dropped.
                choices.append((current, current))
            return forms.ChoiceField(
                choices=choices,
                error_messages={
                    **messages,
                    "invalid_choice": _("%(label)s: hãy chọn một thành phần hồ sơ trong danh sách.")
                    % {"label": param.label},
                },
                **options,
            )
        if param.type == "days":
            return forms.IntegerField(
                min_value=0,
                max_value=365,
                error_messages={
                    **messages,
                    "invalid": _("%(label)s phải là số nguyên từ 0 đến 365.") % {"label": param.label},
                    "min_value": _("%(label)s phải là số nguyên từ 0 đến 365.") % {"label": param.label},
                    "max_value": _("%(label)s phải là số nguyên từ 0 đến 365.") % {"label": param.label},
                },
                **options,
            )
        if param.type == "date":
            return DayMonthYearField(
                widget=forms.DateInput(format="%d/%m/%Y", attrs={"placeholder": "dd/mm/yyyy"}),
                error_messages={
                    **messages,
                    "invalid": _("%(label)s phải có dạng dd/mm/yyyy.") % {"label": param.label},
                },
                **options,
            )
        raise ValueError(param.type)

    def params(self) -> dict:
        stored = {}
        for param in engine.PARAMS.get(self.kind, ()):
            value = self.cleaned_data.get(param.name)
            if value in (None, ""):
                continue
            if isinstance(value, Decimal):
                value = int(value) if value == value.to_integral_value() else float(value)
            elif isinstance(value, datetime.date):
                value = value.isoformat()
            stored[param.name] = value
        return stored


class AwardFormForm(forms.ModelForm):
    class Meta:
        model = AwardForm
        fields = ["name", "nominee_type", "position", "retired", "quota_kind", "quota_number", "quota_base_metric"]
        help_texts = {
            "retired": _("Hình thức ngừng sử dụng không chọn được cho hồ sơ mới; hồ sơ đã chọn vẫn giữ nguyên."),
        }
        error_messages = {"name": {"required": _("Hãy nhập tên hình thức khen thưởng.")}}

    def clean(self):
        """The name is one per nominee type in a campaign. A quota needs its number (a whole number of
        dossiers, or a share up to 100%) and, for a share, the code of the figure the agencies declare
        as its base."""
        cleaned = super().clean()
        name, nominee_type = cleaned.get("name"), cleaned.get("nominee_type")
        if name and nominee_type:
            taken = AwardForm.objects.filter(
                campaign_id=self.instance.campaign_id, name=name.strip(), nominee_type=nominee_type
            ).exclude(pk=self.instance.pk)
            if taken.exists():
                self.add_error(
                    "name", _("Phong trào đã có hình thức khen thưởng “%(name)s” cho đối tượng này.") % {"name": name}
                )
        kind, number = cleaned.get("quota_kind"), cleaned.get("quota_number")
        if not kind:
            cleaned.update(quota_number=None, quota_base_metric="")
            return cleaned
        if number is None:
            self.add_error("quota_number", _("Hãy nhập số lượng hoặc tỷ lệ của chỉ tiêu."))
        elif number <= 0:
            self.add_error("quota_number", _("Chỉ tiêu phải lớn hơn 0."))
        elif kind == QuotaKind.SHARE and number > 100:
            self.add_error("quota_number", _("Tỷ lệ không quá 100%."))
        elif kind != QuotaKind.SHARE and number != number.to_integral_value():
            self.add_error("quota_number", _("Số lượng hồ sơ phải là số nguyên."))
        if kind == QuotaKind.SHARE and not cleaned.get("quota_base_metric"):
            self.add_error("quota_base_metric", _("Chỉ tiêu theo tỷ lệ cần mã số liệu làm cơ sở, ví dụ so_can_bo."))
        return cleaned


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


def requirement_formset(*, blank_rows: int = 1):
    """The dossier components of an award form; a new form gets a few blank rows to start with."""
    return inlineformset_factory(
        AwardForm,
        DossierRequirement,
        formset=BaseRequirementFormSet,
        fields=["code", "name", "required", "position"],
        extra=blank_rows,
        can_delete=True,
    )


RequirementFormSet = requirement_formset()
NewAwardFormRequirementFormSet = requirement_formset(blank_rows=4)
