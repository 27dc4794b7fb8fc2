from index.fusion import convex_fusion, min_max, reciprocal_rank_fusion


def test_rrf_rewards_agreement():
    fused = reciprocal_rank_fusion({"a": ["x", "y", "z"], "b": ["y", "x", "w"]})
    assert [item for item, _ in fused][:2] == ["x", "y"] or [item for item, _ in fused][:2] == ["y", "x"]
    assert {item for item, _ in fused} == {"x", "y", "z", "w"}


def test_rrf_weights_and_deterministic_ties():
    fused = reciprocal_rank_fusion({"a": ["x"], "b": ["y"]}, weights={"a": 1.0, "b": 1.0})
    assert [item for item, _ in fused] == ["x", "y"]  # equal scores and ranks: by id
    fused = reciprocal_rank_fusion({"a": ["x"], "b": ["y"]}, weights={"a": 0.5, "b": 1.0})
    assert fused[0][0] == "y"


def test_min_max():
    assert min_max([("a", 4.0), ("b", 2.0), ("c", 3.0)]) == [("a", 1.0), ("b", 0.0), ("c", 0.5)]
    assert min_max([("a", 7.0)]) == [("a", 1.0)]
    assert min_max([]) == []


def test_convex_fusion_keeps_score_gaps():
    fused = convex_fusion(
        {"bm25": [("x", 10.0), ("y", 2.0), ("z", 1.0)], "dense": [("y", 0.9), ("z", 0.89), ("x", 0.88)]},
        weights={"bm25": 1.0, "dense": 0.7},
    )
    assert fused[0][0] == "x"  # far ahead lexically, only slightly behind densely
    assert [item for item, _ in fused] == ["x", "y", "z"]


def test_convex_fusion_zero_weight_is_the_other_ranking():
    fused = convex_fusion({"a": [("x", 3.0), ("y", 1.0)], "b": [("y", 1.0), ("x", 0.0)]}, weights={"b": 0.0})
    assert [item for item, _ in fused] == ["x", "y"]
