"""A reproducible corpus of templated but realistic news articles, any size, fixed seed.

Each article reports one invented event through one of many outlets. An event has its own
people (names from pools that give thousands of distinct people), place, organisation,
landmark and subject (one of 12 things that happen, such as a strike or an inquiry, to one of
30 kinds of institution, such as a container terminal or a hospital, with that sector's roles
and words) and its own matters, figures and quotes; a few public figures recur across events,
as prime ministers and commissioners do in real news. Every slot of an article (the lead, a
quote, reported speech, an unmarked quote, a critic, the outlook, background, details) has
several sentence templates and most slots are optional, so the articles of one event are
paraphrases that share the facts, not near-copies. Some events get more coverage than others
(rank ** -SKEW), events happen over ten months and an article appears on the day of its event
or a few days later, and the articles come in publication order, as a feed gives them (ids
gen-0000000, gen-0000001, ... follow that order). Now and then an outlet gets a figure wrong,
which gives the linker real conflicts. The same seed gives the same corpus.
"""

from __future__ import annotations

import random
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, timedelta
from itertools import accumulate

from newsprism.model import Article

ARTICLES_PER_EVENT = 30  # the default number of events is the article count over this
SKEW = 0.4  # an event's expected size falls as (rank + 1) ** -SKEW: a few big stories, many small
START, SPAN_DAYS = date(2025, 1, 6), 300  # the days events happen on
MISREPORTED = 0.08  # share of articles that give one of the event's figures differently

