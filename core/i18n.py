"""Languages: the supported set, `Accept-Language` negotiation and the message catalogs (no web imports).

The catalogs are gettext `.po` files under `core/locales/<language>/LC_MESSAGES/messages.po`, with the English
text as the message id. They are compiled in memory with Babel the first time a language is used (no `.mo` file
to build or commit: a fresh clone serves every language). English is the source language and has no catalog.
Domain code marks the English texts it owns with `N_` (for extraction) and stays in English; the API and page
layer translates at render time, by message or by reason code. docs/languages.md says how to add a language.
"""

from __future__ import annotations

import gettext as gettext_module
import io
import re
from datetime import UTC, date, datetime
from functools import cache, lru_cache
from pathlib import Path
from typing import Final, Literal

from babel.dates import format_date
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po

LANGUAGES: Final = ("en", "fr", "de", "pl", "es", "it", "uk", "ar")
"""Every language the service speaks, English (the default and the source language) first."""
DEFAULT_LANGUAGE: Final = "en"
RIGHT_TO_LEFT: Final = frozenset({"ar"})
LOCALES: Final = Path(__file__).resolve().parent / "locales"
DOMAIN: Final = "messages"

_LANGUAGE_RANGE = re.compile(r"^(?:\*|[A-Za-z]{1,8}(?:-[A-Za-z0-9]{1,8})*)$")
_MAX_RANGES = 20


def N_(message: str) -> str:  # noqa: N802 - the conventional gettext marker name, which Babel extracts
    """Mark an English text for the catalogs without translating it here (it is translated where it is shown)."""
    return message


def is_supported(language: str | None) -> bool:
    return language in LANGUAGES


def negotiate(accept_language: str | None, default: str = DEFAULT_LANGUAGE) -> str:
    """The supported language the `Accept-Language` header prefers most (RFC 9110 §12.5.4, basic filtering on the
    primary subtag: `fr-CH` picks French), or `default` when it names none (or is absent or malformed)."""
    if not accept_language:
        return default
    if len(accept_language) <= _REMEMBERED_LENGTH:
        return _negotiate_remembered(accept_language, default)
    return _negotiate(accept_language, default)


_REMEMBERED_LENGTH = 256
"""Browsers send a few distinct, short headers: each is parsed once (a long one, rarely sent, is parsed each time,
so the remembered ones stay small whatever a client sends)."""


@lru_cache(maxsize=512)
def _negotiate_remembered(accept_language: str, default: str) -> str:
    return _negotiate(accept_language, default)


def _negotiate(accept_language: str, default: str) -> str:
    ranked: list[tuple[float, int, str]] = []
    for position, part in enumerate(accept_language.split(",")[:_MAX_RANGES]):
        tag, _, parameters = part.strip().partition(";")
        tag = tag.strip()
        if not _LANGUAGE_RANGE.match(tag):
            continue
        quality = 1.0
        for parameter in parameters.split(";"):
            name, _, value = parameter.strip().partition("=")
            if name.strip().lower() == "q":
                try:
                    quality = float(value)
                except ValueError:
                    quality = 0.0
        if 0 < quality <= 1:
            ranked.append((-quality, position, tag.lower()))
    for _, _, tag in sorted(ranked):
        if tag == "*":
            return default
        primary = tag.split("-", 1)[0]
        if primary in LANGUAGES:
            return primary
    return default


def direction(language: str) -> Literal["ltr", "rtl"]:
    return "rtl" if language in RIGHT_TO_LEFT else "ltr"


def catalog_path(language: str) -> Path:
    return LOCALES / language / "LC_MESSAGES" / f"{DOMAIN}.po"


@cache
def translations(language: str) -> gettext_module.NullTranslations:
    """The compiled catalog of `language` (English, and anything unsupported, translates to itself)."""
    if language == DEFAULT_LANGUAGE or language not in LANGUAGES:
        return gettext_module.NullTranslations()
    with catalog_path(language).open("rb") as source:
        catalog = read_po(source, locale=language, domain=DOMAIN)
    compiled = io.BytesIO()
    write_mo(compiled, catalog)  # fuzzy entries are left out: they fall back to English
    compiled.seek(0)
    return gettext_module.GNUTranslations(compiled)


def gettext(language: str, message: str) -> str:
    return translations(language).gettext(message)


def translate(language: str, message: str, **values: object) -> str:
    """`message` in `language`, with its `%(name)s` placeholders filled in."""
    text = translations(language).gettext(message)
    return text % values if values else text


def ngettext(language: str, singular: str, plural: str, count: int) -> str:
    return translations(language).ngettext(singular, plural, count)


def format_day(day: date, language: str, english: str = "%Y-%m-%d") -> str:
    """A day written the way `language` writes it (`7 décembre 2026`); English keeps the `strftime` format `english`
    (the texts it goes into were written with it before they were translated). A date-time gives its UTC day."""
    if language == DEFAULT_LANGUAGE or language not in LANGUAGES:
        return day.strftime(english)
    if isinstance(day, datetime):
        day = (day.astimezone(UTC) if day.tzinfo is not None else day).date()
    return format_date(day, format="long", locale=language)


def format_moment(moment: datetime, language: str) -> str:
    """A date and time in UTC, written the way `language` writes dates (e.g. `7 décembre 2026, 04:19 UTC`)."""
    value = moment.astimezone(UTC)
    day = format_date(value, format="long", locale=language)
    return f"{day}, {value:%H:%M} UTC"
