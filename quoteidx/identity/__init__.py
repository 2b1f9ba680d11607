"""Who is who: one identity per person across documents, with every name seen for them,
and the corrections a person made to that. A layer over the Store interface, computed
when the index is read, so that corrections survive any re-index (the list of everyone
is kept with the index once computed, for that state of it and those corrections)."""

from quoteidx.identity.corrections import (
    Correction,
    CorrectionsError,
    add_correction,
    corrections_path,
    load_corrections,
)
from quoteidx.identity.listing import load_identities
from quoteidx.identity.people import (
    Identities,
    Identity,
    build_identities,
    reassigned,
    resolve,
    source_label,
)

__all__ = [
    "Correction", "CorrectionsError", "Identities", "Identity", "add_correction",
    "build_identities", "corrections_path", "load_corrections",
    "load_identities", "reassigned", "resolve", "source_label",
]
