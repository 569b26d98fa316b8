"""The README stays honest: the commands and paths it names exist."""

from __future__ import annotations

import fnmatch
import importlib.util
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
README = (ROOT / "README.md").read_text(encoding="utf-8")


def test_every_make_target_in_readme_exists() -> None:
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    targets = set(re.findall(r"^([a-z][\w-]*):", makefile, flags=re.M))
    named = set(re.findall(r"\bmake ([a-z][\w-]*)", README))
    assert {"run", "test", "bench"} <= named
    assert named <= targets, named - targets


def test_every_python_module_in_readme_exists() -> None:
    modules = set(re.findall(r"python -m ([\w.]+)", README))
    assert {"geo", "articles", "components.briefing"} <= modules
    for name in modules:
        assert importlib.util.find_spec(name) is not None, name


def test_every_repo_path_in_readme_exists() -> None:
    paths = set(
        re.findall(r"`((?:geo|articles|components|static|docs)/[\w./-]*)`", README)
    )
    paths |= set(re.findall(r"\]\(((?:docs|static)/[\w./-]+)\)", README))
    assert paths
    ignored = _gitignored_patterns()
    for path in paths:
        if any(fnmatch.fnmatch(path, pattern) for pattern in ignored):
            continue  # derived at run time (e.g. the index); a clean clone lacks it
        assert (ROOT / path).exists(), path


def _gitignored_patterns() -> list[str]:
    lines = (ROOT / ".gitignore").read_text(encoding="utf-8").splitlines()
    return [line.strip() for line in lines if line.strip() and not line.startswith("#")]


def test_readme_exempts_only_derived_paths() -> None:
    patterns = _gitignored_patterns()
    assert any(fnmatch.fnmatch("articles/index.sqlite", p) for p in patterns)
    assert not any(fnmatch.fnmatch("geo/data/README.md", p) for p in patterns)


def test_ci_runs_make_test() -> None:
    assert "make test" in (ROOT / ".ci" / "run").read_text(encoding="utf-8")


def test_readme_states_the_gate_limits() -> None:
    from articles import limits

    text = " ".join(README.split())
    assert f"at most {limits.MAX_FILE_BYTES:,} bytes a file" in text
    assert f"front matter at most {limits.MAX_FRONT_MATTER_BYTES:,} bytes" in text
    assert f"deeper than {limits.MAX_FRONT_MATTER_DEPTH} levels" in text
    assert f"title at most {limits.MAX_FIELD_CHARS['title']} characters" in text
    assert f"at most {limits.MAX_ID_CHARS} characters" in text
    assert f"with {limits.MAX_CHECK_SECONDS:g} s" in text


def test_readme_team_deployment_covers_each_step() -> None:
    team = README.split("## Team deployment", 1)[1].split("\n## ", 1)[0]
    for step in (
        "apt-get install postgresql", "createdb", "python -m articles migrate",
        "python -m articles load articles/corpus", "python -m articles users add",
        "--server.port 8501", "--server.port 8502", "proxy_set_header Upgrade",
        "pg_dump", "python -m articles dump", "make run-team",
    ):  # fmt: skip
        assert step in team, step
