"""The clients app's pages: intake, the record, diagnoses, discharge and the payer list.
(The caseload and the client page are in ``txplan.web.urls`` with the routes they predate.)"""

from django.urls import path

from txplan.web.clients.views.client_edit import client_edit
from txplan.web.clients.views.client_new import client_new
from txplan.web.clients.views.diagnoses import client_diagnoses
from txplan.web.clients.views.discharge import client_discharge
from txplan.web.clients.views.payers import payers

urlpatterns = [
    path("clients/new", client_new, name="client_new"),
    path("clients/<int:client_id>/edit", client_edit, name="client_edit"),
    path("clients/<int:client_id>/diagnoses", client_diagnoses, name="client_diagnoses"),
    path("clients/<int:client_id>/discharge", client_discharge, name="client_discharge"),
    path("practice/payers", payers, name="payers"),
]
