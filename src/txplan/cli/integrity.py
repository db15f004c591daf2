"""txplan integrity: check every signed plan version's seal and the audit trail's hash chain.

Exit 0 when everything is intact, 1 when any problem is found (each is printed).
"""

from __future__ import annotations

import click

from txplan.cli.web import _django


def _plan_problems() -> list[str]:
    from txplan.web.plans import integrity as plans

    check_all = getattr(plans, "check_all", None)
    if check_all is not None:
        return [
            f"plan {f.plan_id}"
            + (f" v{f.number}" if f.number is not None else "")
            + f": {f.problem}"
            for f in check_all()
        ]
    from txplan.web.plans.models import PlanVersion

    return [
        f"plan {v.plan_id} v{v.number}: {problem}"
        for v in PlanVersion.objects.order_by("plan_id", "number")
        for problem in plans.check(v)
    ]


@click.command()
def integrity() -> None:
    """Check every plan version and signature, and the audit trail's hash chain; exit 1 on any
    problem."""
    _django()
    from txplan.web.compliance.chain import verify_chain

    problems = _plan_problems()
    chain = verify_chain()  # the audit trail (ONC 170.315(d)(10))
    for problem in [*problems, *chain]:
        click.echo(problem)
    if problems or chain:
        click.echo(f"{len(problems) + len(chain)} problem(s) found.", err=True)
        raise SystemExit(1)
    click.echo("Every plan version, signature and audit entry is intact.")


COMMANDS = [integrity]
