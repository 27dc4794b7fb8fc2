"""The one exception tree users of cqdt see.

Every error carries a Vietnamese message for people (UI, CLI) and an English one for logs
and scripts. Anything else escaping the library is a bug.
"""

from __future__ import annotations


class CqdtError(Exception):
    """Base of every error cqdt raises on purpose."""

    def __init__(self, vi: str, en: str) -> None:
        super().__init__(en)
        self.vi = vi
        self.en = en

    def __str__(self) -> str:
        return f"{self.vi} ({self.en})"


class InputError(CqdtError):
    """The user's input (a file, a query, an id) cannot be used."""


class UnsupportedFormatError(InputError):
    pass


class EmptyDocumentError(InputError):
    pass


class DecodeError(InputError):
    pass


class FileTooLargeError(InputError):
    pass


class MalformedDocumentError(InputError):
    pass


class DuplicateDocumentError(InputError):
    pass


class DocumentNotFoundError(InputError):
    pass


class StoreError(CqdtError):
    """The index cannot be opened or used as configured."""


class DataDirLockedError(StoreError):
    pass


class EmbedderMismatchError(StoreError):
    pass


class ModelLoadError(CqdtError):
    """An embedding model cannot be loaded."""
