from __future__ import annotations

import copy

import pytest
from django.test import Client as HttpClient
from django.urls import reverse

from tests.web.conftest import START, World, at
from tests.web.editor_forms import form_data
from txplan.web.plans import actions
from txplan.web.plans.models import PlanVersion

pytestmark = pytest.mark.django_db


def as_user(user) -> HttpClient:  # type: ignore[no-untyped-def]
    http = HttpClient()
    http.force_login(user)
    return http


def edit_url(version: PlanVersion) -> str:
    return reverse("plan_edit", args=[version.plan_id, version.number])


def post(http: HttpClient, version: PlanVersion, document: dict, **extra):  # type: ignore[no-untyped-def]
    return http.post(
        edit_url(version), form_data(document, extra.pop("lock", version.lock), **extra)
    )


def test_editor_access_follows_the_caseload(world: World) -> None:
    for user, status in (
        (world.owner, 200),
        # Seeing is not writing: the editor is the treating clinician's (issue 13).
        (world.supervisor, 403),
        (world.admin, 403),
        (world.stranger, 404),
        (world.outsider, 404),
    ):
        assert as_user(user).get(edit_url(world.version)).status_code == status, user.username
    assert HttpClient().get(edit_url(world.version)).status_code == 302
    audit_url = reverse("plan_edit_audit", args=[world.version.plan_id, 1])
    assert as_user(world.stranger).post(audit_url, {"element": "obj-a"}).status_code == 404
    assert HttpClient().get(reverse("icd_search"), {"icd_q": "panic"}).status_code == 302


def test_a_signed_version_cannot_be_opened_in_the_editor(world: World, signed) -> None:  # type: ignore[no-untyped-def]
    response = as_user(world.owner).get(edit_url(signed))
    assert response.status_code == 302
    assert response["Location"] == reverse("plan_version", args=[signed.plan_id, 1])
    changed = copy.deepcopy(signed.document)
    changed["presenting_problem"] = "Changed."
    post(as_user(world.owner), signed, changed, op="save")
    signed.refresh_from_db()
    assert signed.document["presenting_problem"] != "Changed."


def test_saving_keeps_every_edit_and_bumps_the_lock(world: World) -> None:
    document = copy.deepcopy(world.version.document)
    document["problems"][0]["goals"][0]["objectives"][0]["text"] = (
        "Within 6 weeks, score below 10 on the GAD-7 on two consecutive administrations."
    )
    document["medical_necessity"]["symptoms"].append("Wakes at 3am worrying.")
    response = post(as_user(world.owner), world.version, document, op="save")
    assert response.status_code == 302
    world.version.refresh_from_db()
    objective = world.version.document["problems"][0]["goals"][0]["objectives"][0]
    assert objective["text"].startswith("Within 6 weeks")
    assert objective["criterion"]["measure"] == "gad7" and objective["id"] == "obj-a"
    assert "Wakes at 3am worrying." in world.version.document["medical_necessity"]["symptoms"]
    assert world.version.lock == 1


def test_a_bad_date_is_named_beside_its_field_and_nothing_is_lost(world: World) -> None:
    document = copy.deepcopy(world.version.document)
    document["presenting_problem"] = "An edit that must survive."
    document["problems"][0]["goals"][0]["objectives"][0]["target_date"] = "31/02/2027"
    response = post(as_user(world.owner), world.version, document, op="save")
    page = response.content.decode()
    assert response.status_code == 200
    assert "Target date: not a date" in page
    assert "An edit that must survive." in page and "31/02/2027" in page
    world.version.refresh_from_db()
    assert world.version.document["presenting_problem"] != "An edit that must survive."


def test_add_move_and_remove_elements(world: World) -> None:
    http = as_user(world.owner)
    document = copy.deepcopy(world.version.document)
    page = post(http, world.version, document, op="add-child:goal-a").content.decode()
    assert "Objective 1.1.2" in page
    page = post(http, world.version, document, op="add-problem").content.decode()
    assert "Problem 2" in page
    document["problems"][0]["goals"][0]["objectives"][0]["interventions"].append(
        {
            "id": "int-b",
            "text": "Clinician will teach paced breathing, weekly.",
            "actor": "clinician",
        }
    )
    page = post(http, world.version, document, op="up:int-b").content.decode()
    assert page.index('id="int-b"') < page.index('id="int-a"')
    page = post(http, world.version, document, op="remove:int-a").content.decode()
    assert 'id="int-a"' not in page and 'id="int-b"' in page


