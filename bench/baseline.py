"""The baseline: a bare FastAPI app answering the credential read path with a fixed JSON document.

It stands for the floor of what one uvicorn worker can do on this machine with this framework: no database, no
authentication, no middleware, no serialisation. The harness serves it with
`uvicorn bench.baseline:create_app --factory` and names the body's file in `BENCH_BASELINE_BODY_FILE`; the
body is the bytes of the service's real answer, so both send the same amount of JSON.
"""

from __future__ import annotations

import os
from pathlib import Path

from fastapi import FastAPI, Response

BODY_FILE_ENV = "BENCH_BASELINE_BODY_FILE"


def create_app(body: bytes | None = None) -> FastAPI:
    """The app; without `body`, the bytes of the file named in `BENCH_BASELINE_BODY_FILE`."""
    if body is None:
        path = os.environ.get(BODY_FILE_ENV)
        if not path:
            raise RuntimeError(f"{BODY_FILE_ENV} must name the file holding the response body")
        body = Path(path).read_bytes()
    document = body
    app = FastAPI(title="Passerelle benchmark baseline", docs_url=None, redoc_url=None, openapi_url=None)

    @app.get("/v1/wallet/credentials/{credential_id}")
    async def get_credential(credential_id: str) -> Response:
        return Response(document, media_type="application/json")

    return app
