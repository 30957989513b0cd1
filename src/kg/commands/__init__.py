"""CLI command modules, one per area; each exposes COMMANDS, registered by kg.cli."""
