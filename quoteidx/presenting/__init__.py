"""Presenting results: one printer per output format over the same records."""

from quoteidx.presenting.machine import FORMATS, write_records

__all__ = ["FORMATS", "write_records"]
