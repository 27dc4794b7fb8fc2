"""Retrieval on the gold set: hybrid must match or beat the best single retriever."""

import pytest

from eval.dataset import DEFAULT_DATASET, load_dataset
from eval.retrieval import evaluate_retrieval


@pytest.mark.slow
def test_hybrid_is_at_least_as_good_as_the_best_single_retriever(corpus_library):
    report = evaluate_retrieval(corpus_library, load_dataset(DEFAULT_DATASET))
    modes = report["modes"]
    for metric in ("recall@5", "mrr@10"):
        best_single = max(modes["bm25"][metric], modes["dense"][metric])
        assert modes["hybrid"][metric] >= best_single - 1e-9, (metric, modes)
    assert modes["hybrid"]["recall@5"] >= 0.95
    assert modes["hybrid"]["per_category"]["no_diacritics"]["recall@5"] >= 0.95
