"""Правка → Отменить / Повторить (issue 17): a stage move and the archive, undone and redone
through the window's history; a refused undo is told and dropped; Ctrl+Z is the window's on
every tab (the bulk changes to activities: tests/gui/test_today_tab.py,
test_activity_bulk_lists.py)."""

from __future__ import annotations

from PySide6.QtGui import QKeySequence
from sqlalchemy import select

from app.models import Client, Deal, Stage, StageChange
from app.views import dialogs
from app.views.main_window import MainWindow


def _deal_state(services, deal_id: int) -> tuple[int, int]:  # type: ignore[no-untyped-def]
    with services.uow_factory(read_only=True) as uow:
        stage = uow.session.scalar(select(Deal.stage_id).where(Deal.id == deal_id))
        changes = len(uow.session.scalars(select(StageChange.id)
                                          .where(StageChange.deal_id == deal_id)).all())
    return int(stage), changes


def _open_deal_and_next_stage(services) -> tuple[int, int, int]:  # type: ignore[no-untyped-def]
    with services.uow_factory(read_only=True) as uow:
        stages = uow.session.scalars(select(Stage).where(Stage.is_won.is_(False),
                                                         Stage.is_lost.is_(False))
                                     .order_by(Stage.position)).all()
        first, second = stages[0].id, stages[1].id
        deal_id = uow.session.scalar(select(Deal.id).where(Deal.stage_id == first)
                                     .order_by(Deal.id).limit(1))
    return int(deal_id), first, second


def test_a_stage_move_is_undone_and_redone(main_window: MainWindow, qtbot) -> None:  # type: ignore[no-untyped-def]
    services = main_window.services
    deals = main_window.show_tab("deals")
    qtbot.waitUntil(lambda: not main_window.undo_action.shortcut().isEmpty())
    assert main_window.undo_action.shortcut() == QKeySequence(QKeySequence.StandardKey.Undo)
    assert main_window.redo_action.shortcut() == QKeySequence("Ctrl+Shift+Z")
    assert not main_window.undo_action.isEnabled()
    deal_id, first, second = _open_deal_and_next_stage(services)
    before = _deal_state(services, deal_id)
    assert deals.move_deal(deal_id, second)
    assert _deal_state(services, deal_id) == (second, before[1] + 1)
    assert main_window.undo_action.isEnabled()
    assert main_window.undo_action.text().startswith("Отменить перенос «")
    main_window.undo_action.trigger()
    assert _deal_state(services, deal_id) == before  # its stage change is gone too
    assert deals.board.column_for(first).model.row_of(deal_id) >= 0  # the board shows it
    assert main_window.redo_action.isEnabled()
    main_window.redo_action.trigger()
    assert _deal_state(services, deal_id) == (second, before[1] + 1)


def test_the_archive_is_undone_and_a_refused_undo_is_told(  # type: ignore[no-untyped-def]
        main_window: MainWindow, qtbot, monkeypatch) -> None:
    services = main_window.services
    clients = main_window.show_tab("clients")
    with services.uow_factory(read_only=True) as uow:
        client_id = uow.session.scalar(select(Client.id).where(Client.archived.is_(False))
                                       .order_by(Client.id).limit(1))

    def archived() -> bool:
        with services.uow_factory(read_only=True) as uow:
            return bool(uow.session.get(Client, client_id).archived)

    assert clients.select_client(client_id)
    clients.archive_selected()
    assert archived()
    assert main_window.undo_action.text() == "Отменить архивирование 1 клиента"
    main_window.undo_action.trigger()
    assert not archived()
    main_window.redo_action.trigger()
    assert archived()
    main_window.undo_action.trigger()
    assert not archived()

    # a move undone after the deal moved on elsewhere: refused, told, dropped
    errors: list[str] = []
    monkeypatch.setattr(dialogs, "show_error", lambda parent, text, *a: errors.append(text))
    deals = main_window.show_tab("deals")
    deal_id, _first, second = _open_deal_and_next_stage(services)
    assert deals.move_deal(deal_id, second)
    with services.uow_factory(read_only=True) as uow:
        third = uow.session.scalar(select(Stage.id).where(Stage.is_won.is_(False),
                                                          Stage.is_lost.is_(False))
                                   .order_by(Stage.position).offset(2).limit(1))
    services.deals.move_deal(deal_id, third)  # elsewhere (another window, the CLI)
    count = _history_count()
    main_window.undo_action.trigger()
    assert _deal_state(services, deal_id)[0] == third  # nothing changed
    assert errors and "перенесена" in errors[0]
    assert _history_count() == count - 1  # the refused command is gone


def _history_count() -> int:
    from app.views.undo import history

    return history().stack.count()


