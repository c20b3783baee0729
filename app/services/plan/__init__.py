"""The plan and analytics area (split into feature modules next)."""

from app.services.plan.service import *  # noqa: F403