def test_a_second_save_from_an_old_page_is_a_conflict_showing_both_texts(world: World) -> None:
    mine = copy.deepcopy(world.version.document)
    theirs = copy.deepcopy(world.version.document)
    theirs["presenting_problem"] = "Their wording of the problem."
    mine["presenting_problem"] = "My wording of the problem."
    # The same clinician in another tab (only the treating clinician edits).
    assert post(as_user(world.owner), world.version, theirs, op="save").status_code == 302
    response = post(as_user(world.owner), world.version, mine, op="save", lock=0)
    page = response.content.decode()
    assert "Someone else saved this draft" in page
    assert "Their wording of the problem." in page and "My wording of the problem." in page
    world.version.refresh_from_db()
    assert world.version.document["presenting_problem"] == "Their wording of the problem."
    post(as_user(world.owner), world.version, mine, op="save-mine", lock=0)
    world.version.refresh_from_db()
    assert world.version.document["presenting_problem"] == "My wording of the problem."


def test_live_audit_returns_the_findings_of_the_edited_statement(world: World) -> None:
    document = copy.deepcopy(world.version.document)
    document["problems"][0]["goals"][0]["objectives"][0]["text"] = "Client will understand anxiety."
    document["problems"][0]["goals"][0]["objectives"][0]["target_date"] = None
    # In plan mode a measure criterion counts as the objective's measure, so take it away too.
    document["problems"][0]["goals"][0]["objectives"][0]["criterion"] = None
    data = form_data(document, 0, element="obj-a")
    http = as_user(world.owner)
    page = http.post(
        reverse("plan_edit_audit", args=[world.version.plan_id, 1]),
        data,
        headers={"HX-Request": "true"},
    ).content.decode()
    assert "OBJ_NOT_MEASURABLE" in page and "Use suggestion" in page
    assert 'hx-swap-oob="true"' in page  # the checklist updates too


def test_use_suggestion_replaces_the_statement_text(world: World) -> None:
    document = copy.deepcopy(world.version.document)
    extra = {"suggestion.obj-a.1": "Within 8 weeks, score below 10 on the GAD-7 twice."}
    page = post(
        as_user(world.owner), world.version, document, op="use-suggestion:obj-a:1", **extra
    ).content.decode()
    assert "Within 8 weeks, score below 10 on the GAD-7 twice." in page


def test_live_suggestion_carries_the_criterion_it_names_and_the_objectives_date(
    world: World,
) -> None:
    document = copy.deepcopy(world.version.document)
    objective = document["problems"][0]["goals"][0]["objectives"][0]
    objective.update(text="Client will understand her worry better.", criterion=None)
    page = (
        as_user(world.owner)
        .post(
            reverse("plan_edit_audit", args=[world.version.plan_id, 1]),
            form_data(document, 0, element="obj-a"),
            headers={"HX-Request": "true"},
        )
        .content.decode()
    )
    # The plan's diagnosis is GAD: the GAD-7, by the objective's own target date, and the
    # criterion fields travel with the suggestion.
    page = page.split('id="live-checklist"')[0]  # this objective's findings only
    assert "GAD-7" in page and "by 2026-10-27" in page and "PHQ-9" not in page
    assert 'name="suggestion.obj-a.1.criterion.measure" value="gad7"' in page
    assert 'name="suggestion.obj-a.1.criterion.comparator" value="&lt;="' in page
    assert "Also sets the measure criterion" in page


