"""Measures URLs not tied to recording: risk flags and their assessments."""

from django.urls import path

from txplan.web.measures.views.risk import risk_flag

urlpatterns = [
    path("risk-flags/<int:flag_id>/", risk_flag, name="risk_flag"),
]
