from django.contrib import admin

from txplan.web.clients.models import Client, ClientDiagnosis


class DiagnosisInline(admin.TabularInline):
    model = ClientDiagnosis
    extra = 0


@admin.register(Client)
class ClientAdmin(admin.ModelAdmin):
    list_display = ["id", "last_name", "first_name", "clinician", "practice"]
    inlines = [DiagnosisInline]