FIRST = (
    "Anna Elena Pieter Helena Marek Sofia Jonas Ines Tomas Clara Rui Agnieszka Bram Carmen Dmitri Elif "
    "Fabien Greta Hugo Ilse Joost Katarina Lars Lucia Mateo Nadia Oskar Paula Quentin Rosa Stefan "
    "Teresa Ugo Vera Wiktor Yasmin Zoltan Alma Bruno Celine Dario Edith Felix Gisela Henrik Irene "
    "Jakub Karin Leon Marta Nils Olga Pablo Renata Simon Tilde Viktor Wanda Xavier Yannick Zofia "
    "Aurelio Beatrix Cyril Dagmar Emil Flora Gustav Hanna Igor Jana Kasper Lena Milos Nora Otto "
    "Petra Radek Selma Tobias Ursula Valentin Wilma Adrian Birgit Cosmin Daria Erik Frida Goran "
    "Hedda Ivo Johanna Konrad Livia Magnus Nikola Ottilie Per Rasmus Sabine Timo Uma Vilma Anton "
    "Bettina Corinna Dorian Eva Filip Gerda Harald Ida Julius Klara Ludwig Mira Noah Orsolya"
).split()
SURNAME_HEADS = (
    "Brak Varn Lind Kov Mor Dal Stren Hal Tor Vel Ost Mar Ber Kal Sand Rov Fen Gal Hart Jor Lun "
    "Nor Pel Quin Ros Sel Tam Ul Wes Zan Bel Cor Dre Esk Gor Hol Kes Lor Mal Pav"
).split()
SURNAME_TAILS = (
    "ovic sson berg ani eau ez ski ova ens ley mann ard ini ek quist aro ides escu nen holt "
    "inger ato lund oux sen ak ella dorf ier ham"
).split()
PLACE_HEADS = (
    "Ash Brom Cal Dun Elm Frost Glen Harl Ivel Kirn Lang Mers Nash Orm Pryn Rad Stav Thorn Ulm "
    "Wend Ald Bex Cran Dov Egg Fal Grim Hox Jen Kell Lox Mab Nor Oak Pell Quar Rook Sol Tarr Yar"
).split()
PLACE_TAILS = (
    "haven stad field burg mouth ford vik dorf ton bridge holm wick port dale gate lund sund by kirk moor"
).split()
BRAND_HEADS = (
    "Nor Vel Astra Cora Duna Equi Forta Helio Inva Jura Kora Luma Meri Nova Orbi Prima Quanta Sira"
).split()
BRAND_TAILS = "vant tek lis con mar dex ria gen tis vor".split()
OUTLETS = (
    "Harbour Herald", "Valley News", "Coastal Times", "Metro Wire", "Daily Ledger", "Northern Post",
    "The Evening Courier", "Capital Observer", "Riverside Gazette", "Continental Press", "Morning Star Daily",
    "The Civic Record", "Lowland Tribune", "Plains Chronicle", "The Bay Reporter", "Union Dispatch",
)
FIGURES = (  # public figures who turn up in many events
    ("Prime Minister", "Elena Marsh"), ("Finance Minister", "Otto Halvorsen"),
    ("European Commissioner", "Ines Okafor"), ("President", "Viktor Amundsen"),
    ("Interior Minister", "Clara Delacroix"), ("opposition leader", "Tomas Brenner"),
    ("central bank governor", "Hanna Virtanen"), ("Economy Minister", "Rui Mendonca"),
    ("Environment Commissioner", "Greta Sokolova"), ("Justice Minister", "Felix Adebayo"),
    ("Health Commissioner", "Nadia Castellano"), ("Transport Commissioner", "Leon Fairbairn"),
)
FIGURE_SHARE = 0.3  # share of events a public figure comments on
# Roles and groups of people any story may involve, besides its sector's own.
ANY_ROLES = tuple((
    "city councillor|economist|opposition spokesperson|lawyer|consumer advocate|union representative|"
    "business owner|public policy professor|regional councillor|state auditor|former minister|"
    "independent analyst|campaigner|deputy mayor|ombudsman|shop owner|bishop|student leader|"
    "retired engineer|architect|"
    "community organiser|accountant|doctor|local historian|pensioners' representative|green party leader|"
    "liberal party leader|employers' federation head|chamber of commerce president|parish priest"
).split("|"))
ANY_GROUPS = tuple((
    "residents|taxpayers|families|pensioners|students|shopkeepers|commuters|neighbours|workers|volunteers|"
    "small businesses|young people|retirees|landowners|tourists|parents"
).split("|"))
# Plural nouns any story may turn on; each event draws a few of its own.
MATTERS = tuple(dict.fromkeys((
    "contracts|inspections|permits|invoices|budgets|loans|tenders|audits|deadlines|grants|delays|complaints|"
    "repairs|warnings|emails|minutes|surveys|lawsuits|fines|vouchers|licences|patents|hearings|petitions|"
    "leaflets|receipts|schedules|estimates|guarantees|bonds|reserves|donations|fees|levies|tariffs|quotas|"
    "rations|spare parts|vehicles|ambulances|laptops|cameras|sensors|drones|scaffolds|barriers|fences|"
    "gates|tunnels|culverts|pylons|masts|antennas|boilers|heat pumps|solar panels|meters|valves|hoses|"
    "ladders|uniforms|helmets|badges|keys|safes|archives|maps|blueprints|drawings|models|prototypes|"
    "test results|vaccines|ventilators|wheelchairs|lifts|escalators|platforms|benches|kiosks|markets|stalls|"
    "warehouses|garages|sheds|barns|silos|greenhouses|orchards|vineyards|pastures|wells|canals|locks|quays|"
    "piers|moorings|buoys|lighthouses|dunes|cliffs|footpaths|cycle lanes|car parks|allotments|playgrounds"
).split("|")))
WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
MONTHS = ("January February March April May June July August September October November "
          "December").split()


@dataclass(frozen=True, slots=True)
class Sector:
    """What events in one part of public life share: an institution, roles and words."""

    target: str  # the institution or site, a noun phrase that may name {place}, {brand} and {landmark}
    org: str  # who runs it, with "the" where English wants it
    roles: tuple[str, ...]  # the lead's
    groups: tuple[str, ...]  # the people it concerns
    things: tuple[str, ...]


def _sector(target: str, org: str, roles: str, groups: str, things: str) -> Sector:
    return Sector(target, org, *(tuple(column.split("|")) for column in (roles, groups, things)))