def test_use_suggestion_sets_the_criterion_fields_and_keeps_its_date(world: World) -> None:
    document = copy.deepcopy(world.version.document)
    objective = document["problems"][0]["goals"][0]["objectives"][0]
    objective["criterion"] = {"measure": "phq9", "comparator": ">", "threshold": 30,
                              "by_date": "2026-10-20"}  # fmt: skip
    text = "Client will score 9 or lower on the GAD-7 on two consecutive administrations."
    extra = {
        "suggestion.obj-a.1": text,
        "suggestion.obj-a.1.criterion.measure": "gad7",
        "suggestion.obj-a.1.criterion.comparator": "<=",
        "suggestion.obj-a.1.criterion.threshold": "9",
        "suggestion.obj-a.1.criterion.consecutive": "2",
    }
    http = as_user(world.owner)
    page = post(http, world.version, document, op="use-suggestion:obj-a:1", **extra)
    html = page.content.decode()
    assert text in html
    assert '<option value="gad7" selected>' in html
    assert 'name="obj-a.criterion.threshold" value="9"' in html
    assert 'name="obj-a.criterion.consecutive" value="2"' in html
    assert 'name="obj-a.criterion.by_date" value="2026-10-20"' in html
    # An empty measure removes a criterion the suggested text would contradict.
    extra = {
        "suggestion.obj-a.1": "Client will walk daily.",
        "suggestion.obj-a.1.criterion.measure": "",
    }
    html = post(http, world.version, document, op="use-suggestion:obj-a:1", **extra).content
    assert b'<option value="phq9" selected>' not in html
    assert b'name="obj-a.criterion.threshold" value=""' in html


def test_diagnoses_are_added_by_code_and_a_category_is_refused(world: World) -> None:
    http = as_user(world.owner)
    document = copy.deepcopy(world.version.document)
    page = post(http, world.version, document, op="add-dx", dx_new="F41").content.decode()
    assert "not a billable code" in page and "F41.1" in page
    page = post(http, world.version, document, op="add-dx:F33.1").content.decode()
    assert "Major depressive disorder, recurrent, moderate" in page
    results = http.get(reverse("icd_search"), {"icd_q": "panic"}).content.decode()
    assert "F41.0" in results


def test_editing_requires_a_csrf_token(world: World) -> None:
    http = HttpClient(enforce_csrf_checks=True)
    http.force_login(world.owner)
    data = form_data(copy.deepcopy(world.version.document), 0, op="save")
    assert http.post(edit_url(world.version), data).status_code == 403


def test_a_signed_plan_is_not_editable_even_through_a_stale_form(world: World) -> None:
    document = copy.deepcopy(world.version.document)
    actions.sign_version(
        version=world.version, by=world.owner, at=at(START), override_reason="test"
    )
    response = post(as_user(world.owner), world.version, document, op="save")
    assert response.status_code == 302


def test_the_editor_checklist_audits_the_whole_plan_not_only_statements(world: World) -> None:
    # Plan-level findings (no client words, unsigned) only appear when the whole document is
    # audited; they would vanish if the editor fell back to judging statements one by one.
    page = as_user(world.owner).get(edit_url(world.version)).content.decode()
    assert "PLAN_NO_CLIENT_WORDS" in page
    assert "SIG_MISSING_CLINICIAN" in page


def test_opening_the_editor_is_logged_but_live_audit_refreshes_are_not(world: World) -> None:
    from auditlog.models import LogEntry

    http = as_user(world.owner)
    before = LogEntry.objects.filter(action=LogEntry.Action.ACCESS).count()
    http.get(edit_url(world.version))
    opened = LogEntry.objects.filter(action=LogEntry.Action.ACCESS).count()
    assert opened == before + 1
    data = form_data(copy.deepcopy(world.version.document), 0, element="obj-a")
    for _ in range(3):
        http.post(reverse("plan_edit_audit", args=[world.version.plan_id, 1]), data)
    assert LogEntry.objects.filter(action=LogEntry.Action.ACCESS).count() == opened


def test_a_damaged_editor_form_is_refused_and_saves_nothing(world: World) -> None:
    http = as_user(world.owner)
    data = form_data(copy.deepcopy(world.version.document), 0, op="save")
    for damage in ({"structure": "not json"}, {"structure": "{}"}, {"lock": "x"}):
        response = http.post(edit_url(world.version), {**data, **damage})
        assert response.status_code == 400
        assert b"nothing was saved" in response.content
    del data["structure"]
    assert http.post(edit_url(world.version), data).status_code == 400
    world.version.refresh_from_db()
    assert world.version.lock == 0 and world.version.document["problems"]
