"""Benchmark of the mentoring service on many trainees (a large training department).

    python bench/bench_mentoring.py [--trainees 2000] [--assessment-rounds 10]

Every trainee gets the default checklist (due dates from the start) with some tasks done
and six skill ratings per round. Measures the trainee list (GROUP BY over all tasks), one
trainee's checklist and progress, overdue tasks for the Today tab, the skill series and the
trainee report PDF. Prints the figures; no targets are asserted.
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from sqlalchemy import insert

from app.bootstrap import bootstrap
from app.models import SKILLS, Assessment, ChecklistItem, Trainee, TraineeTask


def _time(label: str, fn: Callable[[], object], repeat: int = 5) -> None:
    runs = []
    for _ in range(repeat):
        t = time.perf_counter()
        fn()
        runs.append((time.perf_counter() - t) * 1000)
    print(f"{label:<44} median {statistics.median(runs):8.1f} ms  (min {min(runs):.1f})")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--trainees", type=int, default=2000)
    parser.add_argument("--assessment-rounds", type=int, default=10)
    args = parser.parse_args()
    path = Path(tempfile.mkdtemp()) / "mentoring.db"
    services = bootstrap(path)
    svc = services.mentoring
    template_id = svc.ensure_default_template()
    today = date(2026, 11, 16)
    rng = random.Random(1)
    t0 = time.perf_counter()
    with services.uow_factory() as uow:
        s = uow.session
        items = list(s.query(ChecklistItem).filter_by(template_id=template_id)
                     .order_by(ChecklistItem.position))
        s.execute(insert(Trainee), [
            {"id": i + 1, "name": f"Стажёр {i + 1}", "position": "Менеджер",
             "start_date": today - timedelta(days=rng.randint(0, 120)), "status": "onboarding",
             "phone": "", "email": "", "notes": "", "conclusion": ""}
            for i in range(args.trainees)])
        starts = dict(s.query(Trainee.id, Trainee.start_date).all())
        tasks, ratings = [], []
        for tid, start in starts.items():
            for item in items:
                due = start + timedelta(days=item.due_offset_days)
                done = due < today and rng.random() < 0.7
                tasks.append({"trainee_id": tid, "template_item_id": item.id,
                              "section": item.section, "position": item.position,
                              "title": item.title, "description": item.description,
                              "due_on": due, "done_on": due if done else None,
                              "mentor_comment": ""})
            for r in range(args.assessment_rounds):
                for skill in SKILLS:
                    ratings.append({"trainee_id": tid, "skill": skill, "comment": "",
                                    "assessed_on": start + timedelta(days=7 * r),
                                    "score": rng.randint(1, 5)})
        for i in range(0, len(tasks), 5000):
            s.execute(insert(TraineeTask), tasks[i:i + 5000])
        for i in range(0, len(ratings), 5000):
            s.execute(insert(Assessment), ratings[i:i + 5000])
        uow.commit()
    print(f"generated {args.trainees} trainees, {len(tasks)} tasks, {len(ratings)} ratings "
          f"in {time.perf_counter() - t0:.1f} s ({path})")
    middle = args.trainees // 2
    _time("trainees() — the list with progress", lambda: svc.trainees(today))
    _time("tasks(one trainee)", lambda: svc.tasks(middle, today))
    _time("progress(one trainee)", lambda: svc.progress(middle, today))
    _time("overdue_tasks(today) — Today tab", lambda: svc.overdue_tasks(today))
    _time("skill_series(one trainee)", lambda: svc.skill_series(middle))
    _time("templates() — usage counts", svc.templates)

    _time("trainee report PDF", lambda: services.documents.trainee_report_pdf(middle, today=today),
          repeat=3)
    services.close()


if __name__ == "__main__":
    main()