SECTORS = tuple(_sector(*row) for row in (
    ("the {place} container terminal", "the {place} Port Authority",
     "union leader|port authority chief|harbour master",
     "dockworkers|crane operators", "cranes|shifts|cargo|vessels|overtime"),
    ("the {landmark} rail link", "{brand} Rail",
     "transport minister|project director|rail operator chief",
     "commuters|rail workers", "tracks|trains|viaducts|timetables|carriages"),
    ("the {place} flood defences", "the {place} Water Board",
     "water board chair|emergency coordinator|regional governor",
     "evacuees|farmers", "floodwater|dykes|pumps|sandbags|insurers"),
    ("the {place} Housing Agency", "the {place} Housing Agency",
     "housing minister|tenants' leader|city planner",
     "tenants|young families", "rents|landlords|apartments|evictions|mortgages"),
    ("{place} General Hospital", "{place} General Hospital",
     "health minister|hospital director|nurses' union leader",
     "nurses|patients", "wards|surgeries|beds|clinics|scanners"),
    ("the {landmark} tram line", "{place} Transit",
     "transport councillor|tram operator chief|city planner",
     "shopkeepers|cyclists", "trams|stops|roadworks|depots|tracks"),
    ("{brand} Steel", "{brand} Steel",
     "union leader|chief executive|labour minister",
     "steelworkers|pensioners", "furnaces|bonuses|contracts|pensions|mills"),
    ("the {landmark} forest reserve", "the {place} Fire Service",
     "fire chief|regional governor|forestry official",
     "firefighters|villagers", "hectares|helicopters|pines|evacuations|water bombers"),
    ("the {brand} car plant in {place}", "{brand} Motors",
     "plant manager|economy minister|works council head",
     "workers|suppliers", "assembly lines|batteries|layoffs|severance|gearboxes"),
    ("the {landmark} bridge", "the {place} Roads Authority",
     "roads minister|chief engineer|city mayor",
     "motorists|engineers", "girders|inspections|detours|concrete|cables"),
    ("the {place} secondary schools", "the {place} Education Board",
     "education minister|head teacher|parents' chair",
     "pupils|teachers", "classrooms|exams|curriculum|textbooks|playgrounds"),
    ("the {place} water supply", "{brand} Water",
     "health inspector|utility chief|city mayor",
     "residents|households", "bacteria|pipes|reservoirs|samples|filters"),
    ("{place} Airport", "{place} Airport",
     "airport director|environment minister|residents' spokesperson",
     "neighbours|airlines", "runways|flights|noise|terminals|slots"),
    ("the {place} Electoral Commission", "the {place} Electoral Commission",
     "election commissioner|opposition leader|city mayor",
     "voters|observers", "ballots|candidates|tallies|envelopes|polling stations"),
    ("the {place} District Court", "the {place} District Court",
     "chief prosecutor|defence lawyer|judge",
     "witnesses|taxpayers", "bribes|tenders|defendants|invoices|verdicts"),
    ("{brand} Bank", "{brand} Bank",
     "chief executive|data protection commissioner|consumer advocate",
     "customers|account holders", "passwords|hackers|accounts|servers|regulators"),
    ("the {place} fishing fleet", "the {place} Fishermen's Association",
     "fisheries minister|association chair|marine biologist",
     "fishermen|skippers", "trawlers|cod|herring|harbours|catches"),
    ("the {landmark} wind farm", "{brand} Energy",
     "energy minister|project director|coastal mayor",
     "fishermen|islanders", "turbines|megawatts|cables|seabirds|grid"),
    ("the {place} bus network", "the {place} Transport Company",
     "transport councillor|company director|commuters' advocate",
     "passengers|students", "fares|buses|tickets|routes|subsidies"),
    ("the {place} stadium", "{place} Football Club",
     "club president|sports minister|city planner",
     "supporters|neighbours", "pitches|seats|parking|matches|stands"),
    ("the {landmark} museum", "the {place} Museums Trust",
     "museum director|culture minister|police chief",
     "curators|visitors", "paintings|alarms|guards|frames|galleries"),
    ("{brand} Pharma", "{brand} Pharma",
     "health minister|pharmacists' head|hospital director",
     "patients|pharmacists", "pharmacies|antibiotics|suppliers|prescriptions|stocks"),
    ("the {place} power grid", "{brand} Grid",
     "grid operator chief|energy minister|city mayor",
     "households|shop owners", "substations|blackouts|generators|transformers|cables"),
    ("the {place} dairy cooperative", "the {place} Farmers' Union",
     "farmers' leader|agriculture minister|police chief",
     "farmers|dairy producers", "tractors|fertiliser|roadblocks|harvests|subsidies"),
    ("{brand} Freight", "{brand} Group",
     "chief executive|competition commissioner|shareholder representative",
     "shareholders|drivers", "shares|warehouses|trucks|synergies|depots"),
    ("the {brand} refinery", "{brand} Petroleum",
     "refinery manager|environment minister|fire chief",
     "residents|refinery workers", "tanks|smoke|crude|emissions|pipelines"),
    ("the {place} primary schools", "the {place} Teachers' Union",
     "union leader|education minister|head teacher",
     "teachers|parents", "salaries|schools|pickets|timetables|substitutes"),
    ("the {landmark} mountain road", "{place} Civil Protection",
     "civil protection chief|geologist|regional governor",
     "rescuers|homeowners", "slopes|houses|rainfall|mud|boulders"),
    ("{brand} Ferries", "{brand} Ferries",
     "ferry operator chief|maritime minister|coast guard commander",
     "passengers|crew members", "lifeboats|hulls|divers|timetables|manifests"),
    ("the {landmark} copper mine", "{brand} Mining",
     "mining minister|mine director|environmental campaigner",
     "miners|neighbours", "copper|shafts|tailings|permits|ore"),
))
ACTIONS = (  # what happens to the target: with 30 sectors, 360 kinds of event
    "the strike at {target}", "the budget cuts at {target}", "the inquiry into {target}",
    "the expansion of {target}", "the closure of {target}", "the protest against {target}",
    "the sale of {target}", "the renovation of {target}", "the safety failures at {target}",
    "the cyber attack on {target}", "the delays at {target}", "the management shake-up at {target}",
)

