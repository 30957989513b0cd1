"""CLI commands of the graph area (filled in by the issue that owns it)."""

import click

COMMANDS: list[click.Command] = []
