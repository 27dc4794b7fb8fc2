from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from cqdt.library import Library
from cqdt.settings import DEFAULT_CORPUS_DIR, Settings

SEED_IDS = sorted(p.name for p in DEFAULT_CORPUS_DIR.glob("*.txt"))


def make_settings(data_dir: Path, **overrides: object) -> Settings:
    # _env_file=None: a developer's .env must not leak into tests.
    return Settings(_env_file=None, data_dir=data_dir, **overrides)  # type: ignore[call-arg]


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    return make_settings(tmp_path / "data")


@pytest.fixture
def library(settings: Settings) -> Iterator[Library]:
    with Library(settings) as lib:
        yield lib


@pytest.fixture(scope="session")
def corpus_library(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Library]:
    """The default corpus indexed once with the real packaged model, shared read-only."""
    with Library(make_settings(tmp_path_factory.mktemp("corpus"))) as lib:
        results = lib.ensure_corpus()
        assert [r.status for r in results] == ["added"] * len(SEED_IDS)
        yield lib