# Sentence templates, several per slot: the articles of one event say the same things in other words.
LEAD = (
    "{Role} {lead} said on {weekday} that {subject} could cost the region €{amount} million over the next "
    "{years} years.",
    "{Subject} will cost taxpayers €{amount} million over {years} years, {role} {lead} announced on "
    "{weekday}.",
    "The bill for {subject} has reached €{amount} million, {role} {lead} told reporters in {place} on "
    "{weekday}.",
    "{Role} {lead} on {weekday} put the cost of {subject} at €{amount} million, spread over {years} years.",
)
QUOTED = (
    "“{quote},” {lead_s} told reporters in {place}.",
    "“{quote},” said {lead_s}.",
    "{lead_s} was blunt: “{quote}.”",
    "“{quote},” {lead_s} said at a press conference with {org}.",
)
SHARE = (
    "According to {role2} {second}, about {share}% of residents support the plan, up from {prev}% last year.",
    "{second}, the {role2}, said {share}% of residents in {place} now back the plan, against {prev}% a year "
    "ago.",
    "A survey cited by {role2} {second} found that {share}% of residents support the plan, up from {prev}%.",
)
URGE = (
    "{second_s} urged {org} to approve the money before the end of the month.",
    "{second_s} called on {org} to release the funds without delay.",
    "{Org} should act before {month}, {second_s} said.",
)
UNMARKED_INTRO = (
    "Speaking about the {thing1}, {lead_s} noted:",
    "Asked about the timetable, {lead_s} added:",
    "{lead_s} went further in a statement:",
)
UNMARKED = (
    "We have waited since {since}. The {group} of {place} deserve an answer and they will get one.",
    "I have spoken to the {group} every week since {since}. They are tired of promises, and so am I.",
    "This is not about politics. It is about the {group} and the {thing1}, and it is about {place}.",
)
CRITIC = (
    "{Critic_role} {critic} called the proposal “{jab}”.",
    "Not everyone is convinced: {critic}, the {critic_role}, described it as “{jab}”.",
    "{Critic_role} {critic} dismissed the plan as “{jab}” and promised to fight it.",
)
OUTLOOK = (
    "Officials expect a vote in {month}, when {members} councillors will decide.",
    "{Org} is due to decide in {month}; {members} members sit on its board.",
    "A final decision is not expected before {month}, when {members} councillors vote.",
)
BACKGROUND = (
    "The {thing1} and the {thing2} have been at the centre of the dispute since {since}.",
    "Local {group} say the {thing2} were never part of the discussion.",
    "In {place}, the {group} have followed the talks closely, and many worry about the {thing3}.",
    "{Org} said the {thing3} would be reviewed before any money is spent.",
)
DETAIL = (  # {a} and {b} are drawn from the event's own matters for each sentence
    "The {a} near {street} Road were inspected on {weekday}, officials said.",
    "In the {district} district, talk of the {a} has replaced talk of the {b}.",
    "Documents seen by this newspaper show the {a} were discussed as early as {since}.",
    "Residents of {district} say the {a} have been a problem for years.",
    "Work on the {a} and the {b} has stopped until the money is found.",
    "The {a} on {street} Road are older than anyone would like to admit.",
    "Contractors say the {a} alone could take months, and the {b} longer still.",
    "A report on the {a} and the {b} is due before {month}.",
)
FILLERS = (  # sentences about nothing in particular, as any report has
    "The announcement came on a busy day for the regional parliament.",
    "Traffic in the city centre was disrupted for much of the afternoon.",
    "The weather has been unusually dry for the season.",
    "Several speakers were interrupted by applause.",
    "The meeting, which began late, lasted more than three hours.",
    "Television crews waited outside the building until the evening.",
    "A spokesperson declined to give further details.",
    "The figures have not been independently verified.",
    "Markets barely reacted to the news.",
    "The debate is likely to continue well into the autumn.",
    "Earlier this year a similar plan was shelved after a legal challenge.",
    "Questions remain about who will pay for the rest.",
    "The reaction on social media was swift and mostly critical.",
    "Local businesses have asked to be consulted before anything is decided.",
    "Neither side would say when talks might resume.",
    "Observers expect the issue to feature in next year's campaign.",
)
FIGURE = (
    "{Figure_role} {figure} said the government was following {subject} closely.",
    "{figure}, the {figure_role}, is expected to visit {place} next week.",
    "The office of {figure_role} {figure} declined to comment on {subject}.",
)
QUOTES = (
    "We cannot wait any longer for the {thing1}, and we will not",
    "The {group} of {place} have paid for this long enough",
    "Every euro of this money will go to the {group}, not to consultants",
    "We will not let the {thing2} become an excuse for doing nothing",
    "Nobody in {place} should have to wait another year for this",
    "This is the best offer {org} can make, and it is a fair one",
)
JABS = (
    "an expensive promise with no plan behind it",
    "a gift to the {thing3}",
    "too little, too late for {place}",
    "a plan written for the headlines",
    "a bill the {group} will pay for years",
)
TITLES = (
    "{Subject} to cost €{amount} million",
    "{lead_s} defends €{amount} million plan after {subject}",
    "Critics attack handling of {subject}",
    "{place} waits for decision on {subject}",
    "{Org} under pressure over {subject}",
)


