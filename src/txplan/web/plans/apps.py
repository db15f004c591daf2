from django.apps import AppConfig


class PlansConfig(AppConfig):
    name = "txplan.web.plans"
    label = "plans"

    def ready(self) -> None:
        from auditlog.registry import auditlog

        from txplan.web.plans.models import Plan, PlanVersion, VersionSignature

        auditlog.register(Plan)
        # The document is large; the log records that it changed, the version keeps the text.
        auditlog.register(PlanVersion, exclude_fields=["document"])
        # A drawn signature's PNG is bytes the log cannot render as text; the seal covers it.
        auditlog.register(VersionSignature, exclude_fields=["image"])
