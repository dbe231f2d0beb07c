"""Writes on a nomination before review: create and edit it as its agency's officer, attach its
dossier documents. Each change re-queues the criteria check, since the verdict follows the data.

An officer files for its own agency or, when an agency expected in the campaign was merged into
its own during the campaign, for that agency ("thay mặt … (đã sáp nhập)"): the nomination then
belongs to the successor (who edits and sends it) and records the agency it is filed for."""

import json

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts.models import User
from accounts.rules import is_agency_officer
from agencies.models import Agency
from campaign_portal.audit import audit_record
from campaign_portal.freshness import versions_lock
from campaign_portal.text import fold_text
from campaign_portal.uploads import PDF, name_for_kind, safe_filename, stored_files_delete_on_commit, validate_upload
from campaigns.models import Campaign

from ..enums import NomineeType
from ..models import (
    AwardForm,
    DossierDocument,
    DossierRequirement,
    Nomination,
)
from ..rules import can_edit_nomination
from ..selectors import merged_agencies_filable_by
from .checks import criteria_check_queue
from .signatures import document_signature_queue


def nominee_key_for(*, nominee_type: str, nominee_agency_id: int | None, nominee_name: str, nominee_unit: str) -> str:
    """What makes two nominations name the same nominee (for the no_duplicate criterion)."""
    if nominee_type == NomineeType.COLLECTIVE:
        return f"a:{nominee_agency_id}" if nominee_agency_id else ""
    name = fold_text(nominee_name)
    return f"i:{name}|{fold_text(nominee_unit)}" if name else ""


def _nominee_agencies_for(agency: Agency):
    """A nominating agency proposes itself or one of its units (sub-units, communes); filing
    for a merged agency, that agency or one of its units."""
    return Agency.objects.filter(Q(pk=agency.pk) | Q(parent=agency))


def _clean_nominee(
    *, campaign: Campaign, agency: Agency, award_form: AwardForm, data: dict, kept_form_id: int | None = None
) -> dict:
    """The nominee's fields as the award form wants them; a retired form is refused unless it is the
    one the nomination already had (`kept_form_id`)."""
    errors = {}
    if award_form.campaign_id != campaign.pk:
        errors["award_form"] = _("Hình thức khen thưởng không thuộc phong trào này.")
    elif award_form.retired and award_form.pk != kept_form_id:
        errors["award_form"] = _(
            "Hình thức khen thưởng “%(name)s” đã ngừng sử dụng; hãy chọn một hình thức khác của phong trào."
        ) % {"name": award_form.name}
    nominee_type = award_form.nominee_type
    data = {**data, "nominee_type": nominee_type}
    if nominee_type == NomineeType.COLLECTIVE:
        nominee = data.get("nominee_agency")
        if nominee is None:
            errors["nominee_agency"] = _("Hãy chọn tập thể được đề nghị.")
        elif not _nominee_agencies_for(agency).filter(pk=nominee.pk).exists():
            errors["nominee_agency"] = _("Chỉ đề nghị cơ quan mình hoặc đơn vị trực thuộc.")
        data.update(nominee_name="", nominee_position="", nominee_unit="")
    else:
        if not (data.get("nominee_name") or "").strip():
            errors["nominee_name"] = _("Hãy ghi họ và tên người được đề nghị.")
        data["nominee_agency"] = None
    if errors:
        raise ValidationError(errors)
    return data


def _denormalise(nomination: Nomination) -> None:
    nomination.nominee_key = nominee_key_for(
        nominee_type=nomination.nominee_type,
        nominee_agency_id=nomination.nominee_agency_id,
        nominee_name=nomination.nominee_name,
        nominee_unit=nomination.nominee_unit,
    )
    agency_name = nomination.nominee_agency.name if nomination.nominee_agency_id else ""
    filed_for = nomination.filed_for.name if nomination.filed_for_id else ""
    text = f"{agency_name} {nomination.nominee_name} {nomination.nominee_unit} {nomination.agency.name} {filed_for}"
    nomination.search_text = fold_text(text)[:800]


NOMINATION_FIELDS = (
    "nominee_type",
    "nominee_agency",
    "nominee_name",
    "nominee_position",
    "nominee_unit",
    "award_form",
    "achievement_summary",
    "declared_metrics",
)


def _snapshot(nomination: Nomination) -> dict:
    return {
        name: (
            getattr(nomination, f"{name}_id") if name in ("nominee_agency", "award_form") else getattr(nomination, name)
        )
        for name in NOMINATION_FIELDS
    }


def nomination_create(
    *, user: User, campaign: Campaign, award_form: AwardForm, filed_for: Agency | None = None, **data
) -> Nomination:
    """Create a draft of the officer's agency, for itself or for an agency merged into it
    (`filed_for`, one of `merged_agencies_filable_by`)."""
    if not is_agency_officer.test(user):
        raise PermissionDenied
    agency = user.agency
    if filed_for is not None and filed_for.pk == agency.pk:
        filed_for = None
    if filed_for is not None:
        filable = merged_agencies_filable_by(agency=agency, campaign=campaign, day=timezone.localdate())
        if not filable.filter(pk=filed_for.pk).exists():
            raise ValidationError(
                {
                    "filed_for": _(
                        "Chỉ gửi thay cho cơ quan, đơn vị phải báo cáo trong phong trào đã sáp nhập vào cơ quan mình."
                    )
                }
            )
    data = _clean_nominee(campaign=campaign, agency=filed_for or agency, award_form=award_form, data=data)
    unknown = set(data) - set(NOMINATION_FIELDS)
    if unknown:
        raise TypeError(f"unknown fields: {sorted(unknown)}")
    with transaction.atomic():
        nomination = Nomination(
            campaign=campaign, agency=agency, filed_for=filed_for, award_form=award_form, created_by=user, **data
        )
        _denormalise(nomination)
        nomination.save()
        audit_record(
            actor=user,
            action="awards.nomination.create",
            target=nomination,
            after={**_jsonable(nomination), "filed_for": nomination.filed_for_id},
        )
        criteria_check_queue(nomination_ids=[nomination.pk])
    return nomination


