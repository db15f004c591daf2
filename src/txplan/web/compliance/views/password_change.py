from django.contrib import messages
from django.contrib.auth import views as auth_views
from django.contrib.auth.forms import PasswordChangeForm
from django.http import HttpResponse
from django.urls import reverse_lazy

from txplan.web.compliance import actions
from txplan.web.compliance.models import Action


class PasswordChange(auth_views.PasswordChangeView):
    """Self-service password change: the old password, then the new one twice."""

    template_name = "compliance/password_change.html"
    success_url = reverse_lazy("caseload")

    def form_valid(self, form: PasswordChangeForm) -> HttpResponse:
        response: HttpResponse = super().form_valid(form)
        actions.record(
            Action.PASSWORD_CHANGED, user=form.user, object_type="user", object_id=form.user.pk
        )
        messages.success(self.request, "Your password was changed.")
        return response


password_change = PasswordChange.as_view()
