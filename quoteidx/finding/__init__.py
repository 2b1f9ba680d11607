"""Finding quotations: direct quotes and reported claims, each with the words next to it
that name its speaker. Resolving those words to a person is the attributing stage.

The names here are loaded on first use: a word list such as quoteidx.finding.lexicon,
which the CLI's browsing commands need, must not load the whole extractor with it."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

__all__ = ["Analysis", "Finding", "find_quotations"]

if TYPE_CHECKING:
    from quoteidx.finding.document import find_quotations
    from quoteidx.finding.model import Analysis, Finding

_LAZY = {"find_quotations": "quoteidx.finding.document", "Analysis": "quoteidx.finding.model",
         "Finding": "quoteidx.finding.model"}


def __getattr__(name: str) -> Any:
    where = _LAZY.get(name)
    if where is None:
        raise AttributeError(f"module 'quoteidx.finding' has no attribute {name!r}")
    import importlib

    return getattr(importlib.import_module(where), name)
