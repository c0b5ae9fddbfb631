"""Date pieces shared by ingest, the manifest and the temporal tagger: partial ISO dates and
English month names. Which date forms a module accepts stays with that module."""

from __future__ import annotations

import re

PARTIAL_DATE = re.compile(r"^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$")  # YYYY[-MM[-DD]]
MONTH_NAMES = ("January", "February", "March", "April", "May", "June", "July", "August",
               "September", "October", "November", "December")  # fmt: skip
MONTH_ABBREVIATIONS = ("Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sept", "Sep", "Oct",
                       "Nov", "Dec")  # fmt: skip
FULL_MONTH = "|".join(MONTH_NAMES)  # regex alternatives, case-sensitive
SHORT_MONTH = "|".join(MONTH_ABBREVIATIONS)
MONTHS = {name: i for i, name in enumerate(MONTH_NAMES, start=1)}
MONTHS.update({name[:3]: i for name, i in list(MONTHS.items())} | {"Sept": 9})


def month_number(name: str) -> int:
    """1-12 for a month name or abbreviation, with or without a final period ("Nov.")."""
    return MONTHS[name.rstrip(".")]
