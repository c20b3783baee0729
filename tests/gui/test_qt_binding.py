"""The installed Qt binding keeps Python's reference counts (PySide6 6.12.0 did not).

PySide6 6.12.0 on Python 3.11 dropped a reference to None (and to True/False) on every
item-model read and every void Qt call; a long session aborted the interpreter. The
dependency range excludes it; these tests fail if a binding with the bug is installed.
"""

from __future__ import annotations

import sys

from PySide6.QtCore import QAbstractListModel, QModelIndex, QPersistentModelIndex
from PySide6.QtWidgets import QLabel

READS = 2000


class _Model(QAbstractListModel):
    def __init__(self, value: object) -> None:
        super().__init__()
        self.value = value

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 1

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = 0) -> object:
        return self.value


def test_item_model_reads_keep_the_reference_counts_of_none_true_false(qapp) -> None:  # type: ignore[no-untyped-def]
    for value in (None, True, False):
        model = _Model(value)
        index = model.index(0, 0)
        before = sys.getrefcount(value)
        for _ in range(READS):
            assert index.data(0) is value
        # a few references may come and go with caches; the bug lost one per read
        assert abs(sys.getrefcount(value) - before) < 10, value


def test_void_qt_calls_keep_the_reference_count_of_none(qapp) -> None:  # type: ignore[no-untyped-def]
    label = QLabel()
    before = sys.getrefcount(None)
    for i in range(READS):
        label.setText(str(i % 7))
    assert abs(sys.getrefcount(None) - before) < 10
