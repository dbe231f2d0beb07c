import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("awards", "0003_dashboard_figures"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.AddField(
            model_name="nomination",
            name="receipt_channel",
            field=models.CharField(
                blank=True,
                choices=[
                    ("online", "Trực tuyến"),
                    ("paper", "Bản giấy"),
                    ("email", "Thư điện tử"),
                    ("document_system", "Hệ thống quản lý văn bản"),
                ],
                max_length=16,
                verbose_name="hình thức nhận",
            ),
        ),
        migrations.AddField(
            model_name="nomination",
            name="receipt_number",
            field=models.CharField(blank=True, max_length=32, verbose_name="số đến"),
        ),
        migrations.AddField(
            model_name="nomination",
            name="receipt_recorded_at",
            field=models.DateTimeField(blank=True, null=True, verbose_name="thời điểm ghi nhận"),
        ),
        migrations.AddField(
            model_name="nomination",
            name="receipt_recorded_by",
            field=models.ForeignKey(
                blank=True,
                null=True,
                on_delete=django.db.models.deletion.SET_NULL,
                related_name="+",
                to=settings.AUTH_USER_MODEL,
                verbose_name="người ghi nhận",
            ),
        ),
        migrations.AddField(
            model_name="nomination",
            name="received_on",
            field=models.DateField(blank=True, null=True, verbose_name="ngày nhận hồ sơ"),
        ),
    ]
