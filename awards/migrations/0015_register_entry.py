"""The award register's unmanaged model, read from a database view that awards/register_view.py keeps:
dropped before every `migrate` that runs migrations and created after it, so that no migration of a
table it reads meets it."""

from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("awards", "0014_nomination_queue_sent"),
    ]

    operations = [
        migrations.CreateModel(
            name="RegisterEntry",
            fields=[
                (
                    "pk",
                    models.CompositePrimaryKey(
                        "source", "id", blank=True, editable=False, primary_key=True, serialize=False
                    ),
                ),
                (
                    "source",
                    models.CharField(
                        choices=[("portal", "Cổng thi đua"), ("record", "Ghi nhận trước khi có cổng")], max_length=16
                    ),
                ),
                ("id", models.BigIntegerField()),
                (
                    "nominee_type",
                    models.CharField(choices=[("collective", "Tập thể"), ("individual", "Cá nhân")], max_length=16),
                ),
                ("form_name", models.CharField(max_length=255)),
                ("nominee_name", models.CharField(max_length=255)),
                ("nominee_position", models.CharField(max_length=255)),
                ("nominee_unit", models.CharField(max_length=255)),
                ("decision_number", models.CharField(max_length=64)),
                ("decision_date", models.DateField()),
                ("context", models.CharField(max_length=500)),
                ("campaign_code", models.CharField(max_length=32, null=True)),
                ("updated_at", models.DateTimeField()),
                ("nominee_key", models.CharField(max_length=400)),
                ("search_text", models.CharField(max_length=800)),
            ],
            options={
                "db_table": "awards_register_entry",
                "managed": False,
            },
        ),
    ]
