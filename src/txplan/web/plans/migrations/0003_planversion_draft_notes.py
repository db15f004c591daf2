from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("plans", "0002_signature_image"),
    ]

    operations = [
        migrations.AddField(
            model_name="planversion",
            name="draft_notes",
            field=models.JSONField(blank=True, default=dict),
        ),
    ]
