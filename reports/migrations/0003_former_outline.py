"""Campaigns that already have a report or indicators get the outline the code used to print,
so their report reads as before; indicators move from their section code to that outline's
section. Data only, in a migration of its own: PostgreSQL refuses to alter or index a table with
row updates pending in the same transaction."""

from django.db import migrations

# The outline every report had while it was written in code (keys of its staff text, number,
# title, level, blocks): a campaign that already has a report or indicators keeps printing the
# same document. An empty database has none, so nothing is created.
FORMER_OUTLINE = [
    ("mo-dau", "", "", 0, ["opening"]),
    ("i", "I", "Công tác chỉ đạo, triển khai thực hiện phong trào thi đua", 1, []),
    ("i_1", "1", "", 2, []),
    ("i_2", "2", "", 2, []),
    ("ii", "II", "Kết quả thực hiện phong trào thi đua", 1, []),
    ("ii_1", "1", "Nhận thức, trách nhiệm của lãnh đạo, CBCCVC thực hiện các nhiệm vụ cải cách hành chính", 2, []),
    (
        "ii_2",
        "2",
        "Các mô hình, sáng kiến, giải pháp được triển khai, nhân rộng trong các cơ quan, đơn vị, địa phương",
        2,
        ["initiatives_count", "initiatives_by_agency"],
    ),
    ("ii_3", "3", "Công tác thông tin, tuyên truyền về phong trào thi đua", 2, []),
    ("ii_4", "4", "Kết quả đạt được trên các mặt công tác CCHC, chuyển đổi số", 2, []),
    ("ii_4_1", "4.1", "Đẩy mạnh cải cách thủ tục hành chính phục vụ người dân, doanh nghiệp", 3, ["indicators"]),
    ("ii_4_2", "4.2", "Công tác cải cách thể chế", 3, ["indicators"]),
    ("ii_4_3", "4.3", "Cải cách tổ chức bộ máy, cải cách chế độ công vụ", 3, ["indicators"]),
    (
        "ii_4_4",
        "4.4",
        "Tăng cường ứng dụng công nghệ thông tin, chuyển đổi số, xây dựng và phát triển Chính phủ điện tử",
        3,
        ["indicators"],
    ),
    ("iii", "III", "Đánh giá chung", 1, []),
    ("iii_1", "1", "Ưu điểm", 2, ["progress"]),
    ("iii_2", "2", "Tồn tại, hạn chế, khó khăn, vướng mắc", 2, ["late_incomplete"]),
    ("iv", "IV", "Bài học kinh nghiệm", 1, []),
    ("v", "V", "Kiến nghị, đề xuất", 1, []),
    ("closing", "", "", 0, ["appendix_nominations", "appendix_initiatives"]),
]


def former_outline(apps, schema_editor):
    SummaryReport = apps.get_model("reports", "SummaryReport")
    Indicator = apps.get_model("reports", "Indicator")
    OutlineSection = apps.get_model("reports", "OutlineSection")
    OutlineBlock = apps.get_model("reports", "OutlineBlock")
    campaign_ids = set(SummaryReport.objects.values_list("campaign_id", flat=True))
    campaign_ids |= set(Indicator.objects.values_list("campaign_id", flat=True))
    for campaign_id in campaign_ids:
        by_number = {}
        for position, (key, number, title, level, blocks) in enumerate(FORMER_OUTLINE, start=1):
            section = OutlineSection.objects.create(
                campaign_id=campaign_id, key=key, number=number, title=title, level=level, position=position * 10
            )
            for index, kind in enumerate(blocks, start=1):
                OutlineBlock.objects.create(section=section, kind=kind, placement="after", position=index)
            if level == 3:
                by_number[number] = section
        for indicator in Indicator.objects.filter(campaign_id=campaign_id):
            indicator.section = by_number.get(indicator.former_section)
            indicator.save(update_fields=["section"])


class Migration(migrations.Migration):
    dependencies = [("reports", "0002_outline_as_campaign_data")]

    operations = [migrations.RunPython(former_outline, migrations.RunPython.noop)]
