"""CLI commands of the viz area (filled in by the issue that owns it)."""

import click

COMMANDS: list[click.Command] = []