@dataclass(frozen=True, slots=True)
class Event:
    """The facts every article about one event shares, as template fields."""

    number: int
    day: date
    fields: dict[str, str]
    matters: tuple[str, ...]  # what its articles go into detail about, a few at a time
    has_figure: bool


def default_events(count: int) -> int:
    """How many events `generate` spreads `count` articles over by default: one per 30 articles."""
    return max(1, round(count / ARTICLES_PER_EVENT))


def generate(count: int, seed: int = 7, events: int | None = None) -> Iterator[Article]:
    """`count` articles about `events` events (default `default_events(count)`), the same for one seed."""
    for article, _ in labelled(count, seed, events):
        yield article


def labelled(count: int, seed: int = 7, events: int | None = None,
             span_days: int = SPAN_DAYS) -> Iterator[tuple[Article, int]]:
    """The articles of `generate`, each with the number of the event it reports; events happen
    over `span_days` days (a larger corpus over a longer span: the same news a day, more history)."""
    events = default_events(count) if events is None else events
    rng = random.Random(seed)
    weights = list(accumulate((rank + 1) ** -SKEW for rank in range(events)))
    known: dict[int, Event] = {}
    drawn = []  # (publication day, draw, event): a few numbers an article until they are sorted
    for draw in range(count):
        event = rng.choices(range(events), cum_weights=weights)[0]
        if event not in known:
            known[event] = make_event(seed, event, span_days)
        lag = rng.choice((0, 0, 1, 1, 1, 2, 3)) if rng.random() > 0.05 else rng.randint(5, 20)
        drawn.append((known[event].day + timedelta(days=lag), draw, event))
    drawn.sort()  # a feed gives articles in the order they appear
    for number, (day, draw, event) in enumerate(drawn):
        text_rng = random.Random(f"{seed}:article:{draw}")
        yield _article(text_rng, number, known[event], day), event


