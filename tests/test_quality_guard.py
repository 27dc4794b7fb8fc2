"""Regression guard: the pipeline must not score below the metrics recorded beside the gold set."""

import json

import pytest

from answering.service import Assistant
from answering.types import Turn
from eval.answers import evaluate
from eval.dataset import DATASETS_DIR, DEFAULT_DATASET, load_dataset


@pytest.mark.slow
def test_metrics_do_not_drop_below_the_recorded_ones(corpus_library):
    expected = json.loads((DATASETS_DIR / "gold.expected.json").read_text(encoding="utf-8"))
    assistant = Assistant(corpus_library)
    result = evaluate(
        lambda q: assistant.ask(q.question, [Turn(t.role, t.content) for t in q.history], id=q.id),
        load_dataset(DEFAULT_DATASET),
    )
    metrics = result["metrics"]
    tolerance = expected["tolerance"]
    drops = {k: (metrics[k], floor) for k, floor in expected["metrics"].items() if metrics[k] < floor - tolerance}
    rises = {k: (metrics[k], ceiling) for k, ceiling in expected["max"].items() if metrics[k] > ceiling + tolerance}
    assert not drops and not rises, {"below floor": drops, "above ceiling": rises}
