from django.apps import AppConfig


class MeasuresConfig(AppConfig):
    name = "txplan.web.measures"
    label = "measures"

    def ready(self) -> None:
        from auditlog.registry import auditlog

        from txplan.web.measures.models import Administration

        auditlog.register(Administration)
