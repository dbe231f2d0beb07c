import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("agencies", "0001_initial"),
        ("awards", "0005_received_on_from_first_submission"),
    ]

    operations = [
        migrations.AddField(
            model_name="nomination",
            name="filed_for",
            field=models.ForeignKey(
                blank=True,
                null=True,
                on_delete=django.db.models.deletion.PROTECT,
                related_name="nominations_filed_for",
                to="agencies.agency",
                verbose_name="gửi thay cho cơ quan đã sáp nhập",
            ),
        ),
        # The dashboards' counts read the receipt date and the agency filed for from the index.
        migrations.RemoveIndex(model_name="nomination", name="nomination_campaign_figures"),
        migrations.AddIndex(
            model_name="nomination",
            index=models.Index(
                fields=["campaign", "state", "verdict"],
                include=("agency", "filed_for", "received_on", "award_form", "id"),
                name="nomination_campaign_figures",
            ),
        ),
    ]
