"""Work-arounds for bugs of the installed Qt binding, detected at run time.

PySide6 6.12.0 on Python 3.11: when Qt reads what a Python item model's `data()` returned
(None, a QColor, a QFont…), the binding drops a reference to None — and elsewhere to
True/False — that it never took. Views ask for a dozen roles per painted cell, so a long
session drives the count to zero and the interpreter aborts ("Fatal Python error:
none_dealloc" / "bool_dealloc"). PySide6 6.11.3 does not do this; Python 3.12 is immune
because these singletons are immortal there.

`protect_singletons()` makes None, True and False practically immortal the way 3.12 does
(a reference count no leak can exhaust), only when a probe shows the bug. Pinning
`PySide6-Essentials!=6.12.0` is the real cure; this keeps the app alive meanwhile.
"""

from __future__ import annotations

import ctypes
import sys

_IMMORTAL_BOOST = 1 << 40
_protected = False


def _binding_drops_none() -> bool:
    from PySide6.QtCore import QAbstractListModel, QModelIndex, QPersistentModelIndex

    class _Probe(QAbstractListModel):
        def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
            return 0 if parent.isValid() else 1

        def data(self, index: QModelIndex | QPersistentModelIndex, role: int = 0) -> None:
            return None

    model = _Probe()
    index = model.index(0, 0)
    before = sys.getrefcount(None)
    for _ in range(64):
        index.data(1)
    return before - sys.getrefcount(None) >= 32


def protect_singletons() -> bool:
    """Call once the QApplication exists; True if the work-around was needed and applied."""
    global _protected
    if _protected or sys.version_info >= (3, 12) or hasattr(sys, "gettotalrefcount"):
        return _protected
    if not _binding_drops_none():
        return False
    for obj in (None, True, False):
        # CPython ≤ 3.11 (release build): ob_refcnt is the first field of every object
        ctypes.c_ssize_t.from_address(id(obj)).value += _IMMORTAL_BOOST
    _protected = True
    return True
