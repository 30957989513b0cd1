"""CLI commands of the analysis area (filled in by the issue that owns it)."""

import click

COMMANDS: list[click.Command] = []
