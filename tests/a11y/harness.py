"""Accessibility checks in a real browser: axe-core injected into headless Chromium, driven through ChromeDriver.

`make a11y-deps` installs what this needs: Debian's `chromium` and `chromium-driver` (/usr/bin/chromium,
/usr/bin/chromedriver) and axe-core, pinned by `package-lock.json` beside this file, into `node_modules/`.

Every check first makes sure the page it analyses is the one the test meant: an HTML document answered with the
expected status. Without that, a mistyped URL would show Chromium a JSON 404, and axe finds nothing wrong with it.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from functools import cache
from pathlib import Path
from typing import Any, TypedDict, cast

from selenium import webdriver
from selenium.common.exceptions import StaleElementReferenceException, WebDriverException
from selenium.webdriver.chrome.options import Options
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.chrome.webdriver import WebDriver
from selenium.webdriver.common.by import By
from selenium.webdriver.remote.webelement import WebElement
from selenium.webdriver.support.wait import WebDriverWait

CHROMIUM = Path("/usr/bin/chromium")
CHROMEDRIVER = Path("/usr/bin/chromedriver")
AXE_SCRIPT = Path(__file__).parent / "node_modules" / "axe-core" / "axe.min.js"

# The rule tags of WCAG 2.0 and 2.1, levels A and AA (axe-core's tag names).
WCAG_21_AA: tuple[str, ...] = ("wcag2a", "wcag2aa", "wcag21a", "wcag21aa")

CHROMIUM_ARGUMENTS = ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage")
TIMEOUT_SECONDS = 30.0

# Runs in the page with the arguments (tags, callback): resolves to the violations only, trimmed to what a report
# needs; a nested target (inside an iframe or a shadow root) is a list of selectors, joined with " >>> ".
_RUN_AXE = """
const [tags, done] = arguments;
axe.run(document, {runOnly: {type: 'tag', values: tags}, resultTypes: ['violations']})
  .then(results => done({violations: results.violations.map(violation => ({
    id: violation.id,
    impact: violation.impact,
    help: violation.help,
    help_url: violation.helpUrl,
    nodes: violation.nodes.map(node => ({
      target: node.target.map(part => Array.isArray(part) ? part.join(' >>> ') : part).join(' '),
      html: node.html,
      failure_summary: node.failureSummary || '',
    })),
  }))}))
  .catch(error => done({error: String(error && error.stack || error)}));
"""

# The response to the navigation that produced the current document (responseStatus: Chromium 109 and later).
_DOCUMENT_STATE = """
const navigation = performance.getEntriesByType('navigation')[0];
return {status: navigation ? navigation.responseStatus : 0, type: document.contentType};
"""


class ViolatedNode(TypedDict):
    target: str
    html: str
    failure_summary: str


class Violation(TypedDict):
    id: str
    impact: str | None
    help: str
    help_url: str
    nodes: list[ViolatedNode]


class UnexpectedPageError(AssertionError):
    """The browser shows something other than the HTML page the check was asked about (status, type)."""


def missing_dependencies() -> list[str]:
    """What `make a11y-deps` should have installed and did not; empty when the harness can run."""
    return [str(path) for path in (CHROMIUM, CHROMEDRIVER, AXE_SCRIPT) if not path.is_file()]


@contextmanager
def chromium(*, accept_language: str | None = None) -> Iterator[WebDriver]:
    """A headless Chromium session, closed on exit. ChromeDriver is Debian's: nothing is downloaded.
    `accept_language` (e.g. "ar"): the languages the browser asks pages for, as a visitor's browser would."""
    options = Options()
    options.binary_location = str(CHROMIUM)
    for argument in (*CHROMIUM_ARGUMENTS, "--window-size=1280,1024"):
        options.add_argument(argument)
    if accept_language:
        options.add_argument(f"--lang={accept_language}")
        options.add_experimental_option("prefs", {"intl.accept_languages": accept_language})
    driver = webdriver.Chrome(options=options, service=Service(executable_path=str(CHROMEDRIVER)))
    try:
        driver.set_page_load_timeout(TIMEOUT_SECONDS)
        driver.set_script_timeout(TIMEOUT_SECONDS)
        yield driver
    finally:
        driver.quit()


@contextmanager
def _session(driver: WebDriver | None) -> Iterator[WebDriver]:
    if driver is not None:
        yield driver
        return
    with chromium() as fresh:
        yield fresh


