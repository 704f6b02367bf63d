"""Dates, numbers and money in each language, through Babel (CLDR)."""

from __future__ import annotations

import re
from datetime import date
from decimal import Decimal
from functools import cache

from babel import Locale
from babel.dates import format_date as _format_date
from babel.dates import format_interval, get_month_names
from babel.lists import format_list as _format_list
from babel.numbers import format_currency, format_decimal

from . import language


def locale(code: str) -> Locale:
    return Locale.parse(language(code).locale)


def format_day(day: date, code: str) -> str:
    """A full date: 15 January 2026, 15 janvier 2026, 2026年1月15日, 15 كانون الثاني/يناير 2026."""
    return _un_months(_format_date(day, format="long", locale=locale(code)), code)


def format_period(start: date, end: date, code: str) -> str:
    """A span of days, written the way the language shortens shared parts."""
    if start == end:
        return format_day(start, code)
    return _un_months(format_interval(start, end, skeleton="yMMMd", locale=locale(code)), code)


# UN Arabic documents name a month twice, Levantine then Egyptian: "كانون الثاني/يناير", so that
# readers of every Arabic-speaking region know it. Both lists come from CLDR (ar_SY and ar);
# UN editorial style spells June and July يونيه and يوليه where CLDR has يونيو and يوليو.
_UN_SPELLING = {"يونيو": "يونيه", "يوليو": "يوليه"}


@cache
def _double_months(levant: str, egypt: str) -> tuple[re.Pattern, dict[str, str]]:
    first = get_month_names("wide", "format", locale=levant)
    second = get_month_names("wide", "format", locale=egypt)
    double = {
        second[m]: f"{first[m]}/{_UN_SPELLING.get(second[m], second[m])}" for m in range(1, 13)
    }
    return re.compile("|".join(sorted(double, key=len, reverse=True))), double


def _un_months(text: str, code: str) -> str:
    locales = language(code).double_months
    if locales is None:
        return text
    pattern, double = _double_months(*locales)
    return pattern.sub(lambda m: double[m.group(0)], text)


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
    """'US$450,000', '450 000 $US', '450,000 دولار أمريكي': the locale's currency pattern; whole
    amounts drop the cents. Right-to-left languages name the currency, as UN Arabic documents do:
    a Latin symbol such as 'US$' inside Arabic text is reordered by the bidi algorithm ('$US')."""
    loc = locale(code)
    whole = Decimal(str(amount)) == Decimal(str(amount)).to_integral_value()
    if language(code).direction == "rtl":
        if whole:
            return format_currency(
                amount, currency, "#,##0", loc, currency_digits=False, format_type="name"
            )
        return format_currency(amount, currency, locale=loc, format_type="name")
    if not whole:
        return format_currency(amount, currency, locale=loc)
    pattern = loc.currency_formats["standard"].pattern.split(";")[0].replace(".00", "")
    return format_currency(amount, currency, format=pattern, locale=loc, currency_digits=False)


def format_list(items: list[str], code: str) -> str:
    """'a, b and c', 'a、b和c', 'a وb': the language's own way of joining a list (CLDR)."""
    return _format_list(list(items), style="standard", locale=locale(code)) if items else ""
