"""A reproducible corpus of templated but realistic news articles, any size, fixed seed.

Each article reports one of a few hundred invented events through several outlets, with
direct quotes, reported speech, unmarked quotes, numbers and relative dates, so that every
stage of the pipeline has work to do.
"""

from __future__ import annotations

import random
from collections.abc import Iterator
from datetime import date, timedelta

from newsprism.model import Article

FIRST = ["Anna", "Pieter", "Helena", "Marek", "Sofia", "Jonas", "Ines", "Tomas", "Clara", "Rui"]
LAST = ["Varga", "Claessens", "Novak", "Lindqvist", "Moreau", "Carvalho", "Berg", "Kowalski"]
ROLES = ["Transport Commissioner", "Labour Minister", "Port Authority chief", "union leader",
         "Finance Minister", "city mayor", "central bank governor", "health minister"]
PLACES = ["Antwerp", "Rotterdam", "Gdansk", "Porto", "Tartu", "Lyon", "Bilbao", "Malmo"]
TOPICS = ["the port strike", "the rail project", "the flood relief plan", "the housing reform",
          "the energy subsidy", "the hospital budget", "the tram extension", "the wage deal"]
OUTLETS = ["Harbour Herald", "Valley News", "Coastal Times", "Metro Wire", "Daily Ledger"]
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"]


def _person(rng):
    return f"{rng.choice(FIRST)} {rng.choice(LAST)}", rng.choice(ROLES)


def _paragraphs(rng, event: int) -> list[str]:
    local = random.Random(event)  # the same event gives the same facts in every outlet
    (name, role), (other, other_role) = _person(local), _person(local)
    place, topic = local.choice(PLACES), local.choice(TOPICS)
    amount, share = local.randint(2, 900), local.randint(2, 60)
    surname = name.split()[-1]
    lines = [
        f"{role.capitalize()} {name} said on {rng.choice(WEEKDAYS)} that {topic} in {place} "
        f"would cost €{amount} million over the next {local.randint(2, 9)} years.",
        f"“We cannot wait any longer, and we will not,” {surname} told reporters in {place}.",
        f"According to {other_role} {other}, about {share}% of residents support the plan, "
        f"up from {max(1, share - rng.randint(1, 9))}% last year.",
        f"{other.split()[-1]} urged the council to approve the money before the end of the month.",
        f"Speaking about the timetable, {surname} noted:",
        f"We have waited since {local.randint(2010, 2022)}. The people of {place} deserve an answer "
        f"and they will get one.",
        "The opposition called the proposal “an expensive promise with no plan behind it”.",
        f"Officials expect a vote in {rng.choice(['March', 'April', 'May', 'June'])}, "
        f"when {local.randint(10, 90)} councillors will decide.",
    ]
    rng.shuffle(lines[2:4])
    return lines


def generate(count: int, seed: int = 7, events: int = 300) -> Iterator[Article]:
    """`count` articles, the same for the same seed."""
    rng = random.Random(seed)
    start = date(2025, 3, 1)
    for number in range(count):
        event = rng.randrange(events)
        text = "\n".join(_paragraphs(rng, event)) + "\n"
        yield Article(
            id=f"gen-{number:07d}", text=text, source=rng.choice(OUTLETS),
            title=f"{rng.choice(TOPICS).capitalize()}: event {event}",
            published=(start + timedelta(days=event % 60 + rng.randint(0, 2))).isoformat(),
        )
