"""``kg`` and ``python -m kg``: apply ``--home DIR`` before anything reads the paths, then run the CLI.

kg.paths fixes the working directory when it is first imported (the commands' defaults are built from it), so
the option is taken from the command line here, before kg.cli is imported, and handed on as KG_HOME.
"""

from __future__ import annotations

import os
import sys


def home_argument(argv: list[str]) -> str | None:
    """The value of ``--home`` among the options before the command name, if given.

    >>> home_argument(["--home", "/srv/kg", "build"]), home_argument(["--home=w", "status"])
    ('/srv/kg', 'w')
    >>> home_argument(["build", "--home", "x"]) is None
    True
    """
    i = 0
    while i < len(argv) and argv[i].startswith("-"):
        if argv[i] == "--home" and i + 1 < len(argv):
            return argv[i + 1]
        if argv[i].startswith("--home="):
            return argv[i].split("=", 1)[1]
        i += 1
    return None


def main() -> None:
    """Console-script entry point."""
    home = home_argument(sys.argv[1:])
    if home:
        os.environ["KG_HOME"] = home
    from kg.cli import main as run_cli

    run_cli()


if __name__ == "__main__":  # pragma: no cover
    main()
