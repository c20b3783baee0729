"""The mentoring area (split into feature modules next)."""

from app.services.mentoring.service import *  # noqa: F403
from app.services.mentoring.service import (  # noqa: F401
    _day_start_utc,
    _free_name,
    _get,
)
