"""Languages: the catalogs are complete and consistent, negotiation picks the right language, and the pages,
problems and verification results come back in it (with `Content-Language` and `Vary: Accept-Language`)."""

from __future__ import annotations

import ast
import re
from functools import cache
from http import HTTPStatus
from pathlib import Path
from typing import Any

import httpx
import pytest
from babel.messages.catalog import Catalog
from babel.messages.extract import extract_from_dir
from babel.messages.frontend import parse_mapping_cfg
from babel.messages.pofile import read_po
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncConnection
from sqlmodel import col

from api.ratelimit import FixedWindowLimiter
from core import i18n
from core.outbox import OutboxMail
from core.settings import Settings
from recognition.caveats import CAVEATS, LEVEL_EXPLANATION
from recognition.schemas import CAVEAT
from tests.factories import Account, import_file
from wallet.verification.explanations import CHECK_LABELS, EXPLANATIONS, REASON_MESSAGES, STATIC_MESSAGES
from wallet.verification.result import CheckName

ROOT = Path(__file__).resolve().parent.parent
TRANSLATED = [language for language in i18n.LANGUAGES if language != i18n.DEFAULT_LANGUAGE]
PLACEHOLDER = re.compile(r"%\((\w+)\)s")


@cache
def _extracted() -> frozenset[str | tuple[str, str]]:
    """What `babel.cfg` extracts from the sources now (the catalogs must cover exactly this)."""
    with (ROOT / "babel.cfg").open() as config:
        method_map, options_map = parse_mapping_cfg(config)  # type: ignore[no-untyped-call]
    found: set[str | tuple[str, str]] = set()
    for _, _, message, _, _ in extract_from_dir(
        str(ROOT), method_map, options_map, keywords={"_": None, "N_": None, "gettext": None, "ngettext": (1, 2)}
    ):
        found.add(message if isinstance(message, str) else (message[0], message[1]))
    return frozenset(found)


def _catalog(language: str) -> Catalog:
    with i18n.catalog_path(language).open("rb") as source:
        return read_po(source, locale=language)


def _placeholders(text: str) -> set[str]:
    return set(PLACEHOLDER.findall(text))


class TestCatalogs:
    def test_the_template_is_up_to_date(self) -> None:
        with (i18n.LOCALES / "messages.pot").open("rb") as source:
            template = {message.id for message in read_po(source) if message.id}
        assert template == _extracted(), "run `make locales` after changing a marked text"

    @pytest.mark.parametrize("language", TRANSLATED)
    def test_every_text_is_translated_in_every_language(self, language: str) -> None:
        catalog = _catalog(language)
        messages = {message.id: message for message in catalog if message.id}
        missing = [key for key in _extracted() if key not in messages]
        assert missing == [], f"{language}: no entry for {missing}"
        obsolete = [key for key in messages if key not in _extracted()]
        assert obsolete == [], f"{language}: entries no source uses: {obsolete}"
        untranslated = [
            key
            for key, message in messages.items()
            if message.fuzzy
            or not (all(message.string) if isinstance(message.string, tuple) else message.string)
            or (isinstance(message.string, tuple) and len(message.string) != catalog.num_plurals)
        ]
        assert untranslated == [], f"{language}: untranslated or fuzzy {untranslated}"

    @pytest.mark.parametrize("language", TRANSLATED)
    def test_placeholders_match(self, language: str) -> None:
        mismatched: list[tuple[object, str]] = []
        for message in _catalog(language):
            if not message.id:
                continue
            if isinstance(message.id, tuple):
                singular, plural = (_placeholders(text) for text in message.id)
                forms = message.string if isinstance(message.string, tuple) else ()
                for form in forms:
                    # A plural form may leave out the count ("une attestation"), never add or drop another name.
                    if not (singular - {"count"} <= _placeholders(form) <= singular | plural):
                        mismatched.append((message.id, form))
            elif isinstance(message.id, str) and isinstance(message.string, str):
                if _placeholders(message.id) != _placeholders(message.string):
                    mismatched.append((message.id, message.string))
            else:
                mismatched.append((str(message.id), str(message.string)))
        assert mismatched == [], f"{language}: placeholders differ: {mismatched}"

    def test_a_missing_key_fails(self, tmp_path: Path) -> None:
        """The completeness check is not vacuous: a catalog missing one text is caught."""
        catalog = _catalog("fr")
        dropped = next(message.id for message in catalog if message.id and isinstance(message.id, str))
        del catalog[dropped]
        assert dropped in _extracted() and dropped not in {message.id for message in catalog}

    def test_the_fixed_check_messages_are_the_ones_the_checks_produce(self) -> None:
        constants: set[str] = set()
        for path in (ROOT / "wallet" / "verification").glob("*.py"):
            if path.name == "explanations.py":
                continue
            for node in ast.walk(ast.parse(path.read_text("utf-8"))):
                if isinstance(node, ast.Constant) and isinstance(node.value, str):
                    constants.add(node.value)
        assert [message for message in STATIC_MESSAGES if message not in constants] == []

    def test_the_caveats_are_the_domains_word_for_word(self) -> None:
        from recognition.cases.advisor import CAVEAT as ADVICE_CAVEAT
        from recognition.schemas import CAVEAT, STACK_CAVEAT

        assert set(CAVEATS) == {CAVEAT, STACK_CAVEAT, ADVICE_CAVEAT}

    def test_every_check_has_a_label_and_an_explanation(self) -> None:
        assert set(CHECK_LABELS) == set(EXPLANATIONS) == set(CheckName)
        for explanation in EXPLANATIONS.values():
            assert explanation.endswith(".") and explanation.count(". ") == 0  # one sentence

    def test_every_catalog_compiles(self) -> None:
        for language in TRANSLATED:
            translations = i18n.translations(language)
            assert translations.gettext("Verification") != "Verification"
        assert i18n.gettext("en", "Verification") == "Verification"
        assert "%(valid_until)s" in REASON_MESSAGES["expired"]


