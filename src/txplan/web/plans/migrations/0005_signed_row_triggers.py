"""Database triggers that refuse UPDATE/DELETE of signed rows (``plans/triggers.py``)."""

from django.db import migrations

from txplan.web.plans import triggers


class Migration(migrations.Migration):
    dependencies = [
        ("plans", "0004_plan_signature_manifest"),
    ]

    operations = [migrations.RunPython(triggers.install, triggers.remove)]
