"""A webhook receiver for tests, run as a process of its own: `python -m tests.wallet.webhook_receiver PORT`.

- `POST <any path>` is recorded (path, headers, body) and answered with the next answer queued for that path, or
  204 when none is queued.
- `POST /_answers` `{"path": "/x", "answers": [{"status": 500}, {"status": 503, "headers": {"Retry-After": "60"}},
  {"status": 200, "delay": 2}]}` queues answers for a path (`delay`: seconds to wait before answering).
- `GET /_requests` answers every recorded request as JSON, bodies in base64, oldest first.
"""

from __future__ import annotations

import base64
import json
import sys
import threading
import time
from collections import defaultdict, deque
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

LOCK = threading.Lock()
RECORDED: list[dict[str, Any]] = []
ANSWERS: defaultdict[str, deque[dict[str, Any]]] = defaultdict(deque)


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def log_message(self, format: str, *args: Any) -> None:  # noqa: A002 - the standard library's name
        pass

    def _answer(self, status: int, body: bytes = b"", headers: dict[str, str] | None = None) -> None:
        self.send_response(status)
        for name, value in (headers or {}).items():
            self.send_header(name, value)
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Content-Type", "application/json")
        self.end_headers()
        self.wfile.write(body)

    def do_GET(self) -> None:
        if self.path != "/_requests":
            self._answer(404)
            return
        with LOCK:
            body = json.dumps(RECORDED).encode()
        self._answer(200, body)

    def do_POST(self) -> None:
        body = self.rfile.read(int(self.headers.get("Content-Length", "0")))
        if self.path == "/_answers":
            order = json.loads(body)
            with LOCK:
                ANSWERS[order["path"]].extend(order["answers"])
            self._answer(204)
            return
        with LOCK:
            RECORDED.append(
                {
                    "path": self.path,
                    "headers": [[name, value] for name, value in self.headers.items()],
                    "body": base64.b64encode(body).decode("ascii"),
                }
            )
            queued = ANSWERS[self.path]
            answer: dict[str, Any] = queued.popleft() if queued else {"status": 204}
        if answer.get("delay"):
            time.sleep(float(answer["delay"]))
        self._answer(int(answer["status"]), headers=answer.get("headers"))


class Server(ThreadingHTTPServer):
    # socketserver's listen backlog is 5: dozens of deliveries connecting at once (concurrent dispatcher rounds)
    # would overflow it on a busy machine, and the kernel drops or resets the connections beyond it.
    request_queue_size = 128


def main() -> None:
    server = Server(("127.0.0.1", int(sys.argv[1])), Handler)
    server.daemon_threads = True
    server.serve_forever()


if __name__ == "__main__":
    main()
