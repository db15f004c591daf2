from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "txplan.web.accounts"
    label = "accounts"
