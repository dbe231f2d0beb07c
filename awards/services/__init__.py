"""Writes of the awards app, one module per use case: `nominations` (create, edit, upload),
`workflow` (the review transitions), `checks` (the criteria check runs), `notifications`
(e-mails and reminders), `receipts` (the receipt of a dossier that came outside the portal) and
`setup` (award forms and criteria), `signatures` (the digital signatures of uploaded PDFs),
`register` (the awards made before the portal) and `publications` (the list published for comment). The
public names are re-exported here so callers write `from awards import services` whatever module holds the function."""

from .checks import (
    CHECK_CHUNK,
    check_batch_start,
    criteria_check_nomination,
    criteria_check_nominations,
    criteria_check_queue,
    criteria_check_requeue_pending,
)
from .nominations import (
    dossier_document_upload,
    nomination_create,
    nomination_draft_delete,
    nomination_update,
    nominee_key_for,
)
from .notifications import nomination_notify, nomination_reminders_send
from .publications import public_comment_add, publication_close, publication_create, publication_is_open
from .receipts import nomination_receipt_record
from .register import award_record_add, award_record_create, award_records_import, award_records_template
from .setup import award_form_save, award_setup_copy, criterion_save
from .signatures import (
    document_signature_verify,
    document_signatures_requeue_pending,
    trust_anchor_add,
    trust_anchor_read,
    trust_anchor_set_active,
)
from .workflow import (
    NOMINATION_TRANSITIONS,
    nomination_submit,
    nomination_transition,
    nominations_bulk_approve,
)

__all__ = [
    "CHECK_CHUNK",
    "NOMINATION_TRANSITIONS",
    "award_form_save",
    "award_record_add",
    "award_record_create",
    "award_records_import",
    "award_records_template",
    "award_setup_copy",
    "check_batch_start",
    "criteria_check_nomination",
    "criteria_check_nominations",
    "criteria_check_queue",
    "criteria_check_requeue_pending",
    "criterion_save",
    "document_signature_verify",
    "document_signatures_requeue_pending",
    "dossier_document_upload",
    "nomination_create",
    "nomination_draft_delete",
    "nomination_notify",
    "nomination_receipt_record",
    "nomination_reminders_send",
    "nomination_submit",
    "nomination_transition",
    "nomination_update",
    "nominations_bulk_approve",
    "nominee_key_for",
    "public_comment_add",
    "publication_close",
    "publication_create",
    "publication_is_open",
    "trust_anchor_add",
    "trust_anchor_read",
    "trust_anchor_set_active",
]
