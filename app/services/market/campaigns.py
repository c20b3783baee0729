"""(being written: issue 16)"""

from __future__ import annotations


class Campaigns:
    """(being written)"""
