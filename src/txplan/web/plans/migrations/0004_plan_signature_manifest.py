"""Seals of format 2 (see ``txplan.web.plans.integrity``) and the plan's signature manifest.

Every seal of format 1 that still verifies is rewritten in format 2, which also covers the
status, reason, author, change note, override reason and the plan's client (versions) and the
credentials, attestation and unable reason (signatures); then each plan gets its manifest. A
seal that does not verify is left as it is, so the integrity check keeps reporting it. This
runs before 0005 installs the triggers that refuse any later update of a signed row.
"""

from django.db import migrations, models


def reseal(apps, schema_editor):  # type: ignore[no-untyped-def]
    from txplan.web.plans import integrity

    Plan = apps.get_model("plans", "Plan")
    PlanVersion = apps.get_model("plans", "PlanVersion")
    VersionSignature = apps.get_model("plans", "VersionSignature")
    for version in PlanVersion.objects.filter(status="signed").select_related("plan"):
        if integrity.sealed(integrity.legacy_version_message(version), version.seal):
            PlanVersion.objects.filter(pk=version.pk).update(
                seal=integrity.seal(integrity.version_message(version))
            )
    for signature in VersionSignature.objects.all():
        if integrity.sealed(integrity.legacy_signature_message(signature), signature.seal):
            VersionSignature.objects.filter(pk=signature.pk).update(
                seal=integrity.seal(integrity.signature_message(signature))
            )
    for plan in Plan.objects.all():
        rows = VersionSignature.objects.filter(version__plan_id=plan.pk).values_list(
            "version_id", "role", "seal"
        )
        if rows:
            message = integrity.manifest_message(plan.pk, plan.client_id, list(rows))
            Plan.objects.filter(pk=plan.pk).update(signature_manifest=integrity.seal(message))


class Migration(migrations.Migration):
    dependencies = [
        ("plans", "0003_planversion_draft_notes"),
    ]

    operations = [
        migrations.AddField(
            model_name="plan",
            name="signature_manifest",
            field=models.CharField(blank=True, max_length=64),
        ),
        migrations.RunPython(reseal, migrations.RunPython.noop),
    ]