def test_ctrl_z_is_the_windows_on_every_tab(main_window: MainWindow, qtbot) -> None:  # type: ignore[no-untyped-def]
    """Сегодня and Календарь have no Ctrl+Z of their own (their bulk changes are in the
    window's history): on them too Ctrl+Z undoes the window's last action, whatever tab
    it was done on, and no shortcut of theirs takes the key (Qt drops an ambiguous one)."""
    from PySide6.QtGui import QShortcut

    services = main_window.services
    deals = main_window.show_tab("deals")
    qtbot.waitUntil(lambda: not main_window.undo_action.shortcut().isEmpty())
    deal_id, first, second = _open_deal_and_next_stage(services)
    assert deals.move_deal(deal_id, second)
    undo = QKeySequence(QKeySequence.StandardKey.Undo)
    for key in ("today", "calendar"):
        tab = main_window.show_tab(key)
        assert main_window.undo_action.shortcut() == undo
        assert not [s for s in tab.findChildren(QShortcut) if s.key() == undo]
    assert main_window.undo_action.text().startswith("Отменить перенос «")
    main_window.undo_action.trigger()  # from the calendar: the move made on the board
    assert _deal_state(services, deal_id)[0] == first


def test_a_deleted_activity_comes_back_with_undo(main_window: MainWindow, qtbot) -> None:  # type: ignore[no-untyped-def]
    """«Удалить дело» in the editor (the editor had no way to delete), undone and redone."""
    from app.models import Activity
    from app.views.activities.editor import ActivityEditor

    services = main_window.services
    with services.uow_factory(read_only=True) as uow:
        activity_id, subject = uow.session.execute(
            select(Activity.id, Activity.subject).where(Activity.done.is_(False))
            .order_by(Activity.id).limit(1)).one()

    def exists() -> bool:
        with services.uow_factory(read_only=True) as uow:
            return uow.session.get(Activity, activity_id) is not None

    editor = ActivityEditor(services=services, activity_id=activity_id, parent=main_window)
    qtbot.addWidget(editor)
    editor.show()
    assert editor.delete_button.isVisible()
    editor.subject_edit.setText("правка, которая уйдёт вместе с делом")
    editor.delete_button.click()
    assert editor.deleted and not editor.isVisible() and not exists()
    assert main_window.undo_action.text() == f"Отменить удаление дела «{subject}»"
    main_window.undo_action.trigger()
    assert exists()
    main_window.redo_action.trigger()
    assert not exists()
    main_window.undo_action.trigger()
    assert exists()
    new = ActivityEditor(services=services, parent=main_window)
    qtbot.addWidget(new)
    assert not new.delete_button.isVisible()  # nothing to delete yet
    new.reject()


def test_a_removed_deal_line_comes_back(qtbot, demo_services) -> None:  # type: ignore[no-untyped-def]
    """«Удалить строку» in the deal editor, undone with Ctrl+Z in the lines or «Вернуть
    строку»: the line comes back where it was, until the deal is saved."""
    from PySide6.QtCore import Qt

    from app.views.deals.editor import DealEditor

    deal_id = next(c.id for col in demo_services.deals.board().cards.values() for c in col
                   if len(demo_services.deals.detail(c.id).lines) >= 2)
    editor = DealEditor(services=demo_services, deal_id=deal_id)
    qtbot.addWidget(editor)
    editor.show()
    editor.sections.setCurrentIndex(1)
    before = [ln.name for ln in editor.lines_model.rows()]
    assert not editor.restore_line_button.isEnabled()
    editor.lines_view.selectRow(0)
    editor.remove_line_button.click()
    editor.lines_view.selectRow(0)
    editor.remove_line_button.click()
    assert [ln.name for ln in editor.lines_model.rows()] == before[2:]
    editor.activateWindow()
    editor.lines_view.setFocus()
    qtbot.waitUntil(editor.lines_view.hasFocus)
    qtbot.keyClick(editor.lines_view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert [ln.name for ln in editor.lines_model.rows()] == before[1:]
    editor.restore_line_button.click()
    assert [ln.name for ln in editor.lines_model.rows()] == before
    assert not editor.restore_line_button.isEnabled()
    assert editor.lines_view.currentIndex().row() == 0  # the line put back is selected
    editor.reject()


def test_only_the_newest_window_is_told_of_a_refused_undo(qtbot, demo_services,  # type: ignore[no-untyped-def]
                                                          monkeypatch) -> None:
    """A window made before (closed, or not yet deleted) no longer takes the history's
    news: a refused undo is told once, by the window that did the action (it was told by
    every window still alive — twice in a suite that had made one before)."""
    from PySide6.QtCore import QSettings

    from app.views.undo import history

    told: list[str] = []
    monkeypatch.setattr(dialogs, "show_error", lambda parent, text, *a: told.append(text))
    older = MainWindow(services=demo_services, settings=QSettings())
    qtbot.addWidget(older)
    newer = MainWindow(services=demo_services, settings=QSettings())
    qtbot.addWidget(newer)

    def refused() -> None:
        from app.services.errors import ConflictError

        raise ConflictError("запись изменена с тех пор")

    history().record("проба", undo=refused, redo=lambda: None)
    newer.undo_action.trigger()
    assert len(told) == 1 and "запись изменена с тех пор" in told[0]
    assert history().stack.count() == 0  # the refused command is dropped
