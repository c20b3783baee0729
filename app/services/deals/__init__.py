"""The pipeline area: board, forecast, stages, lost reasons, objection library, deal editor."""

from app.services.deals.service import *  # noqa: F403  (split into feature modules next)
