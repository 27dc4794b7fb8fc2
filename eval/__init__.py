"""Evaluation: gold datasets, deterministic metrics and experiments."""
