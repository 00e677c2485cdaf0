"""Charts as PNGs (Agg backend): the week's pain, tiredness (0-10) and activity minutes a day; png_bytes for others."""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Sequence

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt
from matplotlib.figure import Figure

from bot.pacing.engine import DayRecord


def week_chart(records: Sequence[DayRecord], today: dt.date) -> bytes | None:
    days = [today - dt.timedelta(days=i) for i in range(6, -1, -1)]
    by_day = {r.day: r for r in records}
    if not any(d in by_day for d in days):
        return None
    labels = [d.strftime("%a") for d in days]
    minutes = [sum(by_day[d].minutes.values()) if d in by_day else 0 for d in days]
    pain = [by_day[d].pain if d in by_day else None for d in days]
    fatigue = [by_day[d].fatigue if d in by_day else None for d in days]

    fig, ax = plt.subplots(figsize=(6, 3), dpi=100)
    ax.bar(labels, minutes, color="#b7d7c9", label="activity (min)")
    ax.set_ylabel("minutes")
    ax2 = ax.twinx()
    ax2.plot(labels, [p if p is not None else float("nan") for p in pain], "o-", color="#c0392b", label="pain")
    ax2.plot(labels, [f if f is not None else float("nan") for f in fatigue], "s--", color="#34495e", label="tiredness")
    ax2.set_ylim(0, 10)
    ax2.set_ylabel("0-10")
    handles = ax.get_legend_handles_labels()[0] + ax2.get_legend_handles_labels()[0]
    ax.legend(handles, ["activity (min)", "pain", "tiredness"], loc="upper left", fontsize=8, frameon=False)
    ax.set_title("Your week")
    return png_bytes(fig)


def png_bytes(fig: Figure) -> bytes:
    """The figure as a PNG (laid out tightly first); the figure is closed."""
    fig.tight_layout()
    out = io.BytesIO()
    fig.savefig(out, format="png")
    plt.close(fig)
    return out.getvalue()
