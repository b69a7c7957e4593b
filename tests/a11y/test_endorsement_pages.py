"""The endorsement pages in real headless Chromium: 0 axe-core violations (WCAG 2.1 A and AA rules)."""

from __future__ import annotations

import httpx
import pytest
from selenium.webdriver.chrome.webdriver import WebDriver

from tests.a11y.harness import axe_violations, axe_violations_after_click, format_violations
from tests.factories import PASSWORD

SUBMIT = "form button[type=submit]"


@pytest.fixture(scope="module")
def links(live_server: str) -> dict[str, str]:
    """A learner on the live server with a self-recorded learning entry and two endorsement links: one to open and
    confirm (a space ticks the checkbox), one withdrawn."""
    with httpx.Client(base_url=live_server, timeout=30) as http:
        email = "a11y-endorse@example.org"
        signup = {"email": email, "password": PASSWORD, "display_name": "Zoë Łukasiewicz"}
        assert http.post("/v1/auth/signup", json=signup).status_code == 201
        token = http.post(
            "/v1/auth/token", data={"grant_type": "password", "username": email, "password": PASSWORD}
        ).json()["access_token"]
        headers = {"Authorization": f"Bearer {token}"}
        entry = http.post(
            "/v1/wallet/learning",
            json={
                "kind": "non_formal",
                "title": "First-aid training for youth workers",
                "description": "Two weekends of practice with a certified trainer.",
                "started_on": "2025-03-01",
                "ended_on": "2025-03-09",
                "organisation": "Croix-Rouge française",
                "place": "Marseille",
                "hours": 24,
                "learning_outcomes": [{"text": "Give first aid to a child"}, {"text": "Lead an evacuation drill"}],
            },
            headers=headers,
        )
        assert entry.status_code == 201, entry.text
        path = f"/v1/wallet/learning/{entry.json()['id']}/endorsement-requests"

        def link() -> dict[str, str]:
            response = http.post(
                path,
                json={"endorser": {"name": "Jean Dupont", "organisation": "Croix-Rouge"}, "message": "Merci !"},
                headers=headers,
            )
            assert response.status_code == 201, response.text
            created: dict[str, str] = response.json()
            return created

        confirm, withdrawn = link(), link()
        assert http.post(f"{path}/{withdrawn['id']}/withdraw", headers=headers).status_code == 200
        return {"confirm": confirm["url"], "withdrawn": withdrawn["url"]}


class TestEndorsementPages:
    def test_endorsement_page(self, browser: WebDriver, links: dict[str, str]) -> None:
        violations = axe_violations(links["confirm"], driver=browser)
        assert violations == [], format_violations(violations)
        assert "asks you to endorse" in browser.title

    def test_thank_you_page(self, browser: WebDriver, links: dict[str, str]) -> None:
        violations = axe_violations_after_click(
            links["confirm"], SUBMIT, fill={"#role": "Trainer", "#accurate": " "}, driver=browser
        )
        assert violations == [], format_violations(violations)
        assert "Thank you" in browser.title

    def test_used_withdrawn_and_unknown_link_pages(
        self, browser: WebDriver, links: dict[str, str], live_server: str
    ) -> None:
        used = axe_violations(links["confirm"], status=410, driver=browser)
        assert used == [], format_violations(used)
        withdrawn = axe_violations(links["withdrawn"], status=410, driver=browser)
        assert withdrawn == [], format_violations(withdrawn)
        unknown = axe_violations(f"{live_server}/endorse/{'A' * 43}", status=404, driver=browser)
        assert unknown == [], format_violations(unknown)
