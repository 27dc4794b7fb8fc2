"""Regression guard: the pipeline must not score below the metrics recorded beside each dataset
(`eval/datasets/NAME.expected.json` for `NAME.jsonl`)."""

import json

import pytest

from answering.service import Assistant
from answering.types import Turn
from eval.answers import evaluate
from eval.dataset import DATASETS_DIR, load_dataset, resolve_sources

GUARDED = sorted(DATASETS_DIR.glob("*.expected.json"))


def test_every_guarded_dataset_exists():
    assert GUARDED and all((DATASETS_DIR / f"{p.name.removesuffix('.expected.json')}.jsonl").exists() for p in GUARDED)


@pytest.mark.slow
@pytest.mark.parametrize("expected_file", GUARDED, ids=lambda p: p.name.removesuffix(".expected.json"))
def test_metrics_do_not_drop_below_the_recorded_ones(corpus_library, expected_file):
    expected = json.loads(expected_file.read_text(encoding="utf-8"))
    dataset = DATASETS_DIR / f"{expected_file.name.removesuffix('.expected.json')}.jsonl"
    assistant = Assistant(corpus_library)
    questions = resolve_sources(load_dataset(dataset), (d.doc_id for d in corpus_library.documents()))
    result = evaluate(
        lambda q: assistant.ask(q.question, [Turn(t.role, t.content) for t in q.history], id=q.id), questions
    )
    metrics = result["metrics"]
    tolerance = expected["tolerance"]
    drops = {k: (metrics[k], floor) for k, floor in expected["metrics"].items() if metrics[k] < floor - tolerance}
    rises = {k: (metrics[k], ceiling) for k, ceiling in expected["max"].items() if metrics[k] > ceiling + tolerance}
    assert not drops and not rises, {"below floor": drops, "above ceiling": rises}


def test_sources_written_without_their_extension_resolve_to_the_stored_documents():
    from eval.dataset import GoldQuestion

    question = GoldQuestion("q", "?", (("x",),), ("000_abc", "001_def.txt", "missing"), True, "number")
    (resolved,) = resolve_sources([question], ["000_abc.txt", "001_def.txt", "002_x.txt"])
    assert resolved.sources == ("000_abc.txt", "001_def.txt", "missing")
