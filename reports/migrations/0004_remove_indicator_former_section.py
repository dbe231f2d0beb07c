"""The indicator's former section code, now a link to an outline section (0003), is removed; in
its own migration because PostgreSQL refuses to alter a table with row updates pending in the
same transaction."""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [("reports", "0003_former_outline")]

    operations = [migrations.RemoveField(model_name="indicator", name="former_section")]
