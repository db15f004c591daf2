"""txplan serve / demo / manage: the web app from the command line."""

from __future__ import annotations

import os
from datetime import date
from typing import Any

import click


def _django() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "txplan.web.settings")
    import django

    django.setup()


def _default_workers() -> int:
    return max(2, min(os.cpu_count() or 1, 4))


@click.command()
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on.")
@click.option("--port", default=8000, show_default=True, type=int)
@click.option("--no-migrate", is_flag=True, help="Skip applying database migrations first.")
@click.option(
    "--workers",
    type=click.IntRange(1, 64),
    default=_default_workers,
    envvar="TXPLAN_WORKERS",
    show_default="2-4 by CPU count",
    help="gunicorn worker processes.",
)
@click.option(
    "--threads",
    type=click.IntRange(1, 64),
    default=8,
    envvar="TXPLAN_THREADS",
    show_default=True,
    help="Threads per worker.",
)
@click.option(
    "--access-log", is_flag=True, help="Also log each request line to stderr (paths hold ids)."
)
def serve(
    host: str, port: int, no_migrate: bool, workers: int, threads: int, access_log: bool
) -> None:
    """Apply migrations and serve the web app with gunicorn (put a proxy in front for TLS).

    Static files come from WhiteNoise; errors go to stderr. In production mode (the default)
    the server refuses to start while the database holds a demo account.
    """
    _django()
    from django.core.exceptions import ImproperlyConfigured
    from django.core.management import call_command
    from django.db import connections

    from txplan.web.ops import refuse_demo_in_production

    if not no_migrate:
        call_command("migrate", interactive=False, verbosity=0)
    try:
        refuse_demo_in_production()
    except ImproperlyConfigured as exc:
        raise click.ClickException(str(exc)) from None
    call_command("collectstatic", interactive=False, verbosity=0)
    # The workers open their own connections; none may be shared across the fork.
    connections.close_all()
    click.echo(f"txplan is serving on http://{host}:{port}/  (Ctrl-C stops it)", err=True)
    _gunicorn(
        {
            "bind": f"{host}:{port}",
            "workers": workers,
            "worker_class": "gthread",
            "threads": threads,
            "timeout": 60,
            "graceful_timeout": 20,
            "errorlog": "-",
            "accesslog": "-" if access_log else None,
            "loglevel": "info",
            "proc_name": "txplan",
        }
    ).run()


def _gunicorn(options: dict[str, object]) -> Any:
    """gunicorn run in-process with options from our command line, not its own argv."""
    from gunicorn.app.base import BaseApplication

    class Application(BaseApplication):
        def load_config(self) -> None:
            for key, value in options.items():
                if value is not None:
                    self.cfg.set(key, value)

        def load(self) -> Any:
            from txplan.web.wsgi import application

            return application

    return Application()


@click.command()
@click.option("--today", type=click.DateTime(formats=["%Y-%m-%d"]), help="Pretend it is this day.")
@click.option("--if-new", is_flag=True, help="Only when the database has no practice at all.")
def demo(today: object, if_new: bool) -> None:
    """Create the demo practice (synthetic people) and print a demo login.

    Development mode only (TXPLAN_MODE=development, as `make run` sets): the demo's password
    is published, and production settings refuse to start with a demo account present.
    """
    _django()
    from django.conf import settings

    if not settings.DEVELOPMENT:
        raise click.UsageError(
            "the demo practice's password is published, so it is only created in development "
            "mode: TXPLAN_MODE=development txplan demo (production refuses to serve it)"
        )
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