def nomination_update(*, user: User, nomination: Nomination, **data) -> Nomination:
    """Edit a draft or returned nomination; a change re-queues the criteria check."""
    unknown = set(data) - set(NOMINATION_FIELDS)
    if unknown:
        raise TypeError(f"unknown fields: {sorted(unknown)}")
    with transaction.atomic():
        versions_lock(Nomination, [nomination.pk])
        locked = (
            Nomination.objects.select_for_update(of=("self",))
            .select_related("agency", "filed_for")
            .get(pk=nomination.pk)
        )
        if not can_edit_nomination.test(user, locked):
            raise PermissionDenied(_("Chỉ sửa được hồ sơ của cơ quan mình khi đang soạn hoặc bị trả lại."))
        award_form = data.pop("award_form", locked.award_form)
        current = {name: getattr(locked, name) for name in NOMINATION_FIELDS if name != "award_form"}
        data = _clean_nominee(
            campaign=locked.campaign,
            agency=locked.filed_for or locked.agency,
            award_form=award_form,
            data={**current, **data},
            kept_form_id=locked.award_form_id,
        )
        before = _jsonable(locked)
        locked.award_form = award_form
        for name, value in data.items():
            setattr(locked, name, value)
        _denormalise(locked)
        locked.save()
        after = _jsonable(locked)
        if after != before:
            audit_record(actor=user, action="awards.nomination.update", target=locked, before=before, after=after)
            criteria_check_queue(nomination_ids=[locked.pk])
    return locked


def _jsonable(nomination: Nomination) -> dict:
    return json.loads(json.dumps(_snapshot(nomination), default=str))


def dossier_document_upload(
    *, user: User, nomination: Nomination, requirement: DossierRequirement, upload
) -> DossierDocument:
    """Attach (or replace) the document for one component; the type is decided by content, and
    the name kept for the user ends in that type's extension."""
    kind = validate_upload(upload)
    if requirement.pdf_only and kind != PDF:
        raise ValidationError(
            _(
                "Thành phần “%(requirement)s” chỉ nhận tệp PDF; tệp “%(name)s” là tệp %(kind)s. "
                "Hãy xuất tệp ra PDF rồi tải lên."
            )
            % {"requirement": requirement.name, "name": upload.name, "kind": kind.label}
        )
    original_name = name_for_kind(getattr(upload, "original_name", None) or upload.name, kind)
    with transaction.atomic():
        versions_lock(Nomination, [nomination.pk])
        locked = Nomination.objects.select_for_update().get(pk=nomination.pk)
        if not can_edit_nomination.test(user, locked):
            raise PermissionDenied(_("Chỉ tải tài liệu lên hồ sơ của cơ quan mình khi đang soạn hoặc bị trả lại."))
        if requirement.award_form_id != locked.award_form_id:
            raise ValidationError(_("Thành phần hồ sơ không thuộc hình thức khen thưởng của hồ sơ này."))
        previous = DossierDocument.objects.filter(nomination=locked, requirement=requirement).first()
        if previous is not None:
            stored_files_delete_on_commit([previous.file])
            previous.delete()
        upload.name = safe_filename(upload.name, kind)
        document = DossierDocument(
            nomination=locked,
            requirement=requirement,
            original_name=original_name[:255],
            file_kind=kind.code,
            content_type=kind.content_type,
            size=upload.size,
            readable=True,
            uploaded_by=user,
        )
        document.file.save(upload.name, upload, save=False)
        document.save()
        audit_record(
            actor=user,
            action="awards.document.upload",
            target=locked,
            after={"requirement": requirement.code, "file": document.original_name, "replaced": previous is not None},
        )
        criteria_check_queue(nomination_ids=[locked.pk])
        document_signature_queue(document=document)
    return document


def nomination_draft_delete(*, user: User, nomination: Nomination) -> None:
    """Delete a draft (never sent) of the user's own agency with its files; the audit row keeps what it was."""
    with transaction.atomic():
        versions_lock(Nomination, [nomination.pk])
        locked = Nomination.objects.select_for_update().get(pk=nomination.pk)
        if not user.has_perm("awards.delete_nomination", locked):
            raise PermissionDenied(_("Chỉ xóa được hồ sơ nháp (chưa gửi) của cơ quan mình."))
        documents = list(locked.documents.all())
        audit_record(
            actor=user,
            action="awards.nomination.delete",
            target=locked,
            before={"nominee": locked.nominee_label, "documents": [d.original_name for d in documents]},
        )
        stored_files_delete_on_commit(d.file for d in documents)
        locked.delete()
