"""(being written: issue 16)"""

from __future__ import annotations


class Feedback:
    """(being written)"""
