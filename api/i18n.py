"""Languages at the edge: who gets which language, the headers that say so, and translation of what the domain
states in English (check messages by text or reason code, check explanations, caveats, problem titles).

Viewers (share pages, endorsement pages, problem responses, the anonymous verification, recognition answers with
a caveat) get the language their `Accept-Language` prefers among `core.i18n.LANGUAGES`, English otherwise; such
answers carry `Content-Language` and `Vary: Accept-Language`. E-mails are written in the recipient's account
language when the address is an account's, else the sender's (`core.accounts.service.mail_language`).
"""

from __future__ import annotations

import re
from collections.abc import Callable, MutableMapping
from datetime import UTC, date, datetime
from http import HTTPStatus
from typing import Any, Final, TypeVar

from babel.numbers import format_decimal
from jinja2 import Environment, pass_context
from jinja2.runtime import Context
from pydantic import BaseModel
from starlette.datastructures import MutableHeaders
from starlette.requests import HTTPConnection

from core import i18n
from core.i18n import N_
from recognition.caveats import CAVEATS
from wallet.verification.explanations import CHECK_LABELS, EXPLANATIONS, OUTCOME_LABELS, REASON_MESSAGES
from wallet.verification.result import CheckName, Outcome

PROBLEM_TITLES: Final[dict[int, str]] = {
    400: N_("Bad Request"),
    401: N_("Unauthorized"),
    403: N_("Forbidden"),
    404: N_("Not Found"),
    405: N_("Method Not Allowed"),
    406: N_("Not Acceptable"),
    409: N_("Conflict"),
    410: N_("Gone"),
    412: N_("Precondition Failed"),
    413: N_("Content Too Large"),
    415: N_("Unsupported Media Type"),
    422: N_("Unprocessable Content"),
    428: N_("Precondition Required"),
    429: N_("Too Many Requests"),
    500: N_("Internal Server Error"),
    503: N_("Service Unavailable"),
}
"""Problem titles by status (the English ones are Python's `HTTPStatus` phrases, as before)."""

_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}")


def request_language(connection: HTTPConnection) -> str:
    """The viewer's language, from `Accept-Language`."""
    return i18n.negotiate(connection.headers.get("accept-language"))


def language_headers(headers: MutableMapping[str, str] | MutableHeaders, language: str) -> None:
    """Say which language an answer negotiated by `Accept-Language` is in, and that caches must key on it."""
    headers["Content-Language"] = language
    vary = headers.get("Vary")
    if not vary:
        headers["Vary"] = "Accept-Language"
    elif "accept-language" not in vary.lower():
        headers["Vary"] = f"{vary}, Accept-Language"


def problem_title(status: int, language: str) -> str:
    english = PROBLEM_TITLES.get(status)
    if english is None:
        return HTTPStatus(status).phrase
    return HTTPStatus(status).phrase if language == i18n.DEFAULT_LANGUAGE else i18n.gettext(language, english)


def check_label(name: str, language: str) -> str:
    try:
        return i18n.gettext(language, CHECK_LABELS[CheckName(name)])
    except ValueError:
        return name.replace("_", " ")


def check_explanation(name: str, language: str) -> str:
    try:
        return i18n.gettext(language, EXPLANATIONS[CheckName(name)])
    except ValueError:
        return ""


def outcome_label(outcome: str, language: str) -> str:
    try:
        return i18n.gettext(language, OUTCOME_LABELS[Outcome(outcome)])
    except ValueError:
        return outcome


def check_message(reason: str, message: str, evidence: dict[str, Any], language: str) -> str:
    """A check's message in `language`: by its text when it is a fixed message, else by its reason code with the
    values from the evidence; English when neither is known."""
    if language == i18n.DEFAULT_LANGUAGE:
        return message
    translated = i18n.gettext(language, message)
    if translated != message:
        return translated
    template = REASON_MESSAGES.get(reason)
    if template is None:
        return message
    values = {
        name: value[:10] if _DATE.match(value) else value for name, value in evidence.items() if isinstance(value, str)
    }
    try:
        return i18n.gettext(language, template) % values
    except (KeyError, ValueError, TypeError):
        return message


