import factory

from initiatives.enums import InitiativeKind, InitiativeState
from initiatives.models import Initiative

from . import AgencyFactory, CampaignFactory


class InitiativeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Initiative
        skip_postgeneration_save = True

    campaign = factory.SubFactory(CampaignFactory)
    agency = factory.SubFactory(AgencyFactory)
    kind = InitiativeKind.MODEL
    title = factory.Sequence(lambda n: f"Mô hình thử nghiệm số {n}")
    description = "Mô tả thử nghiệm."
    state = InitiativeState.DRAFT

    @factory.post_generation
    def implementing_units(self, create, extracted, **kwargs):
        if create and extracted:
            self.implementing_units.set(extracted)

    @factory.post_generation
    def replicated_to(self, create, extracted, **kwargs):
        if create and extracted:
            self.replicated_to.set(extracted)

    @factory.post_generation
    def _search_text(self, create, extracted, **kwargs):
        if create:
            self.save()
