"""The reform area of an initiative was an enum shared by every campaign; it becomes a category
of the initiative's own campaign. Each campaign that has initiatives gets the seven former areas
as its categories (same names), and each initiative points to its own. An empty database has no
initiatives, so no campaign gets any. Data only, in a migration of its own: PostgreSQL refuses
to alter or index a table with row updates pending in the same transaction."""

from django.db import migrations

# The former enum: value → (code, name), in its order.
FORMER_AREAS = {
    "procedures": ("thu-tuc-hanh-chinh", "Cải cách thủ tục hành chính"),
    "institutions": ("the-che", "Cải cách thể chế"),
    "organisation": ("to-chuc-bo-may", "Cải cách tổ chức bộ máy"),
    "civil_service": ("che-do-cong-vu", "Cải cách chế độ công vụ"),
    "public_finance": ("tai-chinh-cong", "Cải cách tài chính công"),
    "digital": ("chuyen-doi-so", "Chính phủ điện tử, chuyển đổi số"),
    "communication": ("tuyen-truyen", "Thông tin, tuyên truyền"),
}


def areas_to_categories(apps, schema_editor):
    Initiative = apps.get_model("initiatives", "Initiative")
    InitiativeCategory = apps.get_model("campaigns", "InitiativeCategory")
    campaign_ids = Initiative.objects.values_list("campaign_id", flat=True).distinct()
    for campaign_id in campaign_ids:
        by_area = {}
        for position, (area, (code, name)) in enumerate(FORMER_AREAS.items(), start=1):
            by_area[area], _created = InitiativeCategory.objects.get_or_create(
                campaign_id=campaign_id, code=code, defaults={"name": name, "position": position}
            )
        for area, category in by_area.items():
            Initiative.objects.filter(campaign_id=campaign_id, reform_area=area).update(category=category)


def categories_to_areas(apps, schema_editor):
    Initiative = apps.get_model("initiatives", "Initiative")
    codes = {code: area for area, (code, _name) in FORMER_AREAS.items()}
    for initiative in Initiative.objects.select_related("category"):
        area = codes.get(initiative.category.code if initiative.category_id else "", "procedures")
        Initiative.objects.filter(pk=initiative.pk).update(reform_area=area)


class Migration(migrations.Migration):
    dependencies = [("initiatives", "0003_category_as_campaign_data")]

    operations = [migrations.RunPython(areas_to_categories, categories_to_areas)]
