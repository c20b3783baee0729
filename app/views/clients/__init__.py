"""Клиенты: the client list, the client card, import and export dialogs."""

from app.views.clients.tab import ClientsTab

__all__ = ["ClientsTab"]
