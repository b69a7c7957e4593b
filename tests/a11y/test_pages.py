"""The accessibility harness itself, on pages whose defects are known: it must find them, and find nothing on a
correct page. The service's own pages are checked in the other modules of this package."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import httpx
import pytest
from selenium.webdriver.chrome.webdriver import WebDriver

from tests.a11y.harness import (
    UnexpectedPageError,
    Violation,
    axe_violations,
    axe_violations_after_click,
    format_violations,
)
from tests.servers import LOOPBACK

PIXEL = "data:image/gif;base64,R0lGODlhAQABAIAAAP///wAAACH5BAEAAAAALAAAAAABAAEAAAICRAEAOw=="
# What a server-rendered page can send: no script, no inline style, forms posting to itself only.
STRICT_POLICY = "default-src 'none'; img-src data:; form-action 'self'; base-uri 'none'; frame-ancestors 'none'"


def _page(title: str, body: str) -> bytes:
    return (
        f'<!doctype html><html lang="en"><head><meta charset="utf-8"><title>{title}</title></head>'
        f"<body><main><h1>{title}</h1>{body}</main></body></html>"
    ).encode()


# Three WCAG 2.1 AA defects: an image without a text alternative (1.1.1, level A), a text field without a label
# (1.3.1 / 4.1.2, level A), grey on white at 2.3:1 (1.4.3, level AA).
BROKEN = _page(
    "Broken",
    f'<img src="{PIXEL}"><form><input type="text" name="q"><button type="submit">Search</button></form>'
    '<p style="color: #aaa; background: #fff">Faint text</p>',
)
CORRECT = _page(
    "Correct",
    f'<img src="{PIXEL}" alt="Seal of the university">'
    '<form><label for="q">Search</label> <input id="q" type="text" name="q"><button type="submit">Search</button>'
    "</form><p>Readable text</p>",
)
LANDING = _page(
    "A shared credential",
    '<form method="post" action="/reveal"><button type="submit" id="reveal">Show the credential</button></form>'
    '<form method="post" action="/reveal-and-redirect"><button type="submit" id="redirect">Show it</button></form>'
    '<form method="post" action="/reveal"><label for="code">Code from the e-mail</label> '
    '<input id="code" name="code" required pattern="[0-9]{8}"><button type="submit" id="with-code">Open</button></form>',
)
REVEALED = _page("Bachelor of Science", f'<img src="{PIXEL}"><p>Awarded 2024.</p>')

Response = tuple[HTTPStatus, dict[str, str], bytes]
HTML = {"Content-Type": "text/html; charset=utf-8"}
ROUTES: dict[tuple[str, str], Response] = {
    ("GET", "/broken"): (HTTPStatus.OK, HTML, BROKEN),
    ("GET", "/correct"): (HTTPStatus.OK, {**HTML, "Content-Security-Policy": STRICT_POLICY}, CORRECT),
    ("GET", "/gone"): (HTTPStatus.GONE, HTML, CORRECT),
    ("GET", "/landing"): (HTTPStatus.OK, {**HTML, "Content-Security-Policy": STRICT_POLICY}, LANDING),
    ("POST", "/reveal"): (HTTPStatus.OK, HTML, REVEALED),
    ("POST", "/reveal-and-redirect"): (HTTPStatus.SEE_OTHER, {"Location": "/revealed"}, b""),
    ("GET", "/revealed"): (HTTPStatus.OK, HTML, REVEALED),
}


class _Pages(BaseHTTPRequestHandler):
    def do_GET(self) -> None:
        self._answer()

    def do_POST(self) -> None:
        self.rfile.read(int(self.headers.get("Content-Length") or 0))
        self._answer()

    def _answer(self) -> None:
        status, headers, body = ROUTES.get((self.command, self.path), (HTTPStatus.NOT_FOUND, HTML, b""))
        self.send_response(status)
        for name, value in {**headers, "Content-Length": str(len(body))}.items():
            self.send_header(name, value)
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002 - the base class's name
        pass


@pytest.fixture(scope="module")
def pages() -> Iterator[str]:
    server = ThreadingHTTPServer((LOOPBACK, 0), _Pages)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://{LOOPBACK}:{server.server_port}"
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)


def _ids(violations: list[Violation]) -> set[str]:
    return {violation["id"] for violation in violations}


class TestHarness:
    def test_finds_every_defect_of_a_broken_page(self, pages: str, browser: WebDriver) -> None:
        violations = axe_violations(f"{pages}/broken", driver=browser)

        assert _ids(violations) == {"image-alt", "label", "color-contrast"}, format_violations(violations)
        targets = {violation["id"]: [node["target"] for node in violation["nodes"]] for violation in violations}
        assert targets["image-alt"] == ["img"]
        assert targets["label"] == ["input"]

    def test_runs_only_the_rules_of_the_tags_asked_for(self, pages: str, browser: WebDriver) -> None:
        level_a = axe_violations(f"{pages}/broken", rules_tags=("wcag2a",), driver=browser)

        assert _ids(level_a) == {"image-alt", "label"}  # contrast is level AA

    def test_a_correct_page_under_a_strict_content_security_policy_has_no_violation(
        self, pages: str, browser: WebDriver
    ) -> None:
        violations = axe_violations(f"{pages}/correct", driver=browser)

        assert violations == [], format_violations(violations)

    def test_the_report_names_each_rule_element_and_fix(self, pages: str, browser: WebDriver) -> None:
        report = format_violations(axe_violations(f"{pages}/broken", driver=browser))

        assert report.startswith("3 axe-core rule(s) violated:")
        assert "- image-alt [critical] Images must have alternative text (https://dequeuniversity.com/" in report
        assert f'    at img: <img src="{PIXEL}">' in report
        assert "Element does not have an alt attribute" in report
        assert format_violations([]) == "no axe-core violations"

    @pytest.mark.parametrize("button", ["#reveal", "#redirect"], ids=["rendered-by-post", "post-redirect-get"])
    def test_checks_the_page_a_form_button_leads_to(self, pages: str, browser: WebDriver, button: str) -> None:
        assert axe_violations(f"{pages}/landing", driver=browser) == []

        violations = axe_violations_after_click(f"{pages}/landing", button, driver=browser)

        assert browser.title == "Bachelor of Science"
        assert _ids(violations) == {"image-alt"}, format_violations(violations)

    def test_fills_a_required_field_before_the_click(self, pages: str, browser: WebDriver) -> None:
        violations = axe_violations_after_click(
            f"{pages}/landing", "#with-code", fill={"#code": "12345678"}, driver=browser
        )

        assert browser.title == "Bachelor of Science"
        assert _ids(violations) == {"image-alt"}, format_violations(violations)

    def test_refuses_a_page_answered_with_another_status(self, pages: str, browser: WebDriver) -> None:
        with pytest.raises(UnexpectedPageError, match="/gone: expected an HTML page answered with 200, got text/html"):
            axe_violations(f"{pages}/gone", driver=browser)

        assert axe_violations(f"{pages}/gone", status=410, driver=browser) == []

    def test_a_click_that_fails_is_not_checked(self, pages: str, browser: WebDriver) -> None:
        with pytest.raises(UnexpectedPageError, match="/missing: expected an HTML page answered with 200-299"):
            axe_violations_after_click(f"{pages}/missing", "#reveal", driver=browser)


class TestLiveServer:
    def test_serves_the_service_and_the_harness_refuses_its_json(self, browser: WebDriver, live_server: str) -> None:
        ready = httpx.get(f"{live_server}/readyz")
        assert ready.status_code == 200, ready.text

        with pytest.raises(UnexpectedPageError, match="got application/json answered with 200"):
            axe_violations(f"{live_server}/readyz", driver=browser)
