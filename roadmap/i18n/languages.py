"""THE list of languages, with every fact about each one.

Nothing else in the project lists language codes: the data schema, formatting, redlines,
search, the site's language links and the tests all read ``LANGUAGES``.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal


@dataclass(frozen=True)
class Language:
    code: str  # ISO 639-1: the URL prefix, the docs/<code>/ folder and the data key
    name: str  # its name in its own script
    english_name: str
    locale: str  # Babel (CLDR) locale for dates, numbers and money
    direction: Literal["ltr", "rtl"] = "ltr"
    # How words are found (search index, redlines): "spaces" between words, or "jieba" for a
    # script written without them (Chinese).
    segmentation: Literal["spaces", "jieba"] = "spaces"
    # UN editorial date forms: Arabic UN documents name each month twice, Levantine then
    # Egyptian ("كانون الثاني/يناير"): the two CLDR locales whose month names are joined so.
    # None: the locale's own month names.
    double_months: tuple[str, str] | None = None


# The six official languages of the United Nations, in the UN's order (Arabic, Chinese, English,
# French, Russian, Spanish). Arabic UN documents use Latin digits: CLDR's "ar" does too.
LANGUAGES: tuple[Language, ...] = (
    Language("ar", "العربية", "Arabic", "ar", "rtl", double_months=("ar_SY", "ar")),
    Language("zh", "中文", "Chinese", "zh_Hans_CN", segmentation="jieba"),
    Language("en", "English", "English", "en_GB"),
    Language("fr", "Français", "French", "fr_FR"),
    Language("ru", "Русский", "Russian", "ru_RU"),
    Language("es", "Español", "Spanish", "es_ES"),
)
CODES: tuple[str, ...] = tuple(lang.code for lang in LANGUAGES)
DEFAULT = "en"  # the language every text starts in: required in data, the fallback of pages
BY_CODE = {lang.code: lang for lang in LANGUAGES}
# Where a check is too costly for all six (Lighthouse, PDFs in tests): the source language, the
# first written right to left, the first written without spaces between words.
SAMPLE: tuple[str, ...] = tuple(
    dict.fromkeys(
        (
            DEFAULT,
            next(lang.code for lang in LANGUAGES if lang.direction == "rtl"),
            next(lang.code for lang in LANGUAGES if lang.segmentation == "jieba"),
        )
    )
)


def language(code: str) -> Language:
    try:
        return BY_CODE[code]
    except KeyError:
        raise ValueError(f"unknown language {code!r} (known: {', '.join(CODES)})") from None
