"""Intake: the full client record (names, pronouns, sex, contact, intake date, guardian), payers
as a practice list, diagnosis history (resolved, not deleted) and discharges.

Existing clients keep their payer (one Payer row per distinct name in each practice) and get
their registration date as the intake date.
"""

import django.db.models.deletion
import django.db.models.manager
import django.utils.timezone
from django.conf import settings
from django.db import migrations, models


def payers_and_intake_dates(apps, schema_editor):
    Client = apps.get_model("clients", "Client")
    Payer = apps.get_model("clients", "Payer")
    for client in Client.objects.all():
        if client.payer_name.strip():
            payer, _ = Payer.objects.get_or_create(
                practice_id=client.practice_id, name=client.payer_name.strip()
            )
            client.payer_ref = payer
        client.intake_date = django.utils.timezone.localdate(client.created_at)
        client.save(update_fields=["payer_ref", "intake_date"])


def payers_back(apps, schema_editor):
    Client = apps.get_model("clients", "Client")
    for client in Client.objects.select_related("payer_ref"):
        client.payer_name = client.payer_ref.name if client.payer_ref else ""
        client.save(update_fields=["payer_name"])


def text(max_length: int) -> models.CharField:
    return models.CharField(blank=True, max_length=max_length)


class Migration(migrations.Migration):
    dependencies = [
        ("accounts", "0001_initial"),
        ("clients", "0001_initial"),
        ("plans", "0003_planversion_draft_notes"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.CreateModel(
            name="Payer",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("name", models.CharField(max_length=120)),
                ("active", models.BooleanField(default=True)),
                (
                    "practice",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="payers",
                        to="accounts.practice",
                    ),
                ),
            ],
            options={"ordering": ["name"]},
        ),
        migrations.AddConstraint(
            model_name="payer",
            constraint=models.UniqueConstraint(
                fields=("practice", "name"), name="payer_name_unique"
            ),
        ),
        # The payer: from free text to the practice's list.
        migrations.RenameField(model_name="client", old_name="payer", new_name="payer_name"),
        migrations.AddField(
            model_name="client",
            name="payer_ref",
            field=models.ForeignKey(
                blank=True,
                null=True,
                on_delete=django.db.models.deletion.PROTECT,
                related_name="clients",
                to="clients.payer",
            ),
        ),
        migrations.AddField(
            model_name="client", name="intake_date", field=models.DateField(null=True)
        ),
        migrations.RunPython(payers_and_intake_dates, payers_back),
        migrations.RemoveField(model_name="client", name="payer_name"),
        migrations.RenameField(model_name="client", old_name="payer_ref", new_name="payer"),
        migrations.AlterField(model_name="client", name="intake_date", field=models.DateField()),
        migrations.AddField(model_name="client", name="preferred_name", field=text(80)),
        migrations.AddField(model_name="client", name="pronouns", field=text(40)),
        migrations.AddField(
            model_name="client",
            name="sex",
            field=models.CharField(
                choices=[
                    ("female", "Female"),
                    ("male", "Male"),
                    ("x", "X (unspecified or another sex on legal documents)"),
                    ("unknown", "Not recorded"),
                ],
                default="unknown",
                max_length=10,
            ),
        ),
        migrations.AddField(model_name="client", name="phone", field=text(40)),
        migrations.AddField(
            model_name="client", name="email", field=models.EmailField(blank=True, max_length=254)
        ),
        migrations.AddField(
            model_name="client", name="address", field=models.TextField(blank=True)
        ),
        migrations.AddField(model_name="client", name="guardian_name", field=text(160)),
        migrations.AddField(model_name="client", name="guardian_relationship", field=text(60)),
        migrations.AddField(model_name="client", name="guardian_phone", field=text(40)),
        migrations.AddField(
            model_name="client",
            name="guardian_email",
            field=models.EmailField(blank=True, max_length=254),
        ),
        migrations.AddField(
            model_name="client", name="discharged_on", field=models.DateField(blank=True, null=True)
        ),
        migrations.AddField(
            model_name="client",
            name="updated_at",
            field=models.DateTimeField(auto_now=True, default=django.utils.timezone.now),
            preserve_default=False,
        ),
        migrations.AddIndex(
            model_name="client",
            index=models.Index(
                fields=["practice", "last_name", "first_name"], name="client_practice_name_idx"
            ),
        ),
        # Diagnoses: resolved ones stay as history; only current ones are unique per code.
        migrations.AlterModelOptions(
            name="clientdiagnosis",
            options={"base_manager_name": "with_history", "ordering": ["-primary", "code"]},
        ),
        migrations.AlterModelManagers(
            name="clientdiagnosis",
            managers=[
                ("objects", django.db.models.manager.Manager()),
                ("with_history", django.db.models.manager.Manager()),
            ],
        ),
        migrations.RemoveConstraint(model_name="clientdiagnosis", name="client_diagnosis_unique"),
        migrations.AddField(
            model_name="clientdiagnosis",
            name="added_by",
            field=models.ForeignKey(
                blank=True,
                null=True,
                on_delete=django.db.models.deletion.PROTECT,
                related_name="+",
                to=settings.AUTH_USER_MODEL,
            ),
        ),
        migrations.AddField(
            model_name="clientdiagnosis",
            name="resolved_on",
            field=models.DateField(blank=True, null=True),
        ),
        migrations.AddField(
            model_name="clientdiagnosis",
            name="resolved_by",
            field=models.ForeignKey(
                blank=True,
                null=True,
                on_delete=django.db.models.deletion.PROTECT,
                related_name="+",
                to=settings.AUTH_USER_MODEL,
            ),
        ),
        migrations.AddField(
            model_name="clientdiagnosis",
            name="was_primary",
            field=models.BooleanField(default=False),
        ),
        migrations.AddConstraint(
            model_name="clientdiagnosis",
            constraint=models.UniqueConstraint(
                condition=models.Q(("resolved_on__isnull", True)),
                fields=("client", "code"),
                name="client_current_diagnosis_unique",
            ),
        ),
        migrations.CreateModel(
            name="Discharge",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("discharged_on", models.DateField()),
                (
                    "reason",
                    models.CharField(
                        choices=[
                            ("goals_met", "Treatment goals met"),
                            ("step_down", "Stepped down or transferred to other care"),
                            ("referred", "Referred to a higher level of care"),
                            ("client_choice", "Client chose to end treatment"),
                            ("no_contact", "Lost contact (no response to outreach)"),
                            ("moved", "Moved away or payer coverage ended"),
                            ("other", "Other (see details)"),
                        ],
                        max_length=20,
                    ),
                ),
                ("reason_detail", models.TextField(blank=True)),
                (
                    "course",
                    models.TextField(
                        blank=True, help_text="Course of treatment, in a few sentences."
                    ),
                ),
                ("objectives", models.JSONField(blank=True, default=list)),
                ("scores", models.JSONField(blank=True, default=list)),
                ("recommendations", models.TextField(blank=True)),
                ("created_at", models.DateTimeField(auto_now_add=True)),
                ("signed_at", models.DateTimeField(blank=True, null=True)),
                (
                    "client",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="discharges",
                        to="clients.client",
                    ),
                ),
                (
                    "closed_plans",
                    models.ManyToManyField(blank=True, related_name="discharges", to="plans.plan"),
                ),
                (
                    "created_by",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                    ),
                ),
                (
                    "signed_by",
                    models.ForeignKey(
                        blank=True,
                        null=True,
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                    ),
                ),
            ],
            options={"ordering": ["-discharged_on", "-pk"]},
        ),
        migrations.AddConstraint(
            model_name="discharge",
            constraint=models.UniqueConstraint(
                condition=models.Q(("signed_at__isnull", True)),
                fields=("client",),
                name="one_open_discharge_per_client",
            ),
        ),
    ]
