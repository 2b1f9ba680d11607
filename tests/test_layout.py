"""The layout the code promises: data flows one way with no import circle, nothing above
storing/ knows which backend it talks to, and starting up imports only what it needs."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent.parent / "quoteidx"


def _modules() -> dict[str, Path]:
    found = {}
    for path in PACKAGE.rglob("*.py"):
        parts = list(path.relative_to(PACKAGE.parent).with_suffix("").parts)
        found[".".join(parts[:-1] if parts[-1] == "__init__" else parts)] = path
    return found


def _ancestors(module: str) -> set[str]:
    parts = module.split(".")
    return {".".join(parts[:end]) for end in range(1, len(parts))}


def _imports(path: Path) -> set[str]:
    """Every module named by an import that runs: at the top or inside a function, but
    not under `if TYPE_CHECKING:`."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    typing_only = {id(node) for branch in ast.walk(tree) if isinstance(branch, ast.If)
                   and "TYPE_CHECKING" in ast.unparse(branch.test)
                   for node in ast.walk(branch)}
    names: set[str] = set()
    for node in ast.walk(tree):
        if id(node) in typing_only:
            continue
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
            names.add(node.module)
            names.update(f"{node.module}.{alias.name}" for alias in node.names)
    return names


def _graph() -> dict[str, set[str]]:
    """Module -> the modules importing it runs (a package's __init__ too, unless it is
    the importing module's own package, which Python has already imported)."""
    modules = _modules()
    graph: dict[str, set[str]] = {}
    for module, path in modules.items():
        graph[module] = {
            target for name in _imports(path) if name in modules
            for target in {name} | _ancestors(name)
            if target in modules and target != module and target not in _ancestors(module)
        }
    return graph


def test_no_import_circle() -> None:
    graph = _graph()
    state: dict[str, int] = {}  # 1: on the current path, 2: done
    path: list[str] = []

    def visit(module: str) -> None:
        state[module] = 1
        path.append(module)
        for target in sorted(graph[module]):
            if state.get(target) == 1:
                circle = path[path.index(target):] + [target]
                raise AssertionError("import circle: " + " -> ".join(circle))
            if target not in state:
                visit(target)
        path.pop()
        state[module] = 2

    for module in sorted(graph):
        if module not in state:
            visit(module)


def test_nothing_above_storing_knows_the_backend() -> None:
    for module, targets in _graph().items():
        if module.startswith("quoteidx.storing"):
            continue
        backends = {t for t in targets if t.startswith("quoteidx.storing.")
                    and t != "quoteidx.storing.base"}
        assert not backends, f"{module} imports {sorted(backends)}"
        source = _modules()[module].read_text(encoding="utf-8")
        assert "import whoosh" not in source and "from whoosh" not in source, module


HEAVY = ("whoosh", "rich", "rapidfuzz", "trafilatura", "quoteidx.finding",
         "quoteidx.attributing", "quoteidx.extract", "quoteidx.presenting.human")


def _loaded_after(code: str) -> list[str]:
    probe = (f"import sys\n{code}\n"
             f"print(sorted({{m.split('.')[0] if not m.startswith('quoteidx') else m "
             f"for m in sys.modules if m.startswith({HEAVY!r})}}))")
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True,
                          check=True)
    return [line for line in done.stdout.splitlines() if line.startswith("[")]


def test_importing_the_library_is_cheap() -> None:
    assert _loaded_after("import quoteidx, quoteidx.index, quoteidx.querying") == ["[]"]


def test_help_imports_neither_whoosh_nor_the_extractor_nor_our_tables() -> None:
    code = ("sys.argv = ['quoteidx', '--help']\nimport contextlib, io\n"
            "from quoteidx.cli import main\n"
            "with contextlib.redirect_stdout(io.StringIO()):\n"
            "    try:\n        main()\n    except SystemExit:\n        pass")
    # Not even Rich: help is plain text, as git's (Rich's help renderer cost ~40 ms).
    assert _loaded_after(code) == ["[]"]


def test_a_speakers_title_is_read_without_the_resolver_or_the_document_reader() -> None:
    # `show`, `by-speaker` and `speakers` strip titles from names read from the index:
    # the resolver and the reading package (dates, e-mail headers) cost ~25% of a start.
    probe = ("import sys\nfrom quoteidx.attributing.names import strip_title\n"
             "assert strip_title('Commander Ismail Khan')[0] == 'Ismail Khan'\n"
             "print(sorted(m for m in sys.modules if m.startswith(('quoteidx.attributing.',"
             " 'quoteidx.reading', 'email'))))")
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True,
                          check=True)
    assert done.stdout.strip() == "['quoteidx.attributing.lexicon', 'quoteidx.attributing.names']"
    from quoteidx.attributing import attribute  # still there for whoever asks for it

    assert callable(attribute)


def test_a_speakers_title_is_read_without_the_tokenizer() -> None:
    # by-speaker strips titles from the names it looks for: the tokenizer, the text
    # marks and the mentions' dataclasses (quoteidx.finding.names) cost ~6 ms of it.
    probe = ("import sys\nfrom quoteidx.attributing.names import strip_title\n"
             "assert strip_title('Ana de la Cruz')[0] == 'Ana de la Cruz'\n"
             "print(sorted(m for m in sys.modules if m.startswith('quoteidx.finding.')))")
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True,
                          check=True)
    # (only the word lists: lexicon and office_words)
    assert done.stdout.strip() == "['quoteidx.finding.lexicon', 'quoteidx.finding.office_words']"
    from quoteidx.finding.names import NAME_PARTICLES  # still there for the extractor

    assert "bin" in NAME_PARTICLES
