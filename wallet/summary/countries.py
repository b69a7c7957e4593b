"""Country and language codes as credentials state them, read as ISO 3166-1 alpha-2 and BCP 47.

ELM names countries by the EU Publications Office authority table "Country"
(`http://publications.europa.eu/resource/authority/country/FRA`), whose codes are ISO 3166-1 alpha-3 for the
countries below (Kosovo, which has no ISO code, is `1A0` there). Open Badges 3.0 addresses carry alpha-2 already
(`addressCountryCode`) or a free-text `addressCountry`. The table covers the EU, EEA, United Kingdom, Switzerland and
the EU candidate and potential-candidate countries; a code outside it is left unmapped rather than guessed.

Source: ISO 3166-1 (alpha-3 → alpha-2 pairs as published in the ISO Online Browsing Platform) and the EU
Publications Office authority table "Country" (op.europa.eu, EU Vocabularies), which uses the same alpha-3 codes.
`XK` for Kosovo is the user-assigned code the European Commission uses.

Languages: ELM names them by the EU authority table "Language" (`…/authority/language/ENG`), whose codes are
ISO 639-2/T; BCP 47 (RFC 5646 §2.2.1) takes the ISO 639-1 code where one exists, so the table below maps the
official EU languages and those of the countries above. Source: ISO 639-2 code list (Library of Congress, the
ISO 639-2 registration authority), columns 639-2/T and 639-1.
"""

from __future__ import annotations

EU_COUNTRY_AUTHORITY = "http://publications.europa.eu/resource/authority/country/"
EU_LANGUAGE_AUTHORITY = "http://publications.europa.eu/resource/authority/language/"

_PAIRS = (
    # EU member states
    "AUT AT, BEL BE, BGR BG, HRV HR, CYP CY, CZE CZ, DNK DK, EST EE, FIN FI, FRA FR, DEU DE, GRC GR, HUN HU, "
    "IRL IE, ITA IT, LVA LV, LTU LT, LUX LU, MLT MT, NLD NL, POL PL, PRT PT, ROU RO, SVK SK, SVN SI, ESP ES, "
    "SWE SE, "
    # EEA (non-EU), United Kingdom, Switzerland
    "ISL IS, LIE LI, NOR NO, GBR GB, CHE CH, "
    # Candidate and potential-candidate countries
    "ALB AL, BIH BA, GEO GE, MDA MD, MNE ME, MKD MK, SRB RS, TUR TR, UKR UA, 1A0 XK, XKX XK"
)


def _table(pairs: str) -> dict[str, str]:
    table = {}
    for pair in pairs.split(", "):
        code, mapped = pair.split()
        table[code] = mapped
    return table


ALPHA3_TO_ALPHA2 = _table(_PAIRS)

_LANGUAGE_PAIRS = (
    "BUL bg, CES cs, DAN da, DEU de, ELL el, ENG en, EST et, FIN fi, FRA fr, GLE ga, HRV hr, HUN hu, ITA it, "
    "LAV lv, LIT lt, MLT mt, NLD nl, POL pl, POR pt, RON ro, SLK sk, SLV sl, SPA es, SWE sv, "
    "ISL is, NOR no, NOB nb, NNO nn, LTZ lb, CAT ca, EUS eu, GLG gl, "
    "SQI sq, BOS bs, KAT ka, MKD mk, SRP sr, TUR tr, UKR uk"
)
ISO639_2_TO_1 = _table(_LANGUAGE_PAIRS)


def alpha2(code: str | None) -> str | None:
    """The alpha-2 code for an alpha-2 or alpha-3 code or an EU authority URI; None when it is not in the table.

    Any well-formed alpha-2 code is accepted as stated (Open Badges uses alpha-2 for every country); alpha-3 codes
    and authority URIs are mapped through the table only.
    """
    if not code:
        return None
    value = code.strip().removeprefix(EU_COUNTRY_AUTHORITY).upper()
    if len(value) == 2 and value.isascii() and value.isalpha():
        return value
    return ALPHA3_TO_ALPHA2.get(value)


def language_tag(code: str | None) -> str | None:
    """The BCP 47 tag for an ISO 639-1 code, an ISO 639-2/T code or an EU authority URI; None when not in the table."""
    if not code:
        return None
    value = code.strip().removeprefix(EU_LANGUAGE_AUTHORITY)
    if len(value) == 2 and value.isascii() and value.isalpha():
        return value.lower()
    return ISO639_2_TO_1.get(value.upper())


__all__ = [
    "ALPHA3_TO_ALPHA2",
    "EU_COUNTRY_AUTHORITY",
    "EU_LANGUAGE_AUTHORITY",
    "ISO639_2_TO_1",
    "alpha2",
    "language_tag",
]
