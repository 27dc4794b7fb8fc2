"""Trợ lý Chính quyền đô thị: a cited question-answering assistant over Vietnamese documents."""

from cqdt.errors import CqdtError, InputError, StoreError
from cqdt.settings import Settings

__version__ = "0.1.0"
__all__ = ["CqdtError", "InputError", "Settings", "StoreError", "__version__"]
