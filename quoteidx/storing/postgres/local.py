"""A PostgreSQL server of one's own, in a folder, on a loopback port: for trying quoteidx
on PostgreSQL, for the tests and for CI. Uses the server binaries of a Debian-style
install (/usr/lib/postgresql/N/bin, e.g. `apt-get install postgresql-15`), or those
that `pg_config --bindir` or $QUOTEIDX_PG_BIN name.

    python -m quoteidx.storing.postgres.local start ~/quoteidx-pg   # prints its URL
    python -m quoteidx.storing.postgres.local stop ~/quoteidx-pg

The server listens on 127.0.0.1 only, asks for a password over TCP (the URL holds it,
the folder's `url` file too, readable by its owner only) and is never started as root:
when run as root, initdb and pg_ctl run as the `postgres` user, as PostgreSQL requires.
"""

from __future__ import annotations

import glob
import os
import secrets
import shutil
import socket
import subprocess
import sys
from pathlib import Path

USER = "quoteidx"
DATABASE = "quoteidx"
# For throwaway servers (tests, CI): no waiting on the disk. A crash loses the data,
# which a throwaway server does not mind; `durable=True` keeps PostgreSQL's defaults.
FAST = ("-c fsync=off -c synchronous_commit=off -c full_page_writes=off "
        "-c max_connections=200")


class ServerError(Exception):
    pass


def binaries() -> str | None:
    """The folder holding initdb and pg_ctl, or None if this machine has none."""
    candidates = [os.environ.get("QUOTEIDX_PG_BIN", "")]
    if shutil.which("pg_config"):
        found = subprocess.run(["pg_config", "--bindir"], capture_output=True, text=True,
                               check=False)
        candidates.append(found.stdout.strip())
    versions = sorted(glob.glob("/usr/lib/postgresql/*/bin"),
                      key=lambda path: int(Path(path).parent.name)
                      if Path(path).parent.name.isdigit() else 0, reverse=True)
    candidates += versions
    for folder in candidates:
        if folder and all(os.access(os.path.join(folder, tool), os.X_OK)
                          for tool in ("initdb", "pg_ctl", "postgres")):
            return folder
    return None


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _as_server_user(command: list[str]) -> list[str]:
    """The command as the `postgres` user when we are root (the server refuses root)."""
    if hasattr(os, "geteuid") and os.geteuid() == 0:
        # root's PATH may lack the sbin folders (a stripped environment, `env -i`)
        path = os.pathsep.join([os.environ.get("PATH", ""), "/usr/sbin", "/sbin"])
        return [shutil.which("runuser", path=path) or "runuser", "-u", "postgres", "--",
                *command]
    return command


def _run(command: list[str]) -> None:
    done = subprocess.run(_as_server_user(command), capture_output=True, text=True,
                          check=False)
    if done.returncode != 0:
        text = (done.stderr or done.stdout).strip().splitlines()
        reason = text[-1] if text else f"exit {done.returncode}"
        raise ServerError(f"{Path(command[0]).name} failed: {reason}")


def start(folder: str | os.PathLike[str], port: int | None = None, *,
          durable: bool = False, settings: str = "") -> str:
    """Make a server in `folder` (if new) and start it; its URL. Waits until it accepts
    connections. `settings`: more server options (`-c name=value ...`). Raises
    ServerError."""
    where = Path(folder).resolve()
    tools = binaries()
    if tools is None:
        raise ServerError("no PostgreSQL server binaries found (apt-get install postgresql-15)")
    data = where / "data"
    url_file = where / "url"
    if not data.exists():
        where.mkdir(parents=True, exist_ok=True)
        password = secrets.token_urlsafe(16)
        password_file = where / "password"
        password_file.write_text(password + "\n")
        if os.geteuid() == 0:
            shutil.chown(where, "postgres")
            shutil.chown(password_file, "postgres")
        where.chmod(0o700)
        if os.geteuid() == 0 and subprocess.run(_as_server_user(["test", "-w", str(where)]),
                                                check=False).returncode != 0:
            raise ServerError(f"the postgres user cannot reach {where}: choose a folder "
                              "that it can (one under /tmp)")
        _run([f"{tools}/initdb", "-D", str(data), "-U", USER, "--pwfile", str(password_file),
              "--auth-local=trust", "--auth-host=scram-sha-256", "-E", "UTF8",
              "--locale=C.UTF-8", "--no-sync", "--no-instructions"])
        password_file.unlink()
        port = port or free_port()
        url_file.write_text(f"postgresql://{USER}:{password}@127.0.0.1:{port}/{DATABASE}\n")
        url_file.chmod(0o600)
    url = url_file.read_text().strip()
    port = int(url.rsplit(":", 1)[1].split("/")[0])
    options = (f"-c listen_addresses=127.0.0.1 -p {port} -k {where} "
               f"{'' if durable else FAST} {settings}")
    _run([f"{tools}/pg_ctl", "-D", str(data), "-l", str(where / "server.log"), "-w",
          "-o", options, "start"])
    _ensure_database(where, port)
    return url


def _ensure_database(where: Path, port: int) -> None:
    import psycopg

    # Over the folder's socket, where the server trusts its own user.
    with psycopg.connect(host=str(where), port=port, user=USER, dbname="postgres",
                         autocommit=True) as conn:
        if conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", (DATABASE,)).fetchone():
            return
        conn.execute(f"CREATE DATABASE {DATABASE}")


def stop(folder: str | os.PathLike[str]) -> None:
    tools = binaries()
    data = Path(folder).resolve() / "data"
    if tools is None or not (data / "postmaster.pid").exists():
        return
    _run([f"{tools}/pg_ctl", "-D", str(data), "-m", "fast", "-w", "stop"])


def main(argv: list[str]) -> int:
    usage = ("usage: python -m quoteidx.storing.postgres.local start|stop FOLDER [PORT]\n"
             "start: make (if new) and start a local server, print its URL")
    if len(argv) < 2 or argv[0] not in ("start", "stop"):
        print(usage, file=sys.stderr)
        return 2
    try:
        if argv[0] == "start":
            print(start(argv[1], int(argv[2]) if len(argv) > 2 else None))
        else:
            stop(argv[1])
    except (ServerError, OSError, ValueError) as err:
        print(f"error: {err}", file=sys.stderr)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
