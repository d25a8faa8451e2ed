"""The parse runner: the cache is read in this process, only misses are parsed, forked
children only when enough files miss; serial and parallel give the same documents; a
child that dies costs a parse-error on the file it was parsing, never a hang."""

from __future__ import annotations

import os
import signal
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


def no_children(*args: Any, **kwargs: Any) -> Any:
    raise AssertionError("children were forked")


def test_serial_equals_parallel_and_warm_runs_start_no_pool(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "tree").mkdir()
    files = _tree(tmp_path / "tree", PARALLEL_THRESHOLD + 6)
    serial = parse_files(files, jobs=1)
    parallel = parse_files(files, jobs=2, cache=ParseCache(tmp_path / "cache"))  # cold: parsed in children
    assert _shape(parallel) == _shape(serial)
    assert len(serial) == PARALLEL_THRESHOLD + 6 and serial[1].raw["resource"]

    monkeypatch.setattr(runner.forked, "run", no_children)
    warm = parse_files(files, jobs=2, cache=ParseCache(tmp_path / "cache"))  # every parse is a hit
    assert _shape(warm) == _shape(serial)
    assert all(w.source is f for w, f in zip(warm, files, strict=True))

    # a few changed files: parsed here, the rest from the cache, order kept
    files[3].path.write_text('resource "aws_ebs_volume" "v" {\n  size = 1\n}\n')
    files[40].path.write_text("resource {\n")
    mixed = parse_files(files, jobs=2, cache=ParseCache(tmp_path / "cache"))
    assert _shape(mixed) == _shape(parse_files(files, jobs=1))
    assert list(mixed[3].raw["resource"]) == ["aws_ebs_volume"] and mixed[40].problems


def test_a_child_that_dies_costs_the_file_it_was_parsing(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The process parsing m007.tf is killed (what the out-of-memory killer does to a file
    built to exhaust memory), and m011.tf's parser raises: those two files get a
    parse-error naming how, every other file is parsed, in order."""
    files = _tree(tmp_path, PARALLEL_THRESHOLD + 6)
    real = runner._parse_uncached

    def hostile(source: SourceFile) -> Any:
        if source.relpath == "m007.tf":
            os.kill(os.getpid(), signal.SIGKILL)
        if source.relpath == "m011.tf":
            raise MemoryError("cannot allocate")
        return real(source)

    monkeypatch.setattr(runner, "_parse_uncached", hostile)
    documents = parse_files(files, jobs=2)
    assert [d.source.relpath for d in documents] == [f.relpath for f in files]
    failed = {d.source.relpath: [(p.code, p.message, p.file, p.line) for p in d.problems] for d in documents if d.problems}
    assert failed == {
        "m007.tf": [("parse-error", "the parser failed on this file: its process was killed (SIGKILL, out of memory?)", "m007.tf", None)],
        "m011.tf": [("parse-error", "the parser failed on this file: MemoryError: cannot allocate", "m011.tf", None)],
    }
    monkeypatch.setattr(runner, "_parse_uncached", real)
    serial = parse_files(files, jobs=1)
    assert [_shape([d]) for d in documents if not d.problems] == [_shape([d]) for d in serial if d.source.relpath not in failed]
