"""Reading, cleaning and chunking documents."""

from ingest.loaders import SUPPORTED_SUFFIXES
from ingest.pipeline import discover, doc_id_for, prepare_bytes, prepare_file

__all__ = ["SUPPORTED_SUFFIXES", "discover", "doc_id_for", "prepare_bytes", "prepare_file"]
