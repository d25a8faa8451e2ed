from __future__ import annotations

from pathlib import Path

import pytest

FIXTURES = Path(__file__).parent / "fixtures"
REPO = Path(__file__).parent.parent


@pytest.fixture
def fixtures() -> Path:
    return FIXTURES


@pytest.fixture
def spine() -> Path:
    return FIXTURES / "spine"


@pytest.fixture(autouse=True)
def _isolated_parse_cache(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> None:
    """Every test gets an empty parse cache of its own, never the user's."""
    monkeypatch.setenv("IAC_GUARD_CACHE_DIR", str(tmp_path_factory.mktemp("cache")))


@pytest.fixture(autouse=True)
def _outside_github_actions(monkeypatch: pytest.MonkeyPatch) -> None:
    """Tests see no GitHub Actions environment unless they set one up (the project's own
    CI runs them inside GitHub Actions, whose variables would add annotations)."""
    import os

    for name in list(os.environ):
        if name.startswith(("GITHUB_", "IAC_GUARD_GITHUB_")):
            monkeypatch.delenv(name)
