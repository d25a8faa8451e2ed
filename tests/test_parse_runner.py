"""The parse runner: the cache is read in this process, only misses are parsed, a process
pool only when enough files miss; serial and parallel give the same documents."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from iac_guard.models import SourceFile
from iac_guard.parse import runner
from iac_guard.parse.cache import ParseCache
from iac_guard.parse.runner import PARALLEL_THRESHOLD, parse_files


def _tree(root: Path, count: int) -> list[SourceFile]:
    files = []
    for i in range(count):
        path = root / f"m{i:03d}.tf"
        path.write_text(f'resource "aws_s3_bucket" "b{i}" {{\n  bucket = "acme-{i}"\n  acl    = "{"public-read" if i % 2 else "private"}"\n}}\n')
        files.append(SourceFile(path=path, relpath=path.name, kind="terraform", size=path.stat().st_size))
    return files


def _shape(documents: list[Any]) -> list[tuple[str, Any, tuple[str, ...]]]:
    return [(d.source.relpath, d.raw, tuple(p.message for p in d.problems)) for d in documents]


class NoPool:
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        raise AssertionError("a process pool was started")


def test_serial_equals_parallel_and_warm_runs_start_no_pool(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "tree").mkdir()
    files = _tree(tmp_path / "tree", PARALLEL_THRESHOLD + 6)
    serial = parse_files(files, jobs=1)
    parallel = parse_files(files, jobs=2, cache=ParseCache(tmp_path / "cache"))  # cold: parsed in a pool
    assert _shape(parallel) == _shape(serial)
    assert len(serial) == PARALLEL_THRESHOLD + 6 and serial[1].raw["resource"]

    monkeypatch.setattr(runner, "ProcessPoolExecutor", NoPool)
    warm = parse_files(files, jobs=2, cache=ParseCache(tmp_path / "cache"))  # every parse is a hit
    assert _shape(warm) == _shape(serial)
    assert all(w.source is f for w, f in zip(warm, files, strict=True))

    # a few changed files: parsed here, the rest from the cache, order kept
    files[3].path.write_text('resource "aws_ebs_volume" "v" {\n  size = 1\n}\n')
    files[40].path.write_text("resource {\n")
    mixed = parse_files(files, jobs=2, cache=ParseCache(tmp_path / "cache"))
    assert _shape(mixed) == _shape(parse_files(files, jobs=1))
    assert list(mixed[3].raw["resource"]) == ["aws_ebs_volume"] and mixed[40].problems
