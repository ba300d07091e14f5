"""Readable numbers: how every output writes a stored value and unit."""

import math

import pytest

from newsprism.model import Quantity
from newsprism.report.export import quantity_record
from newsprism.report.numbers import plural, readable


@pytest.mark.parametrize("value, unit, change, expected", [
    (640e9, "USD", ">", "more than $640 billion"),
    (485e9, "USD", "=", "$485 billion"),
    (1.5e6, "USD", "~", "about $1.5 million"),
    (2.5e9, "EUR", "<", "less than €2.5 billion"),
    (100_000, "UAH", None, "₴100,000"),
    (3e6, "MYR", None, "3 million MYR"),
    (2 / 3, "fraction", None, "two-thirds"),
    (0.5, "fraction", None, "half"),
    (0.37, "fraction", None, "37%"),
    (20, "percent", None, "20%"),
    (0.07, "percent", None, "0.07%"),
    (2, "percent_of_gdp", "=", "2% of GDP"),
    (70, "USD/bbl", None, "$70 per barrel"),
    (80, "cent/bbl", "up", "up 80 cents per barrel"),
    (1200, "USD/ft2", None, "$1,200 per square foot"),
    (5, "point/game", None, "5 points per game"),
    (-40, "°F", None, "minus 40 °F"),
    (150, "km", None, "150 km"),
    (1, "year", None, "1 year"),
    (3, "year", None, "3 years"),
    (5000, "troop", None, "5,000 troops"),
    (3, "person", None, "3 people"),
    (1, "person", None, "1 person"),
    (20, "fighter jet", None, "20 fighter jets"),
    (96.5, "penny", None, "96.5p"),
    (12_500, None, None, "12,500"),
    (1_234_567, None, None, "1.235 million"),
])
def test_readable(value, unit, change, expected):
    assert readable(value, unit, change) == expected


@pytest.mark.parametrize("noun, expected", [
    ("troop", "troops"), ("casualty", "casualties"), ("day", "days"), ("bus", "buses"), ("match", "matches"),
    ("child", "children"), ("police officer", "police officers"), ("life", "lives"),
])
def test_plural(noun, expected):
    assert plural(noun) == expected


def test_odd_values_still_read():
    assert readable(math.inf, "USD") == "inf"
    assert readable(0, "percent") == "0%"
    assert readable(3.3e-5, None) == "3.3e-05"


def test_the_record_keeps_the_machine_value_beside_the_readable_one():
    q = Quantity(id="q1", article_id="a", start=0, end=17, text="over $640 billion", value=640e9,
                 unit="USD", change=">")
    record = quantity_record(q)
    assert (record["value"], record["unit"], record["display"]) == (640e9, "USD", "more than $640 billion")
