"""A throwaway PostgreSQL server in a temporary folder (tests, the bench, trials).

Debian's ``postgresql`` package: ``initdb`` and ``pg_ctl`` from
``/usr/lib/postgresql/*/bin`` (or ``pg_config --bindir``), a free port on
127.0.0.1 and a unix socket in the folder. ``initdb`` refuses to run as root, so
when this process is root the server runs as the ``postgres`` system user
(``runuser``) in a folder it owns. ``stop`` removes the folder.
"""

from __future__ import annotations

import glob
import os
import shutil
import socket
import subprocess
import tempfile
from dataclasses import dataclass
from pathlib import Path

#: The system user the server runs as when this process is root.
SYSTEM_USER = "postgres"


class ServerUnavailable(RuntimeError):
    """PostgreSQL's binaries are not installed, or the server would not start."""


def find_bindir() -> Path:
    """Return the folder holding ``initdb`` and ``pg_ctl`` (newest version first).

    Raises
    ------
    ServerUnavailable
        No PostgreSQL server binaries on this machine.
    """
    for found in sorted(glob.glob("/usr/lib/postgresql/*/bin"), reverse=True):
        if (Path(found) / "initdb").exists():
            return Path(found)
    try:
        out = subprocess.run(
            ["pg_config", "--bindir"], capture_output=True, text=True, check=True
        ).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        out = ""
    if out and (Path(out) / "initdb").exists():
        return Path(out)
    on_path = shutil.which("initdb")
    if on_path:
        return Path(on_path).resolve().parent
    raise ServerUnavailable("no PostgreSQL server found: run `make postgres`")


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@dataclass
class LocalServer:
    """A running throwaway server: its folder, port and owner (see ``start``)."""

    folder: Path
    port: int
    user: str
    bindir: Path

    def url(self, database: str = "postgres") -> str:
        """Return the ``postgresql://`` URL of one database on this server."""
        return f"postgresql://{self.user}@127.0.0.1:{self.port}/{database}"

    def stop(self) -> None:
        """Stop the server (fast shutdown) and remove its folder."""
        _run([str(self.bindir / "pg_ctl"), "-D", str(self.folder / "data"),
                    "-m", "fast", "-w", "stop"], check=False)  # fmt: skip
        shutil.rmtree(self.folder, ignore_errors=True)


def _as_owner(root: bool, argv: list[str]) -> list[str]:
    return ["runuser", "-u", SYSTEM_USER, "--", *argv] if root else argv


def _run(argv: list[str], *, check: bool = True) -> None:
    root = os.geteuid() == 0
    done = subprocess.run(
        _as_owner(root, argv), capture_output=True, text=True, check=False
    )
    if check and done.returncode != 0:
        raise ServerUnavailable(
            f"{Path(argv[0]).name} failed: {(done.stderr or done.stdout).strip()}"
        )


def start() -> LocalServer:
    """Create and start a server on a free port; the caller must ``stop`` it.

    Raises
    ------
    ServerUnavailable
        Binaries missing, or initdb / pg_ctl failed (their message).
    """
    bindir = find_bindir()
    root = os.geteuid() == 0
    folder = Path(tempfile.mkdtemp(prefix="articles-pg-"))
    user = SYSTEM_USER if root else _current_user()
    if root:
        shutil.chown(folder, SYSTEM_USER, SYSTEM_USER)
    server = LocalServer(folder, _free_port(), user, bindir)
    data = folder / "data"
    try:
        _run([str(bindir / "initdb"), "-D", str(data), "-U", user,
                      "-A", "trust", "-E", "UTF8", "--locale", "C.UTF-8",
                      "--no-sync"])  # fmt: skip
        options = (  # throwaway: nothing to keep through a crash
            f"{server_options(server.port, folder)} -c fsync=off "
            "-c synchronous_commit=off -c full_page_writes=off -c max_connections=200"
        )
        _run([str(bindir / "pg_ctl"), "-D", str(data), "-o", options,
                      "-l", str(folder / "log"), "-w", "start"])  # fmt: skip
    except BaseException:
        shutil.rmtree(folder, ignore_errors=True)
        raise
    return server


def server_options(port: int | str, folder: Path) -> str:
    """Return the ``postgres`` options every local server of ours starts with.

    Local connections only (TCP on 127.0.0.1, the socket in ``folder``) and a
    page cache sized for the machine (``shared_buffers_mb``).
    """
    return (
        f"-p {port} -k {folder} -c listen_addresses=127.0.0.1 "
        f"-c shared_buffers={shared_buffers_mb()}MB"
    )


def shared_buffers_mb() -> int:
    """Return the server's page cache: a quarter of the memory, 128 MB to 4 GB.

    PostgreSQL's advice for a server of its own; its default, 128 MB, holds a
    tenth of the full-text table at 100,000 articles, whose pages each search
    then copies in from the system's cache again ("Taliban" counted alone:
    about 750 ms against 580 with 3 GB; the memory is only taken as it is used).
    """
    try:
        memory = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES")
    except (ValueError, OSError):  # not known here: PostgreSQL's default
        return 128
    return max(128, min(4096, memory // 4 >> 20))


def _current_user() -> str:
    import getpass

    return getpass.getuser()
