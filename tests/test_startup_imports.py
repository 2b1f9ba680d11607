"""What a read command imports of the query language: the package `quoteidx.querying`
loads each of its names from its module when first asked for, so a command that only
folds names (every command, through quoteidx.identity.names) does not pay for the
parser and the tree's dataclasses; and every name the package offers is what it has
always been, whatever was imported before it."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

import quoteidx.querying


def _querying_modules_after(code: str) -> list[str]:
    probe = (f"import sys\n{code}\n"
             "print(sorted(m for m in sys.modules if m.startswith('quoteidx.querying')))")
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True,
                          check=True)
    return eval(done.stdout.strip().splitlines()[-1])  # noqa: S307  (our own output)


def test_folding_names_loads_only_the_fields_of_the_query_language() -> None:
    assert _querying_modules_after("import quoteidx.identity.names") == [
        "quoteidx.querying", "quoteidx.querying.fields"]
    assert _querying_modules_after("from quoteidx.querying import fold_name") == [
        "quoteidx.querying", "quoteidx.querying.fields"]


def test_a_search_without_exact_words_does_not_load_their_module(tmp_path: Path) -> None:
    from quoteidx.indexing import index_paths

    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "a.txt").write_text("“We will hold the city,” said Ismail Khan, the governor.\n",
                                encoding="utf-8")
    index_paths([docs], tmp_path / "ix")
    for exact in (False, True):
        loaded = _querying_modules_after(
            f"import quoteidx\nwith quoteidx.open_index({str(tmp_path / 'ix')!r}) as index:\n"
            f"    assert index.search('city', exact={exact}).total == 1")
        assert "quoteidx.querying.parse" in loaded
        assert ("quoteidx.querying.exact" in loaded) == exact


FIRST = ["", "import quoteidx.querying.parse", "import quoteidx.querying.request",
         "from quoteidx.querying.parse import QueryError", "import quoteidx.storing",
         "import quoteidx.index", "from quoteidx.querying import parse"]


@pytest.mark.parametrize("first", FIRST)
def test_every_name_is_the_one_its_module_defines_whatever_came_first(first: str) -> None:
    check = ("import importlib, types\nimport quoteidx.querying as q\n"
             "for name, where in q._LAZY.items():\n"
             "    module = importlib.import_module('quoteidx.querying.' + where)\n"
             "    assert getattr(q, name) is getattr(module, name), name\n"
             "from quoteidx.querying import parse\n"
             "assert callable(parse) and not isinstance(parse, types.ModuleType)\n"
             "assert q.parse('a b') == parse('a b')\n"
             "assert sorted(q.__all__) == sorted(q._LAZY)\n"
             "print('ok')")
    done = subprocess.run([sys.executable, "-c", f"{first}\n{check}"], capture_output=True,
                          text=True)
    assert done.returncode == 0 and done.stdout.strip() == "ok", done.stderr


def test_an_unknown_name_is_an_attribute_error() -> None:
    with pytest.raises(AttributeError, match="no attribute 'nothing'"):
        quoteidx.querying.nothing  # type: ignore[attr-defined]  # noqa: B018
    with pytest.raises(ImportError):
        from quoteidx.querying import nothing  # type: ignore[attr-defined]  # noqa: F401


def _module_level_imports(path: Path) -> set[str]:
    """The modules a file imports when it is imported: at its top level, not inside a
    function or under `if TYPE_CHECKING:`."""
    import ast

    found: set[str] = set()
    for node in ast.parse(path.read_text(encoding="utf-8")).body:
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            found.update(f"{node.module}:{alias.name}" for alias in node.names)
    return found


def test_the_library_and_the_commands_import_the_parser_only_to_search() -> None:
    """quoteidx.index and the CLI's modules import the query language's parser, tree
    and requests inside the functions that search, not when they are imported: `show`
    and `speakers` never search (what storing/ imports is storing's)."""
    from quoteidx.querying import fields

    package = Path(__file__).resolve().parent.parent / "quoteidx"
    light = {f"quoteidx.querying:{name}" for name in dir(fields) if not name.startswith("_")}
    light |= {f"quoteidx.querying.fields:{name}" for name in dir(fields)}
    for folder in ("index", "cli", "identity"):
        for path in sorted((package / folder).glob("*.py")):
            if path.name == "persons.py":  # a query's speaker: names, imported to search
                continue
            heavy = sorted(name for name in _module_level_imports(path)
                           if name.startswith("quoteidx.querying") and name not in light)
            assert heavy == [], f"{path.name} imports {heavy}"


def test_show_and_speakers_load_only_the_fields_of_the_query_language(
        tmp_path: Path) -> None:
    from quoteidx.indexing import index_paths

    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "a.txt").write_text("“We will hold the city,” said Ismail Khan, the governor.\n",
                                encoding="utf-8")
    ix = tmp_path / "ix"
    index_paths([docs], ix)
    with quoteidx.open_index(ix) as index:
        quote_id = index.search("*").hits[0].quote.id
    for args in (["show", quote_id], ["speakers", "-f", "jsonl"]):
        code = ("import contextlib, io, sys\n"
                f"sys.argv = ['quoteidx', *{args!r}, '--index', {str(ix)!r}]\n"
                "from quoteidx.cli import main\n"
                "with contextlib.redirect_stdout(io.StringIO()) as out:\n"
                "    try:\n        main()\n    except SystemExit:\n        pass\n"
                "assert 'Khan' in out.getvalue()\n")
        assert _querying_modules_after(code) == [
            "quoteidx.querying", "quoteidx.querying.fields"], args
