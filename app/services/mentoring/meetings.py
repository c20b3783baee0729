"""Accompanied meetings: a trainee's meetings with clients and the mentor's feedback."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import func, select

from app.i18n import translate
from app.models import (
    AccompaniedMeeting,
    Activity,
    Client,
    Trainee,
)
from app.services.errors import ValidationError
from app.services.mentoring.common import day_start_utc, row_or_not_found
from app.services.uow import UowFactory

MEETING_KINDS = ("meeting", "presentation")


@dataclass(frozen=True)
class MeetingChoice:
    activity_id: int
    kind: str
    subject: str
    client_name: str
    due_at: datetime | None


@dataclass(frozen=True)
class MeetingRow:
    id: int
    trainee_id: int
    activity_id: int
    kind: str
    subject: str
    client_name: str
    due_at: datetime | None
    outcome: str
    feedback: str


class Meetings:
    """Meetings and presentations from the activities that a trainee attended."""

    _uow: UowFactory

    def meeting_choices(self, trainee_id: int, limit: int = 300) -> list[MeetingChoice]:
        """Meetings and presentations since the trainee's start not yet linked to them."""
        with self._uow(read_only=True) as uow:
            s = uow.session
            trainee = row_or_not_found(s, Trainee, trainee_id)
            linked = select(AccompaniedMeeting.activity_id).where(
                AccompaniedMeeting.trainee_id == trainee_id)
            rows = s.execute(
                select(Activity.id, Activity.kind, Activity.subject,
                       func.coalesce(Client.name, ""), Activity.due_at)
                .outerjoin(Client, Client.id == Activity.client_id)
                .where(Activity.kind.in_(MEETING_KINDS),
                       Activity.due_at >= day_start_utc(trainee.start_date),
                       Activity.id.not_in(linked))
                .order_by(Activity.due_at.desc()).limit(limit)).all()
        return [MeetingChoice(*r) for r in rows]

    def add_meeting(self, trainee_id: int, activity_id: int | None, feedback: str = "") -> int:
        if activity_id is None:
            raise ValidationError.single("activity", translate(
                "Mentoring", "Выберите встречу или презентацию"))
        with self._uow() as uow:
            s = uow.session
            row_or_not_found(s, Trainee, trainee_id)
            activity = s.get(Activity, activity_id)
            if activity is None or activity.kind not in MEETING_KINDS:
                raise ValidationError.single("activity", translate(
                    "Mentoring", "Сопровождать можно только встречу или презентацию"))
            if s.scalar(select(AccompaniedMeeting.id).where(
                    AccompaniedMeeting.trainee_id == trainee_id,
                    AccompaniedMeeting.activity_id == activity_id)) is not None:
                raise ValidationError.single("activity", translate(
                    "Mentoring", "Эта встреча уже есть у стажёра"))
            meeting = AccompaniedMeeting(trainee_id=trainee_id, activity_id=activity_id,
                                         feedback=(feedback or "").strip())
            s.add(meeting)
            uow.flush()
            new_id = meeting.id
            uow.commit()
        return new_id

    def set_meeting_feedback(self, meeting_id: int, feedback: str) -> None:
        with self._uow() as uow:
            meeting = row_or_not_found(uow.session, AccompaniedMeeting, meeting_id)
            meeting.feedback = (feedback or "").strip()
            uow.commit()

    def delete_meeting(self, meeting_id: int) -> None:
        with self._uow() as uow:
            uow.session.delete(row_or_not_found(uow.session, AccompaniedMeeting, meeting_id))
            uow.commit()

    def meetings(self, trainee_id: int) -> list[MeetingRow]:
        q = (select(AccompaniedMeeting.id, AccompaniedMeeting.trainee_id, Activity.id,
                    Activity.kind, Activity.subject, func.coalesce(Client.name, ""),
                    Activity.due_at, Activity.outcome, AccompaniedMeeting.feedback)
             .join(Activity, Activity.id == AccompaniedMeeting.activity_id)
             .outerjoin(Client, Client.id == Activity.client_id)
             .where(AccompaniedMeeting.trainee_id == trainee_id)
             .order_by(Activity.due_at, AccompaniedMeeting.id))
        with self._uow(read_only=True) as uow:
            return [MeetingRow(*r) for r in uow.session.execute(q).all()]
