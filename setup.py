"""Build hook: ship the top-level ``policies/`` library inside the wheel.

The Rego library lives at the repository root (where policy authors expect it); a
pip-installed iac-guard finds it as ``iac_guard/builtin_policies``. Everything else
is declared in pyproject.toml.
"""

from __future__ import annotations

import shutil
from pathlib import Path

from setuptools import setup
from setuptools.command.build_py import build_py

POLICY_SUFFIXES = (".rego", ".json", ".yaml", ".yml")


class BuildWithPolicies(build_py):
    def run(self) -> None:
        super().run()
        source = Path(__file__).parent / "policies"
        if not any(source.rglob("*.rego")):
            # an sdist without policies/ (see MANIFEST.in) would build a gate with no checks
            raise SystemExit(f"iac-guard build: the built-in policy library {source} is missing or empty")
        target = Path(self.build_lib) / "iac_guard" / "builtin_policies"
        if target.exists():
            shutil.rmtree(target)
        for path in sorted(source.rglob("*")):
            if path.is_file() and path.suffix in POLICY_SUFFIXES:
                dest = target / path.relative_to(source)
                dest.parent.mkdir(parents=True, exist_ok=True)
                shutil.copy2(path, dest)


setup(cmdclass={"build_py": BuildWithPolicies})
