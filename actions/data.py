"""The user's data in their hands: export (JSON + CSV) and delete after confirmation."""

from __future__ import annotations

import json

from rasa_sdk import Action
from rasa_sdk.events import AllSlotsReset

from actions.common import file_owner, user_session
from bot.erasure import erase_user
from bot.files import publish
from bot.storage import repo


class ActionExportData(Action):
    def name(self) -> str:
        return "action_export_data"

    def run(self, dispatcher, tracker, domain):
        with user_session(tracker) as (session, user):
            data = repo.export_user(session, user)
            csv_text = repo.checkins_csv(session, user)
            owner, web_sender = file_owner(user)
        urls = publish(
            {
                "my-data.json": json.dumps(data, indent=2, ensure_ascii=False).encode(),
                "checkins.csv": csv_text.encode(),
            },
            owner=owner,
            web_sender=web_sender,
        )
        dispatcher.utter_message(
            text=(
                "Here is everything I have stored about you, as a file. The CSV opens in a "
                "spreadsheet. For a page or two with charts to show your clinician, ask me to "
                '"make a report for my doctor". The links work for one hour.'
            )
        )
        dispatcher.utter_message(
            json_message={"download": {"url": urls["my-data.json"], "label": "Download all my data (JSON)"}}
        )
        dispatcher.utter_message(
            json_message={"download": {"url": urls["checkins.csv"], "label": "Download my check-ins (CSV)"}}
        )
        return []


class ActionDeleteDataAsk(Action):
    def name(self) -> str:
        return "action_delete_data_ask"

    def run(self, dispatcher, tracker, domain):
        dispatcher.utter_message(
            text=(
                "This deletes everything I have stored about you: check-ins, activity, plans and your consent. "
                "It can't be undone. Delete it all?"
            ),
            buttons=[
                {"title": "Yes, delete everything", "payload": "/delete_confirm"},
                {"title": "No, keep it", "payload": "/delete_cancel"},
            ],
        )
        return []


class ActionDeleteDataConfirm(Action):
    def name(self) -> str:
        return "action_delete_data_confirm"

    def run(self, dispatcher, tracker, domain):
        asked = any(
            e.get("event") == "action" and e.get("name") == "action_delete_data_ask" for e in tracker.events[-8:]
        )
        if not asked:
            return ActionDeleteDataAsk().run(dispatcher, tracker, domain)
        with user_session(tracker) as (session, user):
            erase_user(session, user)
        # The marker tells the web app to wipe this conversation's history in Rasa's tracker store too.
        dispatcher.utter_message(
            text="Done. Everything I had stored about you has been deleted. Take good care.",
            json_message={"data_deleted": True},
        )
        return [AllSlotsReset()]


class ActionDeleteDataCancel(Action):
    def name(self) -> str:
        return "action_delete_data_cancel"

    def run(self, dispatcher, tracker, domain):
        dispatcher.utter_message(text="Okay, nothing was deleted.")
        return []
