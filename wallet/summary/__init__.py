"""Reading a credential into the normalised `Summary` (see `wallet.summary.model`).

`summarise()` takes what `wallet.formats.detect()` recognised and answers the summary plus the credentials the
document carries inside it (a CLR's assertions, an ELMO transcript's learning opportunities), which the wallet
stores as linked credentials. It runs in a worker thread (never on the event loop) and, like detection, verifies
nothing.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from wallet.formats import CredentialFormat, Detected
from wallet.summary.model import LinkedPart, Summary


@dataclass(frozen=True)
class EmbeddedCredential:
    """A credential found inside another; `content` is what the wallet stores as its document."""

    content: bytes
    media_type: str
    format: CredentialFormat
    summary: Summary


@dataclass(frozen=True)
class Summarised:
    summary: Summary
    parts: list[EmbeddedCredential] = field(default_factory=list)


def summarise(detected: Detected, content: bytes) -> Summarised:
    """The normalised summary of a detected credential, and the credentials embedded in it."""
    from wallet.summary import elmo, sdjwt, vc  # the parsers import this module's types

    match detected.format:
        case CredentialFormat.ELMO | CredentialFormat.ELMO_OPPORTUNITY:
            result = elmo.summarise(detected, content)
        case CredentialFormat.SD_JWT_VC:
            result = sdjwt.summarise(detected, content)
        case _:
            result = vc.summarise(detected, content)
    linked = [LinkedPart(title=part.summary.title, format=part.format.value) for part in result.parts]
    return Summarised(result.summary.with_missing(parts=linked), result.parts)
