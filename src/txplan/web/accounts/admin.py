from django.contrib import admin
from django.contrib.auth.admin import UserAdmin

from txplan.web.accounts.models import Practice, User


@admin.register(User)
class TxplanUserAdmin(UserAdmin):
    fieldsets = (
        *(UserAdmin.fieldsets or ()),
        ("Practice", {"fields": ("practice", "role", "credentials", "supervisor")}),
    )
    list_display = ["username", "first_name", "last_name", "role", "supervisor", "practice"]


admin.site.register(Practice)
