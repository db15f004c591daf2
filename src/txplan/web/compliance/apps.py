from django.apps import AppConfig


class ComplianceConfig(AppConfig):
    name = "txplan.web.compliance"
    label = "compliance"

    def ready(self) -> None:
        from txplan.web.compliance import signals

        signals.connect()
