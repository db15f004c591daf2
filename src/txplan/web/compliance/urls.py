"""Routes of the compliance app, added to the site's urlpatterns."""

from django.urls import path

from txplan.web.compliance.views.account_unlock import account_mfa_reset, account_unlock
from txplan.web.compliance.views.amendment_decide import amendment_decide
from txplan.web.compliance.views.amendments import amendments
from txplan.web.compliance.views.audit_report import audit_report
from txplan.web.compliance.views.disclose import disclose
from txplan.web.compliance.views.disclosures import disclosures
from txplan.web.compliance.views.emergency_access import emergency_access
from txplan.web.compliance.views.emergency_review import emergency_review
from txplan.web.compliance.views.mfa_setup import mfa_setup
from txplan.web.compliance.views.mfa_verify import mfa_verify
from txplan.web.compliance.views.password_change import password_change
from txplan.web.compliance.views.practice_security import practice_security
from txplan.web.compliance.views.recovery_codes import recovery_codes
from txplan.web.compliance.views.session_ping import session_ping

urlpatterns = [
    path("account/mfa/", mfa_setup, name="mfa_setup"),
    path("account/mfa/verify", mfa_verify, name="mfa_verify"),
    path("account/mfa/recovery-codes", recovery_codes, name="mfa_recovery_codes"),
    path("account/password", password_change, name="password_change"),
    path("session/ping", session_ping, name="session_ping"),
    path("audit/", audit_report, name="audit_report"),
    path("practice/security", practice_security, name="practice_security"),
    path("practice/users/<int:user_id>/unlock", account_unlock, name="account_unlock"),
    path("practice/users/<int:user_id>/mfa-reset", account_mfa_reset, name="account_mfa_reset"),
    path("practice/emergency/<int:grant_id>/review", emergency_review, name="emergency_review"),
    path("clients/emergency", emergency_access, name="emergency_access"),
    path("clients/<int:client_id>/amendments", amendments, name="amendments"),
    path(
        "clients/<int:client_id>/amendments/<int:amendment_id>/decide",
        amendment_decide,
        name="amendment_decide",
    ),
    path("clients/<int:client_id>/disclosures", disclosures, name="disclosures"),
    path("plans/<int:plan_id>/v/<int:number>/disclose", disclose, name="plan_disclose"),
]
