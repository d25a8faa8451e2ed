"""Packaging: the source distribution carries the built-in Rego library, and an install
without it fails clearly instead of loading another package's ``policies/`` folder."""

from __future__ import annotations

import importlib.metadata
import os
import shutil
import subprocess
import sys
import tarfile
from pathlib import Path

import pytest

from tests.conftest import REPO


def _installed(distribution: str) -> bool:
    """By distribution metadata: the repository's own build/ folder is not the package."""
    try:
        importlib.metadata.version(distribution)
    except importlib.metadata.PackageNotFoundError:
        return False
    return True


def _build_sdist(out: Path) -> Path:
    """With pypa/build when installed, else setuptools' own sdist command (egg-info kept
    out of the source tree)."""
    if _installed("build"):
        cmd = [sys.executable, "-m", "build", "--sdist", "--no-isolation", "--skip-dependency-check", "--outdir", str(out), str(REPO)]
    elif _installed("setuptools"):
        egg_base = out / "egg-info"
        egg_base.mkdir()
        cmd = [sys.executable, str(REPO / "setup.py"), "-q", "egg_info", "--egg-base", str(egg_base), "sdist", "--dist-dir", str(out)]
    else:
        pytest.skip("neither build nor setuptools is installed")
    cwd = REPO if cmd[1].endswith("setup.py") else out  # never import the repository's build/ folder as `build`
    result = subprocess.run(cmd, cwd=cwd, capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stderr
    (archive,) = out.glob("iac-guard-*.tar.gz")
    return archive


def test_sdist_contains_every_builtin_policy(tmp_path: Path) -> None:
    archive = _build_sdist(tmp_path)
    with tarfile.open(archive) as tar:
        names = tar.getnames()
    top = names[0].split("/")[0]
    shipped = sorted(n.removeprefix(f"{top}/") for n in names if n.endswith(".rego"))
    expected = sorted(p.relative_to(REPO).as_posix() for p in (REPO / "policies").rglob("*.rego"))
    assert len(expected) > 100
    assert shipped == expected
    for needed in ("setup.py", "pyproject.toml", "README.md", "MANIFEST.in"):
        assert f"{top}/{needed}" in names


def test_missing_builtin_library_is_an_error_not_another_packages_policies(tmp_path: Path) -> None:
    """iac_guard installed without builtin_policies in a site-packages that has some
    other distribution's top-level policies/ folder."""
    site = tmp_path / "site-packages"
    shutil.copytree(REPO / "iac_guard", site / "iac_guard", ignore=shutil.ignore_patterns("__pycache__", "builtin_policies"))
    (site / "policies").mkdir()
    (site / "policies" / "other.rego").write_text("package other\n\nimport rego.v1\n\ndeny contains \"x\" if { true }\n")
    script = (
        "import sys, iac_guard\n"
        f"assert iac_guard.__file__.startswith({str(site)!r}), iac_guard.__file__\n"
        "from iac_guard.cli import main\n"
        "sys.exit(main(sys.argv[1:]))\n"
    )
    env = {**os.environ, "PYTHONPATH": str(site)}
    result = subprocess.run([sys.executable, "-c", script, "policies", "list"], capture_output=True, text=True, cwd=tmp_path, env=env, check=False)
    assert result.returncode == 2
    assert result.stderr == (
        f"iac-guard: error: the built-in policy library is missing from this installation (no {site / 'iac_guard' / 'builtin_policies'}): "
        "reinstall iac-guard from its wheel or a complete source tree, or pass --no-builtin-policies\n"
    )
    own = tmp_path / "mine"
    own.mkdir()
    (own / "p.rego").write_text(
        "# METADATA\n# title: t\n# custom:\n#   id: MINE-1\n#   severity: low\npackage mine\n\nimport rego.v1\n\ndeny contains \"x\" if { false }\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", script, "policies", "list", "--no-builtin-policies", "--policy-dir", str(own)],
        capture_output=True, text=True, cwd=tmp_path, env=env, check=False,
    )
    assert result.returncode == 0, result.stderr
    assert "MINE-1" in result.stdout