class TestNegotiation:
    @pytest.mark.parametrize(
        ("header", "expected"),
        [
            (None, "en"),
            ("", "en"),
            ("fr-CH, fr;q=0.9, en;q=0.8", "fr"),
            ("ja, ar;q=0.5", "ar"),
            ("de;q=0, pl;q=0.1", "pl"),
            ("en-GB;q=0.2, uk;q=0.9", "uk"),
            ("*", "en"),
            ("es-419", "es"),
            ("not a;;language, it", "it"),
            ("fr;q=abc", "en"),
        ],
    )
    def test_accept_language(self, header: str | None, expected: str) -> None:
        assert i18n.negotiate(header) == expected

    def test_directions(self) -> None:
        assert i18n.direction("ar") == "rtl"
        assert {i18n.direction(language) for language in i18n.LANGUAGES if language != "ar"} == {"ltr"}


def _negotiated(response: httpx.Response, language: str) -> None:
    assert response.headers["content-language"] == language
    assert "accept-language" in response.headers["vary"].lower()


class TestProblems:
    async def test_titles_follow_accept_language_and_codes_stay(self, client: httpx.AsyncClient) -> None:
        english = await client.get("/v1/nowhere")
        assert english.json()["title"] == "Not Found" and english.json()["code"] == "not_found"
        _negotiated(english, "en")
        for language, title in {"fr": "Introuvable", "de": "Nicht gefunden", "ar": "غير موجود"}.items():
            response = await client.get("/v1/nowhere", headers={"Accept-Language": language})
            assert response.status_code == 404
            assert response.json()["title"] == title
            assert response.json()["code"] == "not_found"
            _negotiated(response, language)

    async def test_validation_problem_in_polish(self, client: httpx.AsyncClient) -> None:
        response = await client.post("/v1/auth/signup", json={}, headers={"Accept-Language": "pl-PL,pl;q=0.9"})
        assert response.status_code == 422
        assert response.json()["title"] == "Nie można przetworzyć zawartości"
        assert response.json()["code"] == "invalid_input"

    async def test_problems_answered_before_any_route_follow_accept_language(
        self, client: httpx.AsyncClient, settings: Settings
    ) -> None:
        """The body guard (`api.middleware`) answers 413 and 422 itself, before routing: in the caller's language."""
        too_large = await client.post(
            SHARES,
            content=b"x" * (settings.json_body_limit + 1),
            headers={"Content-Type": "application/json", "Accept-Language": "de"},
        )
        assert too_large.status_code == 413 and too_large.json()["title"] == "Inhalt zu groß"
        assert too_large.json()["code"] == "content_too_large"
        _negotiated(too_large, "de")
        duplicated = await client.post(
            SHARES,
            content=b'{"purpose": "a", "purpose": "b"}',
            headers={"Content-Type": "application/json", "Accept-Language": "fr"},
        )
        assert duplicated.status_code == 422 and duplicated.json()["title"] == "Contenu impossible à traiter"
        _negotiated(duplicated, "fr")
        english = await client.post(SHARES, content=b"x" * (settings.json_body_limit + 1))
        assert english.json()["title"] == HTTPStatus(413).phrase  # English as it always read

    async def test_too_many_requests_in_french(self, client: httpx.AsyncClient) -> None:
        app: Any = client.app  # type: ignore[attr-defined]
        app.state.endorsement_limiter = FixedWindowLimiter(0, 60)  # every request is over the limit
        french = {"Accept-Language": "fr"}
        problem = await client.get(f"/v1/endorsements/{'A' * 43}", headers=french)
        assert problem.status_code == 429 and problem.headers["retry-after"]
        assert problem.json()["title"] == "Trop de requêtes" and problem.json()["code"] == "too_many_requests"
        _negotiated(problem, "fr")
        page = await client.get(f"/endorse/{'A' * 43}", headers=french)
        assert page.status_code == 429 and page.headers["retry-after"]
        assert "<h1>Trop de requêtes</h1>" in page.text
        assert "Trop de requêtes ; patientez avant de réessayer." in page.text


