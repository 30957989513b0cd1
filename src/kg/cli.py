"""The `kg` command line: a thin layer over the library.

Each command lives in kg/commands/<area>.py and calls one library function; library errors (kg.errors.KGError)
become a one-line message on stderr and the error's exit code, never a traceback.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

import click

from kg import __version__, paths
from kg.commands import analysis, extract, graph, ontology, viz
from kg.errors import KGError


def _check_home(ctx: click.Context, param: click.Parameter, value: Path | None) -> None:
    """``--home`` is applied by kg.__main__ before the paths are read; here it only has to agree."""
    if value is not None and value.resolve() != paths.HOME.resolve():
        raise click.UsageError("--home must come right after `kg` (or set KG_HOME)", ctx)


@click.group(context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100})
@click.version_option(__version__, prog_name="kg")
@click.option(
    "--home",
    type=click.Path(file_okay=False, path_type=Path),
    expose_value=False,
    is_eager=True,
    callback=_check_home,
    help="Working directory: inputs (data/raw) and outputs (data/, visualizations/, docs/) live there; "
    "also KG_HOME.  [default: the checkout, else the current directory]",
)
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
        # one line, even when a parser's message (rdflib, Oxigraph) spans several
        click.echo(f"kg: error: {' '.join(str(exc).split())}", err=True)
        sys.exit(exc.exit_code)
    except KeyboardInterrupt:
        click.echo("Interrupted.", err=True)
        sys.exit(130)
    except OSError as exc:  # the file system said no (an output folder that cannot be made, a full disk)
        click.echo(f"kg: error: {_os_error(exc)}", err=True)
        sys.exit(2)
    except Exception as exc:  # a bug: still one line, with the way to see the traceback
        if os.environ.get("KG_DEBUG"):
            raise
        click.echo(
            f"kg: internal error: {type(exc).__name__}: {exc} (KG_DEBUG=1 shows the traceback)", err=True
        )
        sys.exit(2)


def _os_error(exc: OSError) -> str:
    """``path: problem`` from an OSError, naming both files of a failed rename."""
    names = [str(n) for n in (exc.filename, exc.filename2) if n is not None]
    problem = exc.strerror or str(exc)
    return f"{' → '.join(names)}: {problem}" if names else problem


if __name__ == "__main__":  # pragma: no cover
    main()
