"""The parse cache: reused for unchanged bytes at the same path, never across a change."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

import iac_guard.parse.runner as runner
from iac_guard.models import SourceFile
from iac_guard.parse.cache import ParseCache
from iac_guard.parse.runner import parse_files


def _source(path: Path) -> SourceFile:
    return SourceFile(path=path, relpath=path.name, kind="terraform", size=path.stat().st_size)


def test_second_parse_comes_from_the_cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    tf = tmp_path / "main.tf"
    tf.write_text('resource "aws_ebs_volume" "v" {\n  size = 1\n}\n')
    cache = ParseCache(tmp_path / "cache")
    (first,) = parse_files([_source(tf)], jobs=1, cache=cache)
    calls: list[str] = []
    monkeypatch.setattr(runner, "_parse_uncached", lambda s: calls.append(s.relpath))
    (second,) = parse_files([_source(tf)], jobs=1, cache=ParseCache(tmp_path / "cache"))
    assert calls == []
    assert second.raw == first.raw and second.tree == first.tree
    assert second.source == _source(tf)


def test_without_a_cache_every_parse_parses(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    tf = tmp_path / "main.tf"
    tf.write_text('resource "aws_ebs_volume" "v" {\n  size = 1\n}\n')
    parse_files([_source(tf)], jobs=1, cache=ParseCache(tmp_path / "cache"))
    calls: list[str] = []
    monkeypatch.setattr(runner, "_parse_uncached", lambda s: calls.append(s.relpath))
    parse_files([_source(tf)], jobs=1)
    assert calls == ["main.tf"]


def test_changed_content_is_parsed_again(tmp_path: Path) -> None:
    tf = tmp_path / "main.tf"
    tf.write_text('resource "aws_ebs_volume" "v" {\n  size = 1\n}\n')
    cache = ParseCache(tmp_path / "cache")
    parse_files([_source(tf)], jobs=1, cache=cache)
    tf.write_text('resource "aws_ebs_volume" "v" {\n  size = 2\n}\n')
    (doc,) = parse_files([_source(tf)], jobs=1, cache=cache)
    assert doc.raw["resource"]["aws_ebs_volume"]["v"] == {"size": 2}


def test_parse_errors_are_cached_as_errors(tmp_path: Path) -> None:
    tf = tmp_path / "bad.tf"
    tf.write_text('resource "a" "b" {\n  x =\n}\n')
    cache = ParseCache(tmp_path / "cache")
    first = parse_files([_source(tf)], jobs=1, cache=cache)[0].problems
    assert len(list(cache.directory.glob("??/*"))) == 1
    second = parse_files([_source(tf)], jobs=1, cache=cache)[0].problems
    assert first == second and first[0].line == 2


def test_world_writable_cache_directory_is_not_used(tmp_path: Path) -> None:
    shared = tmp_path / "shared"
    (shared / "parse-v1").mkdir(parents=True)
    os.chmod(shared / "parse-v1", 0o777)
    assert ParseCache(shared).usable is False
    assert ParseCache(tmp_path / "private").usable is True


def test_cache_key_changes_with_the_code(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import iac_guard.parse.cache as cache_module

    tf = tmp_path / "main.tf"
    tf.write_text("")
    before = ParseCache(tmp_path / "c").key(_source(tf), b"")
    monkeypatch.setattr(cache_module, "_code_digest", lambda: "different")
    assert ParseCache(tmp_path / "c").key(_source(tf), b"") != before


def test_prune_removes_least_recently_used_entries_down_to_the_target(tmp_path: Path) -> None:
    cache = ParseCache(tmp_path / "cache")
    files = []
    for i in range(10):
        tf = tmp_path / f"f{i}.tf"
        tf.write_text(f'resource "aws_ebs_volume" "v{i}" {{\n  size = {i}\n}}\n')
        key = cache.key(_source(tf), tf.read_bytes())
        cache.put(key, runner._parse_uncached(_source(tf)))
        entry = cache.directory / key[:2] / key
        os.utime(entry, (1_000_000 + i, 1_000_000 + i))  # f0 least recently used
        files.append((key, entry))
    sizes = [entry.stat().st_size for _, entry in files]
    assert cache.prune(sum(sizes) + 1, force=True) == 0  # under the limit: nothing goes
    limit = sum(sizes) - 1
    removed = cache.prune(limit, force=True)
    kept = [key for key, entry in files if entry.exists()]
    assert removed == 10 - len(kept) and removed >= 2
    assert kept == [key for key, _ in files[removed:]]  # the oldest went first
    assert sum(e.stat().st_size for _, e in files if e.exists()) <= limit * 0.8
    assert cache.get(kept[0]) is not None
    assert cache.prune(1, force=False) == 0  # pruned a moment ago: not again today


def test_a_bad_cache_size_limit_is_a_config_error(tmp_path: Path) -> None:
    from iac_guard.errors import ConfigError

    for bad in ("abc", "-1", "1.5"):
        with pytest.raises(ConfigError, match=f"IAC_GUARD_CACHE_MAX_BYTES must be a whole number of bytes, got '{bad}'"):
            ParseCache.from_environ({"IAC_GUARD_CACHE_DIR": str(tmp_path), "IAC_GUARD_CACHE_MAX_BYTES": bad})
    cache = ParseCache.from_environ({"IAC_GUARD_CACHE_DIR": str(tmp_path / "cache"), "IAC_GUARD_CACHE_MAX_BYTES": "1000"})
    assert cache.max_bytes == 1000
    assert cache.prune(force=True) == 0


def test_cache_location_and_size_come_from_the_given_environment(tmp_path: Path) -> None:
    explicit = ParseCache.from_environ({"IAC_GUARD_CACHE_DIR": "/srv/c", "XDG_CACHE_HOME": "/x", "HOME": "/h"})
    assert (explicit.directory, explicit.max_bytes) == (Path("/srv/c/parse-v1"), 512 * 1024 * 1024)
    assert ParseCache.from_environ({"XDG_CACHE_HOME": "/x", "HOME": "/h"}).directory == Path("/x/iac-guard/parse-v1")
    assert ParseCache.from_environ({"HOME": "/h"}).directory == Path("/h/.cache/iac-guard/parse-v1")
    assert ParseCache.from_environ({"IAC_GUARD_CACHE_DIR": "", "HOME": "/h"}).directory == Path("/h/.cache/iac-guard/parse-v1")


def test_making_a_cache_touches_no_file_until_it_is_used(tmp_path: Path) -> None:
    cache = ParseCache(tmp_path / "new")
    assert not (tmp_path / "new").exists()
    assert cache.get("0" * 64) is None
    assert cache.directory.is_dir() and cache.usable is True
