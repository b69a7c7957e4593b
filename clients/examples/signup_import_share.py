"""A learner's first steps with the generated Python client: sign up, import a credential, share it.

    PYTHONPATH=clients/python python clients/examples/signup_import_share.py \\
        --base-url http://127.0.0.1:8000 --file tests/data/ob3-simple.json

Each step uses `passerelle_client` (generated from openapi/openapi.json by `make clients`) and stops with the
problem document if the service refuses: 1) create a learner account, 2) get an access token with the password
grant, 3) upload the credential (its exact bytes, as a multipart file with its media type), 4) share its title,
issuer and levels for seven days, 5) open the link's landing page as the receiver would, without an account.
The last line printed is the share link.
"""

from __future__ import annotations

import argparse
import io
import mimetypes
import secrets
import sys
from pathlib import Path
from typing import Any, NoReturn, TypeVar
from urllib.parse import urlsplit

from passerelle_client import AuthenticatedClient, Client
from passerelle_client.api.auth import issue_token, sign_up
from passerelle_client.api.share_pages import open_share
from passerelle_client.api.sharing import create_share
from passerelle_client.api.wallet import import_credential
from passerelle_client.models import (
    BodyIssueToken,
    BodyIssueTokenGrantType,
    CredentialPublic,
    ImportCredentialFilesBody,
    OpenShareShareLanding,
    Problem,
    ShareCreate,
    ShareCreated,
    ShareItemCreate,
    ShareItemCreateFieldsItem,
    SignupRequest,
    TokenResponse,
    UserPublic,
)
from passerelle_client.types import UNSET, File, Response

# Media types the service takes for credential files, by extension; anything else goes as JSON and is sniffed.
MEDIA_TYPES = {".jsonld": "application/ld+json", ".jwt": "application/jwt", ".xml": "application/xml"}
Expected = TypeVar("Expected")


def fail(step: str, response: Response[Any]) -> NoReturn:
    problem = response.parsed
    detail = problem.detail if isinstance(problem, Problem) else response.content.decode("utf-8", "replace")
    sys.exit(f"{step} failed: HTTP {response.status_code.value}: {detail}")


def expect(step: str, response: Response[Any], kind: type[Expected]) -> Expected:
    """The parsed answer when it is the documented success, else stop with the problem's detail."""
    if not isinstance(response.parsed, kind):
        fail(step, response)
    return response.parsed


def media_type(path: Path) -> str:
    return MEDIA_TYPES.get(path.suffix) or mimetypes.guess_type(path.name)[0] or "application/json"


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description="Sign up, import a credential, share it.")
    parser.add_argument("--base-url", required=True, help="the Passerelle API, e.g. http://127.0.0.1:8000")
    parser.add_argument("--file", type=Path, required=True, help="a credential file (JSON-LD, JWT, SD-JWT, XML)")
    parser.add_argument("--email", default=f"learner-{secrets.token_hex(4)}@example.org")
    parser.add_argument("--password", default=secrets.token_urlsafe(18))
    arguments = parser.parse_args(argv)

    with Client(base_url=arguments.base_url, raise_on_unexpected_status=True) as anonymous:
        signup = SignupRequest(email=arguments.email, password=arguments.password, display_name="Example Learner")
        user = expect("sign-up", sign_up.sync_detailed(client=anonymous, body=signup), UserPublic)
        print(f"1. signed up {user.email} (account {user.id})")

        grant = BodyIssueToken(
            grant_type=BodyIssueTokenGrantType.PASSWORD, username=arguments.email, password=arguments.password
        )
        token = expect("sign-in", issue_token.sync_detailed(client=anonymous, body=grant), TokenResponse)
        print(f"2. signed in (the access token lasts {token.expires_in} s)")

    with AuthenticatedClient(base_url=arguments.base_url, token=token.access_token) as learner:
        path: Path = arguments.file
        upload = ImportCredentialFilesBody(
            file=File(payload=io.BytesIO(path.read_bytes()), file_name=path.name, mime_type=media_type(path)),
            label="Imported by the client example",
        )
        credential = expect("import", import_credential.sync_detailed(client=learner, body=upload), CredentialPublic)
        title = credential.summary.title if credential.summary.title not in (None, UNSET) else "(untitled)"
        print(f"3. imported {path.name} as {credential.format_.value}: {title} (credential {credential.id})")

        fields = [ShareItemCreateFieldsItem.TITLE, ShareItemCreateFieldsItem.ISSUER, ShareItemCreateFieldsItem.LEVELS]
        request = ShareCreate(
            items=[ShareItemCreate(credential_id=credential.id, fields=fields)],
            purpose="Application for the master's programme",
            expires_in_days=7,
        )
        share = expect("share", create_share.sync_detailed(client=learner, body=request), ShareCreated)
        print(f"4. shared {', '.join(field.value for field in fields)} until {share.expires_at:%Y-%m-%d}")

    # The receiver needs no account: the link's last path segment is the token. The landing page changes nothing.
    with Client(base_url=arguments.base_url, headers={"Accept": "application/json"}) as receiver:
        link_token = urlsplit(share.url).path.rsplit("/", 1)[-1]
        landing = expect("open the link", open_share.sync_detailed(link_token, client=receiver), OpenShareShareLanding)
        print(f"5. the receiver sees: {landing.shared_by} shares {', '.join(landing.credentials)} — {landing.purpose}")
    print(share.url)
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
