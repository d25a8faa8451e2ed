"""The process table as /proc shows it, for tests that check what a scan leaves running
(Ctrl-C, the prefetch helper). Fields after the command name: state, ppid, pgrp, session."""

from __future__ import annotations

import os
from pathlib import Path


def stat(pid: int) -> list[str] | None:
    try:
        text = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return None
    return text.rsplit(")", 1)[1].split()


def processes() -> list[tuple[int, list[str]]]:
    out = []
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            fields = stat(int(entry))
            if fields is not None:
                out.append((int(entry), fields))
    return out


def alive(pid: int) -> bool:
    fields = stat(pid)
    return fields is not None and fields[0] != "Z"


def children(pid: int) -> list[int]:
    return [p for p, fields in processes() if int(fields[1]) == pid and fields[0] != "Z"]


def group_leaders_under(pid: int) -> list[int]:
    """Children of ``pid`` that lead a process group of their own (the prefetch helper)."""
    return [p for p, fields in processes() if int(fields[1]) == pid and int(fields[2]) == p and fields[0] != "Z"]


def session_members(sid: int) -> list[int]:
    """Live processes of the session ``sid`` leads (its workers, whatever their parent now)."""
    return [p for p, fields in processes() if int(fields[3]) == sid and fields[0] != "Z"]
