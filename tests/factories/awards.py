"""Factories of the awards app: award forms with Plan 4064's components, criteria, nominations."""

import factory
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from awards.enums import NomineeType
from awards.models import AwardForm, Criterion, DossierRequirement, Nomination
from demo import awards_4064
from demo.pdf import minimal_pdf
from tests.factories import AgencyFactory, CampaignFactory


class AwardFormFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = AwardForm
        skip_postgeneration_save = True

    campaign = factory.SubFactory(CampaignFactory)
    name = awards_4064.AWARD_FORM_NAME
    nominee_type = NomineeType.COLLECTIVE

    @factory.post_generation
    def requirements(obj, create, extracted, **kwargs):
        if not create:
            return
        for position, (code, name) in enumerate(
            extracted if extracted is not None else awards_4064.REQUIREMENTS, start=1
        ):
            DossierRequirement.objects.create(award_form=obj, code=code, name=name, position=position)


class CriterionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Criterion

    campaign = factory.SubFactory(CampaignFactory)
    code = factory.Sequence(lambda n: f"tieu_chi_{n}")
    wording = factory.Sequence(lambda n: f"Tiêu chí thử {n}")
    kind = "no_duplicate"
    params = factory.LazyFunction(dict)


def load_plan_criteria(campaign) -> list[Criterion]:
    return [
        Criterion.objects.create(
            campaign=campaign,
            code=code,
            wording=wording,
            kind=kind,
            params=params,
            applies_to=applies_to,
            position=position,
        )
        for position, (code, wording, kind, params, applies_to) in enumerate(awards_4064.CRITERIA, start=1)
    ]


class NominationFactory(factory.django.DjangoModelFactory):
    """A draft collective nomination of its own agency, with the demo's good figures."""

    class Meta:
        model = Nomination

    award_form = factory.SubFactory(AwardFormFactory)
    campaign = factory.LazyAttribute(lambda o: o.award_form.campaign)
    agency = factory.SubFactory(AgencyFactory)
    nominee_type = factory.LazyAttribute(lambda o: o.award_form.nominee_type)
    nominee_agency = factory.LazyAttribute(lambda o: o.agency if o.nominee_type == NomineeType.COLLECTIVE else None)
    nominee_name = factory.LazyAttribute(lambda o: "" if o.nominee_type == NomineeType.COLLECTIVE else "Trần Văn Bình")
    nominee_unit = factory.LazyAttribute(lambda o: "" if o.nominee_type == NomineeType.COLLECTIVE else "Sở Thử nghiệm")
    achievement_summary = "Hoàn thành tốt nhiệm vụ cải cách hành chính."
    declared_metrics = factory.LazyFunction(lambda: dict(awards_4064.GOOD))
    nominee_key = factory.LazyAttribute(
        lambda o: f"a:{o.nominee_agency.pk}" if o.nominee_agency else "i:tran van binh|so thu nghiem"
    )
    submitted_at = None
    # Sent online: received on the Vietnam-time date of the submission, as the workflow sets it.
    received_on = factory.LazyAttribute(lambda o: timezone.localdate(o.submitted_at) if o.submitted_at else None)


def pdf_upload(name: str = "to-trinh.pdf", text: str = "Tờ trình") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, minimal_pdf([text]), content_type="application/pdf")