SHARES = "/v1/wallet/shares"


async def _shared(client: httpx.AsyncClient, learner: Account) -> str:
    imported = await import_file(client, learner, "ob3-complete.json", "application/ld+json")
    assert imported.status_code == 201, imported.text
    credential_id = imported.json()["id"]
    verified = await client.post(f"/v1/wallet/credentials/{credential_id}/verification", headers=learner.headers)
    assert verified.status_code == 201, verified.text
    created = await client.post(
        SHARES,
        json={
            "items": [{"credential_id": credential_id, "fields": ["title", "issuer", "levels", "credits"]}],
            "purpose": "Admission",
        },
        headers=learner.headers,
    )
    assert created.status_code == 201, created.text
    url: str = created.json()["url"]
    return "/s/" + url.rsplit("/", 1)[1]


class TestSharePages:
    async def test_landing_in_arabic_is_right_to_left(self, client: httpx.AsyncClient, learner: Account) -> None:
        link = await _shared(client, learner)
        response = await client.get(link, headers={"Accept-Language": "ar"})
        assert response.status_code == 200
        assert '<html lang="ar" dir="rtl">' in response.text
        assert "اعرض الشهادة" in response.text  # "Show the credential"
        _negotiated(response, "ar")
        english = await client.get(link)
        assert '<html lang="en" dir="ltr">' in english.text and "Show the credential" in english.text

    async def test_reveal_in_german_explains_each_check(self, client: httpx.AsyncClient, learner: Account) -> None:
        link = await _shared(client, learner)
        page = await client.post(f"{link}/reveal", headers={"Accept-Language": "de-AT"})
        assert page.status_code == 200
        assert '<html lang="de" dir="ltr">' in page.text
        assert "Vertrauenswürdigkeit der ausstellenden Stelle" in page.text  # the issuer_trust label
        assert "ob der Nachweis" in page.text.lower() or "Ob der Nachweis" in page.text
        assert "issuer_trust" in page.text  # the technical term stays next to it
        _negotiated(page, "de")

    async def test_reveal_as_json_carries_explanations(self, client: httpx.AsyncClient, learner: Account) -> None:
        link = await _shared(client, learner)
        response = await client.post(f"{link}/reveal", headers={"Accept": "application/json", "Accept-Language": "es"})
        assert response.status_code == 200
        credential: dict[str, Any] = response.json()["credentials"][0]
        checks = credential["verification"]["checks"]
        assert {check["name"] for check in checks} == set(CheckName)
        signature = next(check for check in checks if check["name"] == "signature")
        assert signature["explanation"].startswith("Si la firma")
        if credential.get("recognition") and "caveat" in credential["recognition"]:
            assert credential["recognition"]["caveat_explanation"]

    async def test_the_preview_explains_the_caveat_in_polish(self, client: httpx.AsyncClient, learner: Account) -> None:
        imported = await import_file(client, learner, "ob3-complete.json", "application/ld+json")
        preview = await client.post(
            f"{SHARES}:preview",
            json={"items": [{"credential_id": imported.json()["id"], "fields": ["title", "levels"]}], "purpose": "x"},
            headers={**learner.headers, "Accept-Language": "pl"},
        )
        assert preview.status_code == 200, preview.text
        _negotiated(preview, "pl")
        recognition = preview.json()["credentials"][0]["recognition"]
        assert recognition["caveat"] == i18n.gettext("pl", CAVEAT) != CAVEAT
        assert recognition["caveat_explanation"] == i18n.gettext("pl", LEVEL_EXPLANATION) != LEVEL_EXPLANATION

    async def test_unknown_link_page_in_ukrainian(self, client: httpx.AsyncClient) -> None:
        response = await client.get(f"/s/{'A' * 43}", headers={"Accept-Language": "uk"})
        assert response.status_code == 404
        assert "Посилання не знайдено" in response.text
        again = await client.get(f"/s/{'B' * 43}", headers={"Accept-Language": "uk"})
        assert again.content == response.content  # still the same bytes for every unknown token


