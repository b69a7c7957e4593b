"""The baseline: a bare FastAPI app answering one path with a fixed document (JSON unless told otherwise).

It stands for the floor of what one uvicorn worker can do on this machine with this framework: no database, no
authentication, no middleware, no serialisation. The harness serves it with
`uvicorn bench.baseline:create_app --factory` and names the body's file in `BENCH_BASELINE_BODY_FILE`; the
body is the bytes of the service's real answer, so both send the same amount of JSON. The path is the credential
read's unless `BENCH_BASELINE_PATH` names another one (a fixed path; its query string, if any, is ignored). A
fixed path answers the method in `BENCH_BASELINE_METHOD` (GET unless set; POST for the share reveal) with the
media type in `BENCH_BASELINE_MEDIA_TYPE` (application/json unless set; text/html for a share's page).
"""

from __future__ import annotations

import os
from pathlib import Path

from fastapi import FastAPI, Response

BODY_FILE_ENV = "BENCH_BASELINE_BODY_FILE"
PATH_ENV = "BENCH_BASELINE_PATH"
METHOD_ENV = "BENCH_BASELINE_METHOD"
MEDIA_TYPE_ENV = "BENCH_BASELINE_MEDIA_TYPE"
CREDENTIAL_PATH = "/v1/wallet/credentials/{credential_id}"


def create_app(
    body: bytes | None = None, path: str | None = None, method: str | None = None, media_type: str | None = None
) -> FastAPI:
    """The app; without `body`, the bytes of the file named in `BENCH_BASELINE_BODY_FILE`; without `path`, the one
    in `BENCH_BASELINE_PATH`, else the credential read's; `method` and `media_type` likewise (a fixed path only)."""
    if body is None:
        body_file = os.environ.get(BODY_FILE_ENV)
        if not body_file:
            raise RuntimeError(f"{BODY_FILE_ENV} must name the file holding the response body")
        body = Path(body_file).read_bytes()
    document = body
    route = path or os.environ.get(PATH_ENV) or CREDENTIAL_PATH
    verb = (method or os.environ.get(METHOD_ENV) or "GET").upper()
    content_type = media_type or os.environ.get(MEDIA_TYPE_ENV) or "application/json"
    app = FastAPI(title="Passerelle benchmark baseline", docs_url=None, redoc_url=None, openapi_url=None)

    if route == CREDENTIAL_PATH:

        @app.get(CREDENTIAL_PATH)
        async def get_credential(credential_id: str) -> Response:
            return Response(document, media_type="application/json")

    else:

        @app.api_route(route, methods=[verb])
        async def fixed() -> Response:
            return Response(document, media_type=content_type)

    return app
