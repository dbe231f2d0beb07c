"""The reform area, now a category of the initiative's campaign (0004), is removed."""

from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [("initiatives", "0004_categories_from_reform_areas")]

    operations = [
        migrations.RemoveField(model_name="initiative", name="reform_area"),
        migrations.AddIndex(
            model_name="initiative",
            index=models.Index(
                fields=["campaign", "state", "category"], include=("agency",), name="initiative_campaign_figures"
            ),
        ),
    ]