def axe_violations(
    url: str, *, rules_tags: Sequence[str] = WCAG_21_AA, status: int = 200, driver: WebDriver | None = None
) -> list[Violation]:
    """Open `url` (GET) and return axe-core's violations of the rules tagged `rules_tags`.

    Raises `UnexpectedPageError` unless the page is an HTML document answered with `status`. Pass `driver` to reuse
    a browser (the `browser` fixture); without it a Chromium is started and closed for this one check.
    """
    with _session(driver) as browser:
        browser.get(url)
        return run_axe(browser, rules_tags=rules_tags, status=status)


def axe_violations_after_click(
    url: str,
    selector: str,
    *,
    fill: Mapping[str, str] | None = None,
    rules_tags: Sequence[str] = WCAG_21_AA,
    status: int = 200,
    driver: WebDriver | None = None,
) -> list[Violation]:
    """Open `url`, type into the fields of `fill` (CSS selector: text; e.g. a required code), click the element
    matching the CSS `selector` (a form's submit button: a POST-rendered page), wait for the new document, and
    return axe-core's violations on that one.

    The page at `url` must be a 2xx HTML document; the page after the click must be answered with `status` (after
    any redirect, e.g. 303 to a GET). A click that leaves the page in place (a required field left empty) times out.
    """
    with _session(driver) as browser:
        browser.get(url)
        _expect_html(browser, statuses=range(200, 300))
        for field, text in (fill or {}).items():
            browser.find_element(By.CSS_SELECTOR, field).send_keys(text)
        old_document = browser.find_element(By.TAG_NAME, "html")
        browser.find_element(By.CSS_SELECTOR, selector).click()
        wait = WebDriverWait(browser, TIMEOUT_SECONDS)
        wait.until(_replaced(old_document))
        wait.until(lambda current: current.execute_script("return document.readyState") == "complete")
        return run_axe(browser, rules_tags=rules_tags, status=status)


def _replaced(element: WebElement) -> Callable[[WebDriver], bool]:
    """Whether the document `element` belonged to has been replaced. Chromium answers a node of a document being
    torn down either as stale or with a generic inspector error ("Node with given id does not belong to the
    document"); both mean the navigation happened."""

    def check(_driver: WebDriver) -> bool:
        try:
            element.is_enabled()
        except (StaleElementReferenceException, WebDriverException):
            return True
        return False

    return check


def run_axe(driver: WebDriver, *, rules_tags: Sequence[str] = WCAG_21_AA, status: int = 200) -> list[Violation]:
    """Run axe-core on the document `driver` shows now (after checking it is HTML answered with `status`)."""
    _expect_html(driver, statuses=(status,))
    driver.execute_script(_axe_source())
    result = cast("dict[str, Any]", driver.execute_async_script(_RUN_AXE, list(rules_tags)))
    if "error" in result:
        raise RuntimeError(f"axe.run failed on {driver.current_url}: {result['error']}")
    return cast("list[Violation]", result["violations"])


def format_violations(violations: Iterable[Violation]) -> str:
    """A report for an assertion message: each rule with its help page, then each failing element and why."""
    violations = list(violations)
    if not violations:
        return "no axe-core violations"
    lines = [f"{len(violations)} axe-core rule(s) violated:"]
    for violation in violations:
        lines.append(f"- {violation['id']} [{violation['impact']}] {violation['help']} ({violation['help_url']})")
        for node in violation["nodes"]:
            lines.append(f"    at {node['target']}: {node['html']}")
            lines.extend(f"      {line}" for line in node["failure_summary"].splitlines() if line.strip())
    return "\n".join(lines)


def _expect_html(driver: WebDriver, *, statuses: Iterable[int]) -> None:
    state = cast("dict[str, Any]", driver.execute_script(_DOCUMENT_STATE))
    expected = list(statuses)
    if state["status"] not in expected or state["type"] not in {"text/html", "application/xhtml+xml"}:
        shown = f"{state['type']} answered with {state['status']}"
        wanted = f"{expected[0]}-{expected[-1]}" if len(expected) > 1 else str(expected[0])
        # current_url, not location.href: on Chromium's own error page the latter is chrome-error://chromewebdata/
        raise UnexpectedPageError(f"{driver.current_url}: expected an HTML page answered with {wanted}, got {shown}")


@cache
def _axe_source() -> str:
    return AXE_SCRIPT.read_text("utf-8")
