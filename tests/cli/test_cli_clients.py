"""txplan client add / dx: intake from the command line, with the web's refusals."""

from __future__ import annotations

import pytest
from click.testing import CliRunner

from tests.web.conftest import World, build_world
from txplan.cli import main
from txplan.web.clients.models import Client

pytestmark = pytest.mark.django_db


@pytest.fixture
def world(db: None) -> World:
    return build_world()


def run(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(main, list(args))
    return result.exit_code, result.output


def test_a_client_is_added_to_the_named_clinicians_caseload(world: World) -> None:
    code, out = run(
        "client", "add", "--first", "Ari", "--last", "Cli", "--clinician", "stranger",
        "--record", "C-9", "--pronouns", "he/him", "--sex", "male", "--intake", "2026-10-01",
    )  # fmt: skip
    assert code == 0, out
    made = Client.objects.get(record_number="C-9")
    assert out.startswith(f"{made.pk}\tAri Cli\tC-9")
    assert made.clinician == world.stranger and str(made.intake_date) == "2026-10-01"


def test_refusals_name_the_option_and_exit_2(world: World) -> None:
    for args, message in (
        (("--clinician", "nobody"), "--clinician: no active clinician 'nobody'"),
        (("--clinician", "owner", "--record", "T-1"), "--record-number: 'T-1' is already used"),
        (("--clinician", "owner", "--dob", "2020-01-01"), "--guardian: is required"),
        (("--clinician", "owner", "--payer", "Nope"), "--payer: 'Nope' is not on the list"),
    ):
        code, out = run("client", "add", "--first", "A", "--last", "B", *args)
        assert code == 2 and message in out, (args, out)
    assert Client.objects.count() == 1


def test_a_diagnosis_is_added_and_a_category_is_refused_with_its_codes(world: World) -> None:
    code, out = run("client", "dx", str(world.client.pk), "F41")
    assert code == 2 and "CODE: F41 (Other anxiety disorders) is a category" in out
    code, out = run("client", "dx", str(world.client.pk), "F43.10", "--primary")
    assert code == 0 and out.startswith("F43.10\t") and "(primary)" in out
    assert world.client.diagnoses.get(primary=True).code == "F43.10"
