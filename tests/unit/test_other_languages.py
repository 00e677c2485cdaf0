"""Crisis said in other languages inside a mostly English chat is caught by the rules; their idioms stay quiet."""

from __future__ import annotations

import pytest

from bot.safety.screen import screen_message


@pytest.mark.parametrize(
    "text",
    [
        "pain 7 no puedo mas, me quiero morir",
        "sinceramente quero morrer, a dor não para",
        "je ne veux plus vivre avec cette douleur",
        "voglio farla finita, scusa",
        "ich will nicht mehr leben, pain 9",
        "chcę umrzeć, sorry for polish",
        "gusto ko nang mamatay, sobrang sakit",
        "bas ab marna hai mujhe, pain bohot hai",
        "nataka kufa, maumivu ni mengi sana",
        "bu xiang huo le, pain 8 again",
        "saya mau mati aja, capek",
        "ölmek istiyorum artık",
    ],
)
def test_a_wish_to_die_in_another_language_gets_the_crisis_reply(text):
    assert screen_message(text).kind == "crisis", text


@pytest.mark.parametrize(
    "text",
    ["me corté otra vez en el brazo", "ich ritze mich wieder", "nimejikata tena jana usiku"],
)
def test_self_harm_in_another_language_gets_the_crisis_reply(text):
    assert "crisis.self_harm" in screen_message(text).rules, text


@pytest.mark.parametrize(
    "text",
    [
        "me muero de risa con mi nieto, pain 4",
        "je meurs de faim après la marche",
        "ich sterbe vor Hunger nach dem Spaziergang",
        "ya no puedo más con este calor, walked 10 min",
    ],
)
def test_idioms_of_dying_in_other_languages_stay_quiet(text):
    assert screen_message(text).kind == "none", text
