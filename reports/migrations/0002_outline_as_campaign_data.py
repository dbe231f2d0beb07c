"""A campaign's report outline as data (its data for existing reports come in 0003)."""

import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("campaigns", "0003_initiative_categories"),
        ("reports", "0001_initial"),
    ]

    operations = [
        migrations.CreateModel(
            name="OutlineSection",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                (
                    "key",
                    models.SlugField(
                        help_text="Dùng để gắn nội dung của cán bộ với mục; chữ thường, không dấu.",
                        max_length=40,
                        verbose_name="mã",
                    ),
                ),
                (
                    "number",
                    models.CharField(blank=True, help_text="Ví dụ: I, 1, 4.1", max_length=16, verbose_name="số mục"),
                ),
                (
                    "title",
                    models.CharField(
                        blank=True,
                        help_text="Để trống: số mục đứng đầu đoạn văn đầu tiên. Có thể có chú thích [^số ký hiệu văn bản].",
                        max_length=1000,
                        verbose_name="tên mục",
                    ),
                ),
                (
                    "level",
                    models.PositiveSmallIntegerField(
                        choices=[
                            (0, "Đoạn không có đề mục"),
                            (1, "Mục lớn (I, II, …)"),
                            (2, "Mục (1, 2, …)"),
                            (3, "Tiểu mục (4.1, 4.2, …)"),
                        ],
                        default=2,
                        verbose_name="cấp",
                    ),
                ),
                ("position", models.PositiveIntegerField(default=0, verbose_name="thứ tự")),
                (
                    "campaign",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="outline_sections",
                        to="campaigns.campaign",
                        verbose_name="phong trào",
                    ),
                ),
            ],
            options={
                "verbose_name": "mục của báo cáo",
                "verbose_name_plural": "đề cương báo cáo",
                "ordering": ["position", "pk"],
            },
        ),
        migrations.CreateModel(
            name="OutlineBlock",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                (
                    "kind",
                    models.CharField(
                        choices=[
                            ("opening", "Câu mở đầu: thực hiện văn bản phát động, thời gian thực hiện"),
                            ("documents", "Các văn bản chỉ đạo của phong trào (kèm chú thích)"),
                            ("initiatives_count", "Số mô hình, sáng kiến và số cơ quan triển khai"),
                            ("initiatives_by_agency", "Danh sách mô hình, sáng kiến theo cơ quan"),
                            ("indicators", "Số liệu các chỉ số xếp vào mục này"),
                            ("progress", "Số cơ quan gửi hồ sơ đúng hạn trên số cơ quan phải gửi"),
                            ("late_incomplete", "Hồ sơ thiếu thành phần, gửi sau thời hạn; cơ quan chưa gửi"),
                            ("appendix_nominations", "Phụ lục: danh sách hồ sơ đề nghị khen thưởng"),
                            ("appendix_initiatives", "Phụ lục: danh sách mô hình, sáng kiến"),
                        ],
                        max_length=32,
                        verbose_name="khối tính toán",
                    ),
                ),
                (
                    "placement",
                    models.CharField(
                        choices=[("before", "Trước nội dung"), ("after", "Sau nội dung")],
                        default="after",
                        max_length=8,
                        verbose_name="vị trí",
                    ),
                ),
                ("position", models.PositiveSmallIntegerField(default=0, verbose_name="thứ tự")),
                (
                    "section",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE, related_name="blocks", to="reports.outlinesection"
                    ),
                ),
            ],
            options={
                "verbose_name": "khối tính toán",
                "verbose_name_plural": "khối tính toán",
                "ordering": ["position", "pk"],
            },
        ),
        migrations.RenameField(model_name="indicator", old_name="section", new_name="former_section"),
        migrations.AddField(
            model_name="indicator",
            name="section",
            field=models.ForeignKey(
                blank=True,
                help_text="Mục có khối “Số liệu các chỉ số” in chỉ số này; để trống: không in trong báo cáo.",
                null=True,
                on_delete=django.db.models.deletion.SET_NULL,
                related_name="indicators",
                to="reports.outlinesection",
                verbose_name="mục trong báo cáo",
            ),
        ),
        migrations.AddConstraint(
            model_name="outlinesection",
            constraint=models.UniqueConstraint(fields=("campaign", "key"), name="outline_section_unique_key"),
        ),
    ]
