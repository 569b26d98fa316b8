from __future__ import annotations

import io
import json
import subprocess
import sys
from pathlib import Path

import pytest

from articles.__main__ import main
from articles.auth.users import read_accounts, verify_password

ROOT = Path(__file__).resolve().parents[3]
PASSWORD = "correct horse battery"


@pytest.fixture
def users(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    path = tmp_path / "users.json"
    monkeypatch.setenv("ARTICLES_USERS_FILE", str(path))
    return path


def _add(name: str, role: str, monkeypatch: pytest.MonkeyPatch, pw: str) -> int:
    monkeypatch.setattr(sys, "stdin", io.StringIO(pw + "\n"))
    return main(["users", "add", name, "--role", role, "--password-stdin"])


def test_add_list_remove(
    users: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    assert _add("ana", "editor", monkeypatch, PASSWORD) == 0
    assert verify_password(read_accounts(users)["ana"], PASSWORD)
    assert main(["users", "list", "--json"]) == 0
    out = capsys.readouterr().out
    assert json.loads(out.split("\n", 1)[1])["users"] == [
        {"name": "ana", "role": "editor", "email": "", "sign_in": "password"}
    ]
    assert "argon2" not in out
    assert PASSWORD not in out
    assert main(["users", "remove", "ana"]) == 0
    assert read_accounts(users) == {}


def test_misuse_exits_2_with_one_line(
    users: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    assert _add("ana", "editor", monkeypatch, "short") == 2
    err = capsys.readouterr().err
    assert err.strip().count("\n") == 0
    assert "too short" in err
    assert "short\n" not in err.replace("too short", "")
    assert main(["users", "remove", "nobody"]) == 2
    assert "no user 'nobody'" in capsys.readouterr().err
    assert not users.exists()


@pytest.mark.usefixtures("users")
def test_no_password_argument_exists() -> None:
    with pytest.raises(SystemExit) as caught:
        main(["users", "add", "ana", "--role", "reader", "--password", PASSWORD])
    assert caught.value.code == 2


def test_without_a_terminal_the_password_needs_stdin(users: Path) -> None:
    done = subprocess.run(
        [sys.executable, "-m", "articles", "users", "add", "ana", "--role", "reader"],
        cwd=ROOT, stdin=subprocess.DEVNULL, capture_output=True, text=True,
        env={"ARTICLES_USERS_FILE": str(users), "PATH": "/usr/bin:/bin"},
        check=False,
    )  # fmt: skip
    assert done.returncode == 2
    assert "--password-stdin" in done.stderr
