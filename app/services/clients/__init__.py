"""The clients area (split into feature modules next)."""

from app.services.clients.service import *  # noqa: F403
