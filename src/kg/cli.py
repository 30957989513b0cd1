"""The `kg` command line: a thin layer over the library.

Each command lives in kg/commands/<area>.py and calls one library function; library errors (kg.errors.KGError)
become a one-line message on stderr and the error's exit code, never a traceback.
"""

from __future__ import annotations

import sys

import click

from kg import __version__
from kg.commands import analysis, extract, graph, ontology, viz
from kg.errors import KGError


@click.group(context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100})
@click.version_option(__version__, prog_name="kg")
def cli() -> None:
    """Knowledge graph of Vietnamese policy lineage: who implements which directive, who answers for what."""


for _module in (extract, graph, analysis, viz, ontology):
    for _command in _module.COMMANDS:
        cli.add_command(_command)


def main() -> None:
    """Console-script entry point: run the CLI, turning project errors into messages and exit codes."""
    try:
        rc = cli.main(standalone_mode=False)
        if isinstance(rc, int) and rc:  # a command's click.exceptions.Exit(code) comes back as a return value
            sys.exit(rc)
    except click.exceptions.Exit as exc:
        sys.exit(exc.exit_code)
    except click.Abort:
        click.echo("Aborted.", err=True)
        sys.exit(130)
    except click.ClickException as exc:
        exc.show()
        sys.exit(exc.exit_code)
    except KGError as exc:
        click.echo(f"kg: error: {exc}", err=True)
        sys.exit(exc.exit_code)
    except KeyboardInterrupt:
        click.echo("Interrupted.", err=True)
        sys.exit(130)


if __name__ == "__main__":  # pragma: no cover
    main()
