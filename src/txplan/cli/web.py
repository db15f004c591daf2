"""txplan serve / demo / manage: the web app from the command line."""

from __future__ import annotations

import os
from datetime import date

import click


def _django() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "txplan.web.settings")
    import django

    django.setup()


@click.command()
@click.option("--host", default="127.0.0.1", show_default=True)
@click.option("--port", default=8000, show_default=True, type=int)
@click.option("--no-migrate", is_flag=True, help="Skip applying database migrations first.")
def serve(host: str, port: int, no_migrate: bool) -> None:
    """Apply migrations and serve the web app (Django's server; put a proxy in front for TLS)."""
    _django()
    from django.core.management import call_command

    if not no_migrate:
        call_command("migrate", interactive=False, verbosity=0)
    click.echo(f"txplan is serving on http://{host}:{port}/  (Ctrl-C stops it)")
    # --insecure serves the static files when TXPLAN_DEBUG is off; the app has a handful.
    call_command("runserver", f"{host}:{port}", "--noreload", "--insecure", use_threading=True)


@click.command()
@click.option("--today", type=click.DateTime(formats=["%Y-%m-%d"]), help="Pretend it is this day.")
@click.option("--if-new", is_flag=True, help="Only when the database has no practice at all.")
def demo(today: object, if_new: bool) -> None:
    """Create the demo practice (synthetic people) and print a demo login."""
    _django()
    from django.core.management import call_command

    from txplan.web.accounts.models import Practice
    from txplan.web.demo.build import DEMO_PASSWORD, PRACTICE_NAME, build_demo
    from txplan.web.plans.models import Plan

    call_command("migrate", interactive=False, verbosity=0)
    if (
        if_new
        and not Practice.objects.filter(name=PRACTICE_NAME).exists()
        and (Practice.objects.exists())
    ):
        click.echo("This database already holds a practice; the demo was not added.")
        return
    day = today.date() if today else date.today()  # type: ignore[attr-defined]
    build_demo(today=day)
    click.echo(f"Demo practice: {PRACTICE_NAME} ({Plan.objects.count()} plans)")
    click.echo(f"  Log in as reyes / {DEMO_PASSWORD}   (clinician)")
    click.echo(f"  or okafor / {DEMO_PASSWORD} (supervisor), nair (associate), moreno (admin)")


@click.command(context_settings={"ignore_unknown_options": True, "help_option_names": []})
@click.argument("args", nargs=-1, type=click.UNPROCESSED)
def manage(args: tuple[str, ...]) -> None:
    """Run a Django management command, e.g. `txplan manage createsuperuser`."""
    _django()
    from django.core.management import execute_from_command_line

    execute_from_command_line(["txplan manage", *args])


COMMANDS = [serve, demo, manage]
