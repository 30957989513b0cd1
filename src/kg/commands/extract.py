"""CLI commands of the extract area (filled in by the issue that owns it)."""

import click

COMMANDS: list[click.Command] = []
