"""The share pages in real headless Chromium: 0 axe-core violations (WCAG 2.1 A and AA rules)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import httpx
import pytest
from selenium.webdriver.chrome.webdriver import WebDriver

from tests.a11y.harness import axe_violations, axe_violations_after_click, chromium, format_violations
from tests.factories import DATA, PASSWORD

REVEAL_BUTTON = 'form[action$="/reveal"] button[type=submit]'


@pytest.fixture(scope="module")
def shares(live_server: str) -> dict[str, str]:
    """A learner on the live server with an EDC and an Open Badge, shared three ways; answers the link URLs."""
    with httpx.Client(base_url=live_server, timeout=30) as http:
        email = "a11y@example.org"
        assert (
            http.post(
                "/v1/auth/signup", json={"email": email, "password": PASSWORD, "display_name": "Zoë Łukasiewicz"}
            ).status_code
            == 201
        )
        token = http.post(
            "/v1/auth/token", data={"grant_type": "password", "username": email, "password": PASSWORD}
        ).json()["access_token"]
        headers = {"Authorization": f"Bearer {token}"}

        def imported(name: str) -> str:
            response = http.post(
                "/v1/wallet/credentials",
                content=(DATA / name).read_bytes(),
                headers={**headers, "Content-Type": "application/ld+json"},
            )
            assert response.status_code == 201, response.text
            credential_id: str = response.json()["id"]
            return credential_id

        edc, badge = imported("edc-ec-mc-annex1-unsigned.jsonld"), imported("ob3-complete.json")

        def share(**body: Any) -> dict[str, Any]:
            response = http.post("/v1/wallet/shares", json={"purpose": "Admission to the MSc", **body}, headers=headers)
            assert response.status_code == 201, response.text
            created: dict[str, Any] = response.json()
            return created

        everything = share(
            items=[
                {
                    "credential_id": edc,
                    "fields": ["title", "issuer", "learner", "credits", "levels", "learning_outcomes", "grade"],
                },
                {"credential_id": badge, "fields": ["title", "issuer", "achievements", "valid_until"]},
            ],
            include_skills_profile=True,
        )
        for_email = share(
            items=[{"credential_id": badge, "fields": ["title"]}], recipient={"email": "hr@employer.example"}
        )
        revoked = share(items=[{"credential_id": badge, "fields": ["title"]}])
        assert http.post(f"/v1/wallet/shares/{revoked['id']}/revoke", headers=headers).status_code == 200
        return {"open": everything["url"], "email": for_email["url"], "revoked": revoked["url"]}


class TestSharePages:
    def test_landing_page(self, browser: WebDriver, shares: dict[str, str]) -> None:
        violations = axe_violations(shares["open"], driver=browser)
        assert violations == [], format_violations(violations)
        assert "shared 2 credentials" in browser.title

    def test_reveal_page(self, browser: WebDriver, shares: dict[str, str]) -> None:
        violations = axe_violations_after_click(shares["open"], REVEAL_BUTTON, driver=browser)
        assert violations == [], format_violations(violations)
        assert "Digital micro-credential creation" in browser.page_source
        assert "Verification" in browser.page_source
        assert "Skills profile" in browser.page_source

    def test_landing_page_for_a_named_recipient(self, browser: WebDriver, shares: dict[str, str]) -> None:
        violations = axe_violations(shares["email"], driver=browser)
        assert violations == [], format_violations(violations)
        assert browser.find_element("css selector", "label[for=code]").text

    def test_wrong_code_page(self, browser: WebDriver, shares: dict[str, str]) -> None:
        violations = axe_violations_after_click(
            shares["email"], REVEAL_BUTTON, fill={"#code": "00000000"}, status=403, driver=browser
        )
        assert violations == [], format_violations(violations)

    def test_revoked_and_unknown_link_pages(self, browser: WebDriver, shares: dict[str, str], live_server: str) -> None:
        gone = axe_violations(shares["revoked"], status=410, driver=browser)
        assert gone == [], format_violations(gone)
        assert "no longer active" in browser.page_source
        unknown = axe_violations(f"{live_server}/s/{'A' * 43}", status=404, driver=browser)
        assert unknown == [], format_violations(unknown)


@pytest.fixture(scope="module", params=["ar", "fr"])
def browser_in(request: pytest.FixtureRequest, browser: WebDriver) -> Iterator[tuple[str, WebDriver]]:
    """A browser that asks for Arabic (right to left) or French (a left-to-right language other than English)."""
    language: str = request.param
    with chromium(accept_language=language) as driver:
        yield language, driver


class TestSharePagesInOtherLanguages:
    def test_landing_page(self, browser_in: tuple[str, WebDriver], shares: dict[str, str]) -> None:
        language, driver = browser_in
        violations = axe_violations(shares["open"], driver=driver)
        assert violations == [], format_violations(violations)
        root = driver.find_element("css selector", "html")
        assert root.get_attribute("lang") == language
        assert root.get_attribute("dir") == ("rtl" if language == "ar" else "ltr")
        main = driver.find_element("css selector", "main")
        expected = "rtl" if language == "ar" else "ltr"
        assert driver.execute_script("return getComputedStyle(arguments[0]).direction", main) == expected
        assert "shared 2 credentials" not in driver.title  # translated, not English

    def test_reveal_page(self, browser_in: tuple[str, WebDriver], shares: dict[str, str]) -> None:
        language, driver = browser_in
        violations = axe_violations_after_click(shares["open"], REVEAL_BUTTON, driver=driver)
        assert violations == [], format_violations(violations)
        assert driver.find_element("css selector", "html").get_attribute("dir") == (
            "rtl" if language == "ar" else "ltr"
        )
        # Each check shows its plain-language explanation next to the technical term.
        explanations = driver.find_elements("css selector", "tbody th .explain")
        assert len(explanations) == 14 and all(element.text for element in explanations)  # 7 checks, 2 credentials
        if language == "ar":
            # Table cells start on the right: the layout mirrors (CSS logical properties).
            cell = driver.find_element("css selector", "tbody td")
            assert driver.execute_script("return getComputedStyle(arguments[0]).textAlign", cell) in {"start", "right"}

    def test_named_recipient_and_gone_pages(
        self, browser_in: tuple[str, WebDriver], shares: dict[str, str], live_server: str
    ) -> None:
        _, driver = browser_in
        violations = axe_violations(shares["email"], driver=driver)
        assert violations == [], format_violations(violations)
        gone = axe_violations(shares["revoked"], status=410, driver=driver)
        assert gone == [], format_violations(gone)
        unknown = axe_violations(f"{live_server}/s/{'A' * 43}", status=404, driver=driver)
        assert unknown == [], format_violations(unknown)
