"""structlog JSON logs with a request id; secrets never reach a log line."""

from __future__ import annotations

import functools
import json
import logging
import re
import sys
import time
from collections.abc import MutableMapping
from datetime import UTC, datetime
from typing import Any, TextIO

import structlog

SECRET_KEYS = frozenset(
    {
        "password",
        "new_password",
        "token",
        "access_token",
        "refresh_token",
        "id_token",
        "client_secret",
        "secret",
        "authorization",
        "cookie",
        "set-cookie",
        "code",
        "otp",
        "passphrase",
        "private_key",
    }
)
REDACTED = "[redacted]"
_JWT_LIKE = re.compile(r"eyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]*\.?[A-Za-z0-9_~.-]*")


def _scrub(value: Any) -> Any:
    if isinstance(value, str):
        return _JWT_LIKE.sub(REDACTED, value) if "eyJ" in value else value
    if isinstance(value, dict):
        return {k: REDACTED if str(k).lower() in SECRET_KEYS else _scrub(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_scrub(v) for v in value]
    return value


def redact_secrets(_logger: Any, _method: str, event_dict: MutableMapping[str, Any]) -> MutableMapping[str, Any]:
    """Replace values of secret-named keys and anything shaped like a JWT."""
    for key in list(event_dict):
        if key.lower() in SECRET_KEYS:
            event_dict[key] = REDACTED
        else:
            event_dict[key] = _scrub(event_dict[key])
    return event_dict


@functools.lru_cache(maxsize=512)
def _quoted(route: str) -> str:
    """A route template as a JSON string (templates are few: each is quoted once)."""
    return json.dumps(route)


class AccessLog:
    """The one line per request, written without structlog's processor chain because it is on every request's
    path. Same JSON shape and stream as the other lines; its fields are fixed and safe (the route template,
    never the raw path, which can carry identifiers and share tokens)."""

    FLUSH_BYTES = 32 * 1024
    FLUSH_SECONDS = 0.5

    def __init__(self) -> None:
        self.enabled = True
        self.stream: TextIO = sys.stdout
        self._pending: list[str] = []
        self._pending_bytes = 0
        self._last_flush = time.monotonic()

    def write(self, *, request_id: str, method: str, route: str, status: int, duration_ms: float) -> None:
        """Queue one line; lines reach the stream in batches (one write per batch, not per request), at the
        latest half a second later (`api.app` also flushes on a timer and at shutdown)."""
        if not self.enabled:
            return
        timestamp = datetime.now(UTC).isoformat().replace("+00:00", "Z")
        # Formatted directly (the hot path): method and route come from the router, the request id matched
        # [A-Za-z0-9._-], so only the route is escaped, defensively.
        line = (
            f'{{"method": "{method}", "route": {_quoted(route)}, "status": {status}, '
            f'"duration_ms": {duration_ms}, "event": "http_request", "request_id": "{request_id}", '
            f'"level": "info", "timestamp": "{timestamp}"}}'
        )
        self._pending.append(line)
        self._pending_bytes += len(line) + 1
        if self._pending_bytes >= self.FLUSH_BYTES or time.monotonic() - self._last_flush >= self.FLUSH_SECONDS:
            self.flush()

    def flush(self) -> None:
        self._last_flush = time.monotonic()
        if not self._pending:
            return
        lines, self._pending, self._pending_bytes = self._pending, [], 0
        self.stream.write("\n".join(lines) + "\n")
        self.stream.flush()


access_log = AccessLog()


def configure(level: str = "INFO", *, json_output: bool = True) -> None:
    processors: list[Any] = [
        structlog.contextvars.merge_contextvars,
        structlog.processors.add_log_level,
        structlog.processors.TimeStamper(fmt="iso", utc=True),
        structlog.processors.format_exc_info,
        redact_secrets,
        structlog.processors.JSONRenderer() if json_output else structlog.dev.ConsoleRenderer(colors=False),
    ]
    structlog.configure(
        processors=processors,
        wrapper_class=structlog.make_filtering_bound_logger(logging.getLevelName(level.upper())),
        logger_factory=structlog.WriteLoggerFactory(file=sys.stdout),
        cache_logger_on_first_use=True,
    )
    logging.basicConfig(level=level.upper(), stream=sys.stdout, format="%(message)s")
    access_log.enabled = logging.getLevelName(level.upper()) <= logging.INFO
    access_log.stream = sys.stdout
    # uvicorn's own access log would print raw paths and query strings; ours is redacted.
    logging.getLogger("uvicorn.access").disabled = True
    logging.getLogger("alembic").setLevel(logging.WARNING)
    # httpx and httpcore log every outbound request's full URL at INFO (and more at DEBUG), query string included:
    # an OpenID4VCI offer reference carries a pre-authorized code there, a webhook URL may carry a secret. Those
    # lines bypass `redact_secrets`; what an outbound call did is logged by the caller, without the URL's secrets.
    for library in ("httpx", "httpcore"):
        logging.getLogger(library).setLevel(logging.WARNING)
