"""The report's trend chart: pain and tiredness, sleep, and activity against the plan, day by day, one PNG."""

from __future__ import annotations

import matplotlib.pyplot as plt
import numpy as np
from matplotlib.axes import Axes

from bot.charts import png_bytes
from bot.report.data import ReportData

PAIN, FATIGUE, SLEEP, ACTIVITY, PLAN, FLARE = "#c0392b", "#34495e", "#5b7db1", "#b7d7c9", "#2e7d5b", "#f6d5d1"
WIDTH_IN, HEIGHT_IN, DPI = 7.5, 5.4, 150


def _series(values: list[object]) -> list[float]:
    return [float(v) if isinstance(v, int | float) and not isinstance(v, bool) else float("nan") for v in values]


def _mark_flares(ax: Axes, data: ReportData) -> None:
    """A shaded band behind each flare day, the panel's height."""
    if not data.flare_days:
        return
    top = ax.get_ylim()[1]
    days = np.array([d.day for d in data.flare_days], dtype="datetime64[D]")
    ax.bar(days, top, width=1.0, color=FLARE, zorder=0, lw=0)
    ax.set_ylim(0, top)


def trend_chart(data: ReportData) -> bytes:
    days = [d.day for d in data.days]
    fig, (scores, sleep, activity) = plt.subplots(
        3, 1, figsize=(WIDTH_IN, HEIGHT_IN), dpi=DPI, sharex=True, gridspec_kw={"height_ratios": [3, 2, 3]}
    )
    scores.plot(days, _series([d.value("pain") for d in data.days]), "o-", ms=3, color=PAIN, label="pain")
    scores.plot(days, _series([d.value("fatigue") for d in data.days]), "s--", ms=3, color=FATIGUE, label="tiredness")
    scores.set_ylim(0, 10)
    scores.set_ylabel("0-10")
    scores.set_title("Pain and tiredness", fontsize=9, loc="left")

    sleep.plot(days, _series([d.value("sleep_hours") for d in data.days]), "o-", ms=3, color=SLEEP, label="sleep")
    sleep.set_ylim(0, 12)
    sleep.set_ylabel("hours")
    sleep.set_title("Sleep", fontsize=9, loc="left")

    activity.bar(days, _series([d.total_minutes for d in data.days]), color=ACTIVITY, label="activity done")
    planned = [sum(d.targets.values()) if d.targets else None for d in data.days]
    activity.step(days, _series(list(planned)), where="mid", color=PLAN, label="plan")
    activity.set_ylabel("minutes")
    activity.set_title("Activity and the plan", fontsize=9, loc="left")

    for ax in (scores, sleep, activity):
        _mark_flares(ax, data)
        ax.legend(loc="upper left", fontsize=7, frameon=False, ncol=2)
        ax.tick_params(labelsize=7)
        ax.grid(axis="y", alpha=0.3)
    ticks = days[:: 7 if data.weeks <= 4 else 14]  # the first day of each week (of every other one over 12 weeks)
    activity.set_xticks(ticks, labels=[f"{d.day} {d:%b}" for d in ticks])
    if data.flare_days:
        fig.text(0.99, 0.005, "shaded: flare days", ha="right", fontsize=7, color="#7f3b33")
    return png_bytes(fig)