class TestVerification:
    async def test_anonymous_verification_in_italian(self, client: httpx.AsyncClient) -> None:
        content = (ROOT / "tests" / "data" / "ob3-complete.json").read_bytes()
        response = await client.post(
            "/v1/verify",
            content=content,
            headers={"Content-Type": "application/ld+json", "Accept-Language": "it"},
        )
        assert response.status_code == 200, response.text
        _negotiated(response, "it")
        checks = {check["check"]: check for check in response.json()["checks"]}
        assert checks["status"]["explanation"] == "Se l'emittente ha nel frattempo ritirato o sospeso la credenziale."
        assert checks["accreditation"]["reason"] == "no_accreditation_record"  # reason codes never change
        assert checks["accreditation"]["message"] == (
            "Il registro di fiducia non contiene alcun accreditamento per questo emittente; l'assicurazione della "
            "qualità è valutata a parte."
        )

    async def test_english_messages_are_unchanged(self, client: httpx.AsyncClient) -> None:
        content = (ROOT / "tests" / "data" / "ob3-complete.json").read_bytes()
        response = await client.post("/v1/verify", content=content, headers={"Content-Type": "application/ld+json"})
        checks = {check["check"]: check for check in response.json()["checks"]}
        assert checks["accreditation"]["message"] == (
            "The trust registry holds no accreditation for this issuer; quality assurance is assessed separately."
        )
        assert checks["status"]["explanation"] == "Whether the issuer has since withdrawn or suspended the credential."


class TestAccountLanguage:
    async def test_the_learner_chooses_a_language(self, client: httpx.AsyncClient, learner: Account) -> None:
        me = await client.get("/v1/me", headers=learner.headers)
        assert me.json()["language"] == "en"
        changed = await client.patch("/v1/me", json={"language": "uk"}, headers=learner.headers)
        assert changed.status_code == 200, changed.text
        assert changed.json()["language"] == "uk"
        assert (await client.get("/v1/me", headers=learner.headers)).json()["language"] == "uk"

    async def test_an_unsupported_language_is_refused(self, client: httpx.AsyncClient, learner: Account) -> None:
        for body in ({"language": "xx"}, {"language": "en", "role": "admin"}):
            response = await client.patch("/v1/me", json=body, headers=learner.headers)
            assert response.status_code == 422

    def test_the_schema_lists_the_supported_languages(self) -> None:
        from typing import get_args

        from core.accounts.schemas import Language

        assert get_args(Language) == i18n.LANGUAGES


class TestLearnerMail:
    async def test_first_reveal_mail_is_in_the_learners_language(
        self, client: httpx.AsyncClient, learner: Account, connection: AsyncConnection
    ) -> None:
        assert (await client.patch("/v1/me", json={"language": "fr"}, headers=learner.headers)).status_code == 200
        imported = await import_file(client, learner, "ob3-complete.json", "application/ld+json")
        created = await client.post(
            SHARES,
            json={
                "items": [{"credential_id": imported.json()["id"], "fields": ["title"]}],
                "purpose": "Candidature",
                "notify_first_reveal": True,
            },
            headers=learner.headers,
        )
        assert created.status_code == 201, created.text
        link = "/s/" + created.json()["url"].rsplit("/", 1)[1]
        assert (await client.post(f"{link}/reveal", headers={"Accept-Language": "de"})).status_code == 200
        subject, body = (
            await connection.execute(
                select(col(OutboxMail.subject), col(OutboxMail.body)).where(col(OutboxMail.recipient) == learner.email)
            )
        ).one()
        # The learner's language, not the viewer's.
        assert subject == "Votre attestation partagée a été ouverte"
        assert body == "Le lien que vous avez partagé pour « Candidature » a été ouvert pour la première fois.\n"
