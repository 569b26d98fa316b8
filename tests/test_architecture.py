"""Import rules import-linter cannot state (dashboard.py is a script, not a package)."""

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def _imported_modules(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            found.add(node.module)
    return found


def test_dashboard_imports_only_components_and_streamlit():
    modules = _imported_modules(ROOT / "dashboard.py")
    roots = {m.split(".")[0] for m in modules}
    assert roots <= {"__future__", "streamlit", "components"}, roots


def test_dashboard_fits_one_screen():
    assert len((ROOT / "dashboard.py").read_text().splitlines()) <= 150


def test_every_package_says_what_it_is_for():
    for init in [*ROOT.glob("*/__init__.py"), *ROOT.glob("*/*/__init__.py")]:
        if init.parts[-3] in {"tests", ".venv"} or "tests" in init.parts:
            continue
        doc = ast.get_docstring(ast.parse(init.read_text(encoding="utf-8")))
        assert doc, f"{init.relative_to(ROOT)} has no docstring"


def test_only_tests_load_every_matching_passage():
    offenders = []
    for path in [*ROOT.glob("components/**/*.py"), ROOT / "dashboard.py",
                 *ROOT.glob("articles/**/*.py"), *ROOT.glob("bench/*.py")]:  # fmt: skip
        if path.parts[-2:] in {("query", "compat.py"), ("query", "__init__.py")}:
            continue
        if {"query_passages"} & {m.rsplit(".", 1)[-1] for m in _imported_names(path)}:
            offenders.append(str(path.relative_to(ROOT)))
    assert offenders == []


def _imported_names(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    return {
        alias.name
        for node in ast.walk(tree)
        if isinstance(node, ast.ImportFrom)
        for alias in node.names
    }
