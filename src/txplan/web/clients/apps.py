from django.apps import AppConfig


class ClientsConfig(AppConfig):
    name = "txplan.web.clients"
    label = "clients"

    def ready(self) -> None:
        from auditlog.registry import auditlog

        from txplan.web.clients.models import Client, ClientDiagnosis

        auditlog.register(Client)
        auditlog.register(ClientDiagnosis)