def localize_check(check: dict[str, Any], language: str) -> dict[str, Any]:
    """A check as the API answers it (`check`/`name`, `outcome`, `reason`, maybe `message`), plus its plain-language
    `explanation` and, where it has one, its message in `language`."""
    name = check.get("check", check.get("name", ""))
    localized = dict(check)
    localized["explanation"] = check_explanation(name, language)
    if isinstance(check.get("message"), str):
        localized["message"] = check_message(check["reason"], check["message"], check.get("evidence") or {}, language)
    return localized


def localize_verification(result: dict[str, Any], language: str) -> dict[str, Any]:
    return {**result, "checks": [localize_check(check, language) for check in result.get("checks", [])]}


def localize_caveat(holder: dict[str, Any], language: str) -> dict[str, Any]:
    """A recognition packet (or advice) with its caveat in `language` and the caveat's `caveat_explanation`."""
    caveat = holder.get("caveat")
    if not isinstance(caveat, str) or caveat not in CAVEATS:
        return holder
    return {
        **holder,
        "caveat": i18n.gettext(language, caveat),
        "caveat_explanation": i18n.gettext(language, CAVEATS[caveat]),
    }


def localize_shared(credential: dict[str, Any], language: str) -> dict[str, Any]:
    """A shared credential (a share's presentation) with its recognition packet's caveat in `language`."""
    recognition = credential.get("recognition")
    if not isinstance(recognition, dict):
        return credential
    return {**credential, "recognition": localize_caveat(recognition, language)}


Caveated = TypeVar("Caveated", bound=BaseModel)


def localized_caveat(answer: Caveated, language: str) -> Caveated:
    """A recognition answer (comparison, packet, stack, advice) with its `caveat` and `caveat_explanation` in
    `language` (the English answer when the caveat is not a known one)."""
    caveat = getattr(answer, "caveat", None)
    if language == i18n.DEFAULT_LANGUAGE or not isinstance(caveat, str) or caveat not in CAVEATS:
        return answer
    return answer.model_copy(update=localize_caveat({"caveat": caveat}, language))


@pass_context
def _gettext(context: Context, message: str) -> str:
    return i18n.gettext(context.get("language") or i18n.DEFAULT_LANGUAGE, message)


@pass_context
def _ngettext(context: Context, singular: str, plural: str, count: int) -> str:
    return i18n.ngettext(context.get("language") or i18n.DEFAULT_LANGUAGE, singular, plural, count)


def _in_language(function: Callable[[Any, str], Any]) -> Callable[..., Any]:
    @pass_context
    def bound(context: Context, value: Any) -> Any:
        return function(value, context.get("language") or i18n.DEFAULT_LANGUAGE)

    return bound


def _moment(value: datetime, language: str) -> str:
    if language == i18n.DEFAULT_LANGUAGE:
        return value.strftime("%d %B %Y, %H:%M UTC")  # as the English pages always wrote it
    return i18n.format_moment(value, language)


def _day(value: date, language: str) -> str:
    return i18n.format_day(value, language, english="%d %B %Y")  # English as the pages always wrote it


def _number(value: float, language: str) -> str:
    if language == i18n.DEFAULT_LANGUAGE:
        return f"{value:g}"
    return format_decimal(value, locale=language)


def _moment_text(value: str, language: str) -> str:
    """An ISO 8601 instant from JSON (a stored verification's time), written for `language`."""
    try:
        moment = datetime.fromisoformat(value)
    except (TypeError, ValueError):
        return str(value)
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    if language == i18n.DEFAULT_LANGUAGE:
        return moment.astimezone(UTC).strftime("%Y-%m-%d %H:%M UTC")
    return i18n.format_moment(moment, language)


def install_translations(environment: Environment) -> None:
    """Jinja2's i18n extension (`{% trans %}`, `_()`) bound to the `language` each template is rendered with, and
    the helpers the pages use to show checks, caveats and dates in that language."""
    environment.add_extension("jinja2.ext.i18n")
    environment.install_gettext_callables(_gettext, _ngettext, newstyle=True)  # type: ignore[attr-defined]
    environment.globals.update(
        check_label=_in_language(check_label),
        check_explanation=_in_language(check_explanation),
        outcome_label=_in_language(outcome_label),
        localize_caveat=_in_language(localize_caveat),
        moment=_in_language(_moment),
        moment_text=_in_language(_moment_text),
        day=_in_language(_day),
        number=_in_language(_number),
    )


def page_context(language: str) -> dict[str, Any]:
    """What every translated page template needs: `<html lang dir>`."""
    return {"language": language, "direction": i18n.direction(language)}