def make_event(seed: int, number: int, span_days: int = SPAN_DAYS) -> Event:
    """The facts of one event, from the seed and its number alone (and the span of days)."""
    rng = random.Random(f"{seed}:event:{number}")
    sector, place = rng.choice(SECTORS), _place(rng)
    brand = rng.choice(BRAND_HEADS) + rng.choice(BRAND_TAILS)
    names = {"place": place, "landmark": _place(rng), "brand": brand}
    subject = rng.choice(ACTIONS).format(target=sector.target.format(**names))
    org = sector.org.format(**names)
    lead, second, critic = _people(rng, 3)
    things = [rng.choice(sector.things), *rng.sample(MATTERS, 2)]
    matters = tuple(rng.sample(MATTERS, 8))
    day = START + timedelta(days=rng.randrange(span_days))
    share = rng.randint(12, 70)
    fields = {
        "subject": subject, "Subject": _cap(subject), "org": org, "place": place,
        "role": rng.choice(sector.roles), "lead": lead, "second": second, "critic": critic,
        "role2": rng.choice(ANY_ROLES), "critic_role": rng.choice(ANY_ROLES),
        "group": rng.choice(sector.groups + ANY_GROUPS), "thing1": things[0], "thing2": things[1],
        "thing3": things[2],
        "district": _place(rng), "street": _place(rng),
        "amount": str(rng.randint(3, 900)), "years": str(rng.randint(2, 9)),
        "share": str(share), "prev": str(share - rng.randint(2, 10)), "since": str(rng.randint(2009, 2022)),
        "members": str(rng.randint(9, 61)), "weekday": WEEKDAYS[day.weekday()],
        "month": MONTHS[(day + timedelta(days=rng.randint(30, 120))).month - 1],
    }
    fields.update({f"{key}_s": fields[key].split()[-1] for key in ("lead", "second", "critic")})
    fields["quote"] = rng.choice(QUOTES).format(**fields)
    fields["jab"] = rng.choice(JABS).format(**fields)
    fields["unmarked"] = rng.choice(UNMARKED).format(**fields)
    figure_role, fields["figure"] = rng.choice(FIGURES)
    fields["figure_role"] = figure_role
    for key in ("role", "critic_role", "figure_role", "org"):
        fields[_cap(key)] = _cap(fields[key])
    return Event(number, day, fields, matters, rng.random() < FIGURE_SHARE)


def _people(rng: random.Random, count: int) -> list[str]:
    """`count` people with different surnames."""
    people: dict[str, str] = {}
    while len(people) < count:
        surname = rng.choice(SURNAME_HEADS) + rng.choice(SURNAME_TAILS)
        people.setdefault(surname, f"{rng.choice(FIRST)} {surname}")
    return list(people.values())


def _place(rng: random.Random) -> str:
    return rng.choice(PLACE_HEADS) + rng.choice(PLACE_TAILS)


def _cap(text: str) -> str:
    return text[:1].upper() + text[1:]


def _article(rng: random.Random, number: int, event: Event, day: date) -> Article:
    """One outlet's report of the event: the lead, a quote, then a few other slots in any order."""
    fields = dict(event.fields)
    if rng.random() < MISREPORTED:  # an outlet with another figure: a conflict for the linker
        key = rng.choice(("amount", "share", "members"))
        fields[key] = str(round(int(fields[key]) * rng.choice((0.5, 0.8, 1.25, 1.5))) or 1)
    optional = [[SHARE, URGE], [UNMARKED_INTRO], [CRITIC], [OUTLOOK], [BACKGROUND], [FILLERS]]
    if event.has_figure:
        optional.append([FIGURE])
    rng.shuffle(optional)
    blocks = [[rng.choice(LEAD)], [rng.choice(QUOTED)]]
    for slots in optional[:rng.randint(3, len(optional))]:
        blocks.append([rng.choice(slot) for slot in slots[:1 + rng.randrange(len(slots))]])
        if slots[0] is UNMARKED_INTRO:
            blocks[-1].append("{unmarked}")  # the unmarked quote follows its introduction
    blocks = [[line.format(**fields) for line in block] for block in blocks]
    for template in rng.sample(DETAIL, rng.randint(2, 4)):
        a, b = rng.sample(event.matters, 2)
        blocks.insert(rng.randint(2, len(blocks)), [template.format(a=a, b=b, **fields)])
    text = "\n".join(dict.fromkeys(line for block in blocks for line in block)) + "\n"
    return Article(id=f"gen-{number:07d}", text=text, source=rng.choice(OUTLETS),
                   title=rng.choice(TITLES).format(**fields), published=day.isoformat())
