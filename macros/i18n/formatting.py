"""Dates, numbers and money in each language, through Babel (CLDR)."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from babel import Locale
from babel.dates import format_date as _format_date
from babel.dates import format_interval
from babel.numbers import format_currency, format_decimal

from . import language

# Arabic documents of the United Nations use Latin digits: CLDR's "ar" does too.
_LOCALES = {"ar": "ar", "zh": "zh_Hans_CN", "en": "en_GB", "fr": "fr_FR", "ru": "ru_RU", "es": "es_ES"}


def locale(code: str) -> Locale:
    language(code)
    return Locale.parse(_LOCALES[code])


def format_day(day: date, code: str) -> str:
    """A full date: 15 January 2026, 15 janvier 2026, 2026年1月15日."""
    return _format_date(day, format="long", locale=locale(code))


def format_period(start: date, end: date, code: str) -> str:
    """A span of days, written the way the language shortens shared parts."""
    if start == end:
        return format_day(start, code)
    return format_interval(start, end, skeleton="yMMMd", locale=locale(code))


def format_month_abbr(day: date, code: str) -> str:
    """A month within a year on a crowded axis: 'Jan', 'janv.', '1月'.

    Uses the format-context pattern 'MMM': Babel 2.18 returns Chinese names for the
    stand-alone 'LLL' in fr and es once zh has been formatted.
    """
    return _format_date(day, format="MMM", locale=locale(code))


def format_year(day: date, code: str) -> str:
    return _format_date(day, format="y", locale=locale(code))


def format_number(value: float | Decimal, code: str) -> str:
    return format_decimal(value, locale=locale(code))


def format_money(amount: float | Decimal, currency: str, code: str) -> str:
    """'US$450,000', '450 000 $US': the locale's currency pattern; whole amounts drop the cents."""
    loc = locale(code)
    if Decimal(str(amount)) != Decimal(str(amount)).to_integral_value():
        return format_currency(amount, currency, locale=loc)
    pattern = loc.currency_formats["standard"].pattern.split(";")[0].replace(".00", "")
    return format_currency(amount, currency, format=pattern, locale=loc, currency_digits=False)
