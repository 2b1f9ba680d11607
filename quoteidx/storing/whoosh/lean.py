"""Importing Whoosh without what a search never runs (imported first by this package).

whoosh-reloaded imports two things at start that no quoteidx search uses, and they were
a third of a cold `quoteidx search` (measured with `python -X importtime`, 2 cores):

- `whoosh.compat` does `from urllib.request import urlretrieve` (for downloading word
  lists, which quoteidx never does): urllib.request pulls in http.client, email, ssl,
  ~20 ms. It gets a stand-in `urlretrieve` that imports urllib.request when called.
- `whoosh.reading` decorates one method with the `cached_property` package, which
  imports asyncio for its async variants, ~18 ms. The standard library's
  functools.cached_property does the same for a plain method (caches the value in the
  instance's __dict__) and costs nothing more.
- `whoosh.query.terms` imports `variations` from `whoosh.lang.morph_en`, which compiles
  hundreds of regular expressions at import (~8 ms) for the Variations query, which
  quoteidx never builds. It gets a stand-in `variations` that imports it when called.

The stand-ins are in place only while Whoosh's modules import: whatever imports
urllib.request, cached_property or whoosh.lang.morph_en later gets the real modules.
"""

from __future__ import annotations

import functools
import sys
import types
from typing import Any


def _urlretrieve(*args: Any, **kwargs: Any) -> Any:
    from urllib.request import urlretrieve

    return urlretrieve(*args, **kwargs)


def _variations(*args: Any, **kwargs: Any) -> Any:
    from whoosh.lang.morph_en import variations

    return variations(*args, **kwargs)


def import_whoosh() -> None:
    """Import Whoosh's modules that a search uses with the stand-ins (once)."""
    if "whoosh.reading" in sys.modules:
        return
    stand_ins = {}
    if "urllib.request" not in sys.modules:
        request = types.ModuleType("urllib.request")
        request.urlretrieve = _urlretrieve  # type: ignore[attr-defined]
        stand_ins["urllib.request"] = request
    if "cached_property" not in sys.modules:
        cached = types.ModuleType("cached_property")
        cached.cached_property = functools.cached_property  # type: ignore[attr-defined]
        stand_ins["cached_property"] = cached
    if "whoosh.lang.morph_en" not in sys.modules:
        morph = types.ModuleType("whoosh.lang.morph_en")
        morph.variations = _variations  # type: ignore[attr-defined]
        stand_ins["whoosh.lang.morph_en"] = morph
    sys.modules.update(stand_ins)
    try:
        import whoosh.compat  # noqa: F401
        import whoosh.query  # noqa: F401
        import whoosh.reading  # noqa: F401
    finally:
        for name, module in stand_ins.items():
            if sys.modules.get(name) is module:
                del sys.modules[name]


import_whoosh()
