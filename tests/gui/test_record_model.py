"""RecordTableModel: what its columns describe, edits, ticks, row moves and row errors, each
checked by Qt's model tester while the model changes."""

from __future__ import annotations

from dataclasses import dataclass, replace

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QColor

from app.views import style
from app.views.record_model import Column, RecordTableModel

Role = Qt.ItemDataRole


@dataclass(frozen=True)
class Item:
    name: str
    qty: int
    done: bool = False


def _model() -> RecordTableModel[Item]:
    return RecordTableModel([
        Column("Название", lambda r: r.name, color=lambda r: "#6b7280" if r.done else None,
               edit=lambda r, v: replace(r, name=str(v).strip()),
               tooltip=lambda r: r.name.upper()),
        Column("Кол-во", lambda r: str(r.qty), numeric=True, edit_value=lambda r: r.qty,
               edit=lambda r, v: replace(r, qty=int(str(v)))),
        Column("Готово", lambda r: "", checked=lambda r: r.done,
               set_checked=lambda r, on: replace(r, done=on),
               align=Qt.AlignmentFlag.AlignCenter, bold=lambda r: r.done,
               background=lambda r: "#dcfce7" if r.done else None),
        Column("Только чтение", lambda r: f"{r.name} × {r.qty}"),
    ], row_header=lambda i, r: f"{i + 1}.")


def test_columns_describe_the_cells(qtmodeltester) -> None:  # type: ignore[no-untyped-def]
    model = _model()
    model.set_rows([Item("Болт", 3), Item("Гайка", 5, done=True)])
    qtmodeltester.check(model)
    name, qty, done, label = (model.index(1, c) for c in range(4))
    assert model.headerData(1, Qt.Orientation.Horizontal) == "Кол-во"
    assert model.headerData(1, Qt.Orientation.Vertical) == "2."
    assert name.data() == "Гайка" and name.data(Role.ToolTipRole) == "ГАЙКА"
    assert name.data(Role.ForegroundRole) == QColor("#6b7280")
    assert model.index(0, 0).data(Role.ForegroundRole) is None
    assert qty.data(Role.EditRole) == 5 and name.data(Role.EditRole) == "Гайка"
    assert qty.data(Role.TextAlignmentRole) == int(Qt.AlignmentFlag.AlignRight
                                                   | Qt.AlignmentFlag.AlignVCenter)
    assert done.data(Role.TextAlignmentRole) == int(Qt.AlignmentFlag.AlignCenter)
    assert done.data(Role.CheckStateRole) == Qt.CheckState.Checked
    assert done.data(Role.FontRole).bold() and done.data(Role.BackgroundRole) == QColor("#dcfce7")
    assert model.flags(name) & Qt.ItemFlag.ItemIsEditable
    assert model.flags(done) & Qt.ItemFlag.ItemIsUserCheckable
    assert not model.flags(done) & Qt.ItemFlag.ItemIsEditable
    assert not model.flags(label) & (Qt.ItemFlag.ItemIsEditable | Qt.ItemFlag.ItemIsUserCheckable)
    assert label.data(Role.EditRole) is None and not model.setData(label, "x")


def test_edits_and_ticks_replace_the_row(qtmodeltester, qtbot) -> None:  # type: ignore[no-untyped-def]
    model = _model()
    model.set_rows([Item("Болт", 3)])
    qtmodeltester.check(model)
    with qtbot.waitSignal(model.dataChanged) as changed:
        assert model.setData(model.index(0, 1), "7")
    # The whole row repaints: another column may show what the edit changed.
    assert (changed.args[0].column(), changed.args[1].column()) == (0, 3)
    assert model.row(0) == Item("Болт", 7)
    assert not model.setData(model.index(0, 1), "семь")  # ValueError: refused, row kept
    assert model.row(0).qty == 7
    assert model.setData(model.index(0, 2), Qt.CheckState.Checked.value, Role.CheckStateRole)
    assert model.row(0).done
    assert model.setData(model.index(0, 2), Qt.CheckState.Unchecked, Role.CheckStateRole)
    assert not model.row(0).done
    assert not model.setData(model.index(0, 0), "x", Role.CheckStateRole)
    assert model.index(0, 3).data() == "Болт × 7"


def test_row_edits_move_the_row_errors_with_the_rows(qtmodeltester) -> None:  # type: ignore[no-untyped-def]
    model = _model()
    model.set_rows([Item("a", 1), Item("b", 2), Item("c", 3)])
    qtmodeltester.check(model)
    model.set_row_errors({1: "b плохая"})
    assert model.index(1, 3).data(Role.BackgroundRole) == QColor(style.DANGER_SOFT)
    assert model.index(1, 0).data(Role.ToolTipRole) == "b плохая"
    assert model.index(0, 0).data(Role.BackgroundRole) is None
    assert model.insert_row(0, Item("z", 0)) == 0
    assert model.row_errors() == {2: "b плохая"}
    assert model.move_row(2, -2) == 0
    assert [r.name for r in model.rows()] == ["b", "z", "a", "c"]
    assert model.row_errors() == {0: "b плохая"}
    assert model.move_row(0, 3) == 3 and model.row_errors() == {3: "b плохая"}
    assert model.move_row(3, 1) == 3  # past the end: stays
    model.remove_row(0)
    assert model.row_errors() == {2: "b плохая"} and model.row(2).name == "b"
    model.remove_row(7)  # outside: nothing happens
    assert model.append_row(Item("d", 4)) == 3
    assert model.setData(model.index(2, 0), "b хорошая")  # an edit takes the mark away
    assert model.row_errors() == {}
    assert model.find(lambda r: r.name == "d") == 3 and model.row_at(-1) is None


def test_set_rows_can_change_the_columns(qtmodeltester) -> None:  # type: ignore[no-untyped-def]
    model: RecordTableModel[tuple[str, ...]] = RecordTableModel([])
    qtmodeltester.check(model)
    model.set_rows([("1", "2")], columns=[Column("A", lambda r: r[0]),
                                         Column("B", lambda r: r[1])])
    assert model.columnCount() == 2 and model.index(0, 1).data() == "2"
    assert model.columnCount(model.index(0, 0)) == 0 and model.rowCount(model.index(0, 0)) == 0
    assert model.headerData(0, Qt.Orientation.Vertical) is None
    assert not model.index(0, 0, QModelIndex()).parent().isValid()
    model.set_rows([], columns=[])
    assert model.columnCount() == 0 and model.rowCount() == 0
