"""What the API shows of each record: the fields a published page or the register shows, named
in English for machines, with the Vietnamese label of each coded value beside it. No file, no
document, no reviewer's note, no contact detail of a person."""

from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from awards.enums import AwardSource, NomineeType


class AgencyRefSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    name = serializers.CharField()
    level = serializers.CharField()
    unit_code = serializers.CharField(help_text="Mã đơn vị hành chính (UBND các cấp), trống với cơ quan khác.")


class LegalDocumentSerializer(serializers.Serializer):
    doc_type = serializers.CharField()
    doc_type_label = serializers.CharField(source="get_doc_type_display")
    number_symbol = serializers.CharField()
    issued_on = serializers.DateField()
    issuer = serializers.CharField()
    subject = serializers.CharField()


class CampaignSerializer(serializers.Serializer):
    code = serializers.CharField()
    name = serializers.CharField()
    plan_document = LegalDocumentSerializer()
    issuing_authority = serializers.CharField()
    place_name = serializers.CharField()
    period_start = serializers.DateField()
    period_end = serializers.DateField()
    nomination_deadline = serializers.DateField()
    expected_agency_count = serializers.IntegerField(source="expected_count")


class CampaignDetailSerializer(CampaignSerializer):
    expected_agency_count = serializers.SerializerMethodField()
    expected_agencies = AgencyRefSerializer(many=True)
    documents = serializers.SerializerMethodField()

    def get_expected_agency_count(self, campaign) -> int:
        return len(campaign.expected_agencies.all())

    @extend_schema_field(LegalDocumentSerializer(many=True))
    def get_documents(self, campaign):
        return LegalDocumentSerializer([link.document for link in campaign.document_links.all()], many=True).data


class AgencyProgressSerializer(serializers.Serializer):
    agency = AgencyRefSerializer()
    status = serializers.CharField(help_text="on_time | late | missing | merged")
    status_label = serializers.SerializerMethodField()
    first_received_on = serializers.DateField(allow_null=True)
    nominations = serializers.IntegerField()
    merged_into = AgencyRefSerializer(allow_null=True)
    merged_on = serializers.DateField(allow_null=True)
    filed_by = AgencyRefSerializer(allow_null=True)

    def get_status_label(self, row) -> str:
        return str(row.status.label)


class CampaignProgressSerializer(serializers.Serializer):
    campaign = serializers.CharField(source="campaign.code")
    as_of = serializers.DateField()
    on_time_as_of = serializers.DateField()
    expected = serializers.IntegerField()
    sent_on_time = serializers.IntegerField()
    sent_on_time_label = serializers.CharField(help_text="Như trong báo cáo: “25/43”.")
    sent_late = serializers.IntegerField()
    missing = serializers.SerializerMethodField()
    merged = serializers.SerializerMethodField()
    nominations_total = serializers.IntegerField()
    nominations_late = serializers.IntegerField()
    nominations_missing_component = serializers.IntegerField()
    agencies = AgencyProgressSerializer(many=True, source="rows")

    def get_missing(self, progress) -> int:
        return len(progress.missing_agencies)

    def get_merged(self, progress) -> int:
        return len(progress.merged_agencies)


class ResultFigureSerializer(serializers.Serializer):
    label = serializers.CharField()
    value = serializers.CharField()


class InitiativeSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    campaign = serializers.CharField(source="campaign.code")
    agency = AgencyRefSerializer()
    kind = serializers.CharField()
    kind_label = serializers.CharField(source="get_kind_display")
    category = serializers.CharField(
        source="category.code", allow_null=True, default=None, help_text="the campaign's own category code"
    )
    category_label = serializers.CharField(source="category.name", allow_null=True, default=None)
    title = serializers.CharField()
    description = serializers.CharField()
    started_on = serializers.DateField(allow_null=True)
    implementing_units = AgencyRefSerializer(many=True)
    replicated_to = AgencyRefSerializer(many=True)
    results = serializers.CharField()
    result_figures = serializers.SerializerMethodField()
    state = serializers.CharField(help_text="registered | in_practice | evaluated")
    state_label = serializers.CharField(source="get_state_display")
    updated_at = serializers.DateTimeField()

    @extend_schema_field(ResultFigureSerializer(many=True))
    def get_result_figures(self, initiative):
        figures = [f for f in initiative.result_figures or [] if isinstance(f, dict)]
        return [{"label": str(f.get("label", "")), "value": str(f.get("value", ""))} for f in figures]


class AwardSerializer(serializers.Serializer):
    """One line of the register, from the portal or recorded before it: who, which award, which
    decision; for a person only what the decision publishes (name, position, unit)."""

    source = serializers.ChoiceField(
        choices=AwardSource.choices,
        help_text="portal: đề nghị trên cổng; record: ghi nhận trước khi có cổng. Cặp (source, id) là duy nhất.",
    )
    source_label = serializers.SerializerMethodField()
    id = serializers.IntegerField()
    campaign = serializers.CharField(
        source="campaign_code", allow_null=True, help_text="null với khen thưởng ghi nhận."
    )
    nominating_agency = AgencyRefSerializer(allow_null=True, help_text="null với khen thưởng ghi nhận.")
    nominee_type = serializers.ChoiceField(choices=NomineeType.choices)
    nominee_type_label = serializers.SerializerMethodField()
    nominee_agency = AgencyRefSerializer(allow_null=True, help_text="Tập thể được khen thưởng, như đơn vị khi đó.")
    nominee_name = serializers.CharField(help_text="Tên tập thể hoặc họ tên cá nhân.")
    nominee_position = serializers.CharField()
    nominee_unit = serializers.CharField()
    award_form = serializers.CharField(source="form_name")
    decision_number = serializers.CharField()
    decision_date = serializers.DateField()
    updated_at = serializers.DateTimeField()

    def get_source_label(self, row) -> str:
        return str(AwardSource(row["source"]).label)

    def get_nominee_type_label(self, row) -> str:
        return str(NomineeType(row["nominee_type"]).label)
