import numpy as np

from index.lexical import BM25Index, bm25_weights


def test_bm25_weights_favour_rare_terms_and_short_documents():
    docs = [np.array([1, 2, 2]), np.array([2, 3]), np.array([2])]
    matrix, terms = bm25_weights(docs)
    assert terms.tolist() == [1, 2, 3]
    weights = matrix.toarray()
    assert weights[0, 0] > weights[0, 1] > 0  # term 1 is in one document, term 2 in all three
    assert weights[2, 1] > weights[1, 1]  # the same term weighs more in a shorter document
    assert bm25_weights([np.array([], dtype=np.int32)])[0].shape == (1, 0)


def test_index_finds_accentless_queries_and_forgets_removed_passages():
    index = BM25Index()
    index.add([("a", "Quận Nam Từ Liêm giải quyết 98.840 hồ sơ"), ("b", "Quận Long Biên có 14 phường")])
    assert index.search("nam tu liem ho so", 2)[0][0] == "a"
    assert index.search("98840", 1)[0][0] == "a"  # numbers in one canonical form
    index.remove(["a"])
    assert [hit for hit, _ in index.search("ho so", 2)] == []
    assert len(index) == 1 and index.idf("phuong") < index.idf("chưa từng gặp")
