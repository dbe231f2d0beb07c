"""An initiative points to a category of its own campaign (the data come in 0004)."""

import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("campaigns", "0003_initiative_categories"),
        ("initiatives", "0002_dashboard_figures"),
    ]

    operations = [
        migrations.RemoveIndex(model_name="initiative", name="initiative_campaign_figures"),
        migrations.AddField(
            model_name="initiative",
            name="category",
            field=models.ForeignKey(
                blank=True,
                null=True,
                on_delete=django.db.models.deletion.PROTECT,
                related_name="initiatives",
                to="campaigns.initiativecategory",
                verbose_name="lĩnh vực, nhóm",
            ),
        ),
    ]
