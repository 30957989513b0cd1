"""Results that read as rows, for notebooks: ``to_records()`` (a list of flat dicts, for csv, json or
pandas) and ``to_dataframe()`` (a pandas DataFrame when pandas is installed; the project does not require it).
"""

from __future__ import annotations

from typing import Any

from kg.errors import MissingDependency


class Tabular:
    """Mixin of result types: subclasses give ``to_records``; ``to_dataframe`` builds on it."""

    def to_records(self) -> list[dict[str, Any]]:
        """One flat dict per row."""
        raise NotImplementedError

    def to_dataframe(self) -> Any:
        """The rows as a ``pandas.DataFrame`` (raises MissingDependency when pandas is not installed)."""
        try:
            import pandas
        except ImportError as exc:
            raise MissingDependency(
                "to_dataframe() needs pandas (pip install pandas); to_records() gives the same rows as dicts"
            ) from exc
        return pandas.DataFrame.from_records(self.to_records())
