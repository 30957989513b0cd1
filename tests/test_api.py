"""The public API (issue 11): what ``kg`` exports, and the README's "Python API" example, run as written."""

from __future__ import annotations

import re
import shutil
import types
from pathlib import Path

import pytest

import kg
from kg.paths import RAW_DIR

README = Path(__file__).resolve().parents[1] / "README.md"


def test_every_public_name_resolves_to_what_it_names() -> None:
    import kg.build
    import kg.query

    for name in kg.__all__:
        value = getattr(kg, name)
        assert not isinstance(value, types.ModuleType), name


def test_the_error_base_is_exported() -> None:
    assert issubclass(kg.UnknownDocument, kg.KGError) and issubclass(kg.InputError, kg.KGError)


def test_an_unknown_name_is_an_attribute_error() -> None:
    with pytest.raises(AttributeError, match="no_such_name"):
        kg.no_such_name  # noqa: B018


def _python_api_example() -> str:
    text = README.read_text(encoding="utf-8")
    section = text.split("## Python API", 1)[1].split("\n## ", 1)[0]
    blocks = re.findall(r"```python\n(.*?)```", section, flags=re.S)
    assert blocks, "the README's Python API section shows a ```python example"
    return "\n".join(blocks)


@pytest.mark.slow
def test_the_readme_python_example_runs(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """The example as a reader runs it, from a folder holding data/raw (a copy of the seed texts)."""
    shutil.copytree(RAW_DIR, tmp_path / "data" / "raw")
    monkeypatch.chdir(tmp_path)
    namespace: dict[str, object] = {}
    exec(compile(_python_api_example(), str(README), "exec"), namespace)
    printed = capsys.readouterr().out
    assert "4655/KH-UBND" in printed and "unknown document" in printed
    assert (tmp_path / "kg-demo" / "kg.ttl").is_file()


def test_results_read_as_records() -> None:
    table = kg.Table(("a", "b"), (("1", "2"),))
    assert table.to_records() == [{"a": "1", "b": "2"}]


def test_to_dataframe_names_pandas_when_missing(monkeypatch: pytest.MonkeyPatch) -> None:
    import builtins

    real_import = builtins.__import__

    def no_pandas(name: str, *args: object, **kwargs: object) -> object:
        if name == "pandas":
            raise ImportError("No module named 'pandas'")
        return real_import(name, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(builtins, "__import__", no_pandas)
    with pytest.raises(kg.KGError, match="pandas"):
        kg.Table(("a",), (("1",),)).to_dataframe()
