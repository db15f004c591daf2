"""The ``txplan`` command line: the same core as the web app, without it.

Each area keeps its commands in its own module; ``COMMAND_MODULES`` is the registry of them.
A test (tests/test_cli_docs.py) fails if a command is missing from the README.
"""

from __future__ import annotations

import importlib

import click

# Modules that each expose ``COMMANDS``: a list of click commands or groups to add to ``txplan``.
COMMAND_MODULES: list[str] = [
    "txplan.cli.plan",  # txplan plan validate
    "txplan.cli.icd",  # txplan icd search / show
    "txplan.cli.web",  # txplan serve / demo
    "txplan.cli.clients",  # txplan client add / dx
    "txplan.cli.backup",  # txplan backup / restore
    "txplan.cli.measures",  # txplan instruments / score
    "txplan.cli.drafting",  # txplan draft / library
    "txplan.cli.audit",  # txplan audit
    "txplan.cli.integrity",  # txplan integrity (seals and the audit chain)
]


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="txplan")
def main() -> None:
    """txplan: treatment plans that guide treatment and hold up to scrutiny."""


for _module in COMMAND_MODULES:
    for _command in importlib.import_module(_module).COMMANDS:
        main.add_command(_command)
