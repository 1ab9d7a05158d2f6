"""Crontab lines as APScheduler 3 triggers, with cron's meaning of weekdays."""

from __future__ import annotations

from apscheduler.triggers.cron import CronTrigger

_DAYS = ("sun", "mon", "tue", "wed", "thu", "fri", "sat")


def _weekday(text: str) -> int:
    if text in _DAYS:
        return _DAYS.index(text)
    if text.isdigit() and int(text) <= 7:
        return int(text)
    raise ValueError(f"{text!r} is not a day of the week (0-7 or sun-sat)")


def crontab_weekdays(field: str) -> str:
    """A crontab day-of-week field (0 or 7 = Sunday) as APScheduler 3 day names.

    APScheduler 3 counts 0 as Monday, so ``from_crontab("0 7 * * 1")`` would fire
    on Tuesdays; expanding the field into names keeps crontab's meaning.
    """
    if field == "*":
        return field
    days: set[int] = set()
    for item in field.lower().split(","):
        span, _, step = item.partition("/")
        first, _, last = span.partition("-")
        low, high = (0, 6) if span == "*" else (_weekday(first), _weekday(last or first))
        if step and not last and span != "*":
            high = 6
        if high < low or (step and not step.isdigit()) or step == "0":
            raise ValueError(f"{item!r} is not a day-of-week range")
        days.update(d % 7 for d in range(low, high + 1, int(step or 1)))
    return ",".join(_DAYS[d] for d in sorted(days))


def crontab_trigger(schedule: str, timezone: str) -> CronTrigger:
    """The digest's trigger from a crontab line, weekdays as cron means them."""
    fields = schedule.split()
    if len(fields) != 5:
        raise ValueError(f"expected 5 fields, got {len(fields)}")
    fields[4] = crontab_weekdays(fields[4])
    return CronTrigger.from_crontab(" ".join(fields), timezone=timezone)
