"""A report for the person's doctor, GP or physio: the last 4 weeks (12 when asked) as a PDF and a CSV."""

from __future__ import annotations

from rasa_sdk import Action

from actions.common import file_owner, today_for, user_session, user_text
from actions.pacing import consent_prompt
from bot.files import publish
from bot.report import gather, render, text, weeks_asked
from bot.report.period import DEFAULT_WEEKS


class ActionClinicianReport(Action):
    def name(self) -> str:
        return "action_clinician_report"

    def run(self, dispatcher, tracker, domain):
        weeks = weeks_asked(user_text(tracker))
        with user_session(tracker) as (session, user):
            if not user.consented:
                return consent_prompt(dispatcher)
            data = gather(session, user, today_for(user), weeks)
            owner, web_sender = file_owner(user)
        if data.empty:
            dispatcher.utter_message(text=text.NOTHING_YET.format(weeks=weeks))
            return []
        files = render(data).files()
        urls = publish(files, owner=owner, web_sender=web_sender)
        pdf, csv = sorted(urls, key=lambda name: not name.endswith(".pdf"))
        more = " " + text.ASK_LONGER if weeks == DEFAULT_WEEKS else ""
        dispatcher.utter_message(text=text.READY.format(weeks=weeks) + more)
        dispatcher.utter_message(
            json_message={"download": {"url": urls[pdf], "label": text.PDF_LABEL.format(weeks=weeks)}}
        )
        dispatcher.utter_message(json_message={"download": {"url": urls[csv], "label": text.CSV_LABEL}})
        return []
