"""Mass assignment (OWASP API3, issue 10): a JSON body cannot set what the caller may not choose.

The sweep walks every operation the app publishes (so routes added later are covered without touching this file):
every JSON request body is a model that forbids unknown members (`additionalProperties: false`, all the way down),
and a body carrying protected fields the model does not declare — `owner_id`, `institution_id`, `verified`, `id`,
`created_at`, `version`, … — is answered 422 naming each of them. Targeted tests then check that such a request
changed nothing in the database.
"""

from __future__ import annotations

import uuid
from typing import Any

import httpx
import pytest
from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncConnection

from core.accounts.models import Role
from tests.factories import PASSWORD, Account, Institution, create_staff, import_file, onboard

PROTECTED_FIELDS: dict[str, Any] = {
    "id": "01900000-0000-7000-8000-000000000001",
    "owner_id": "01900000-0000-7000-8000-000000000002",
    "user_id": "01900000-0000-7000-8000-000000000003",
    "learner_id": "01900000-0000-7000-8000-000000000004",
    "institution_id": "01900000-0000-7000-8000-000000000005",
    "created_by": "01900000-0000-7000-8000-000000000006",
    "verified": True,
    "created_at": "2020-01-01T00:00:00Z",
    "updated_at": "2020-01-01T00:00:00Z",
    "version": 99,
    "role": "admin",
    "is_admin": True,
    "token_digest": "0" * 64,
    "view_count": 0,
    "revoked_at": None,
    "deleted_at": None,
}
"""Fields no client may set through a request body; each is sent wherever the body model does not declare it."""

OPEN_BY_STANDARD = {
    # RFC 6749 §3.2: the token endpoint MUST ignore unrecognised request parameters (a form, not JSON).
    "Body_issueToken",
    # RFC 7517 §5: members of a JWK Set that are not understood MUST be ignored; only `keys` is read and stored.
    "ClientKeySet",
}


def _schemas(document: dict[str, Any]) -> dict[str, Any]:
    schemas: dict[str, Any] = document["components"]["schemas"]
    return schemas


def _resolve(document: dict[str, Any], schema: dict[str, Any]) -> tuple[str | None, dict[str, Any]]:
    name = None
    while "$ref" in schema:
        name = schema["$ref"].rsplit("/", 1)[-1]
        schema = _schemas(document)[name]
    return name, schema


def _body_model(document: dict[str, Any], operation: dict[str, Any]) -> tuple[str, dict[str, Any]] | None:
    """The named model of an operation's JSON body (through `anyOf [model, null]` for optional bodies)."""
    content = operation.get("requestBody", {}).get("content", {})
    schema = content.get("application/json", {}).get("schema")
    if schema is None:
        return None
    options = schema.get("anyOf", [schema])
    for option in options:
        name, resolved = _resolve(document, option)
        if name is not None:
            return name, resolved
    return None


def _json_operations(document: dict[str, Any]) -> list[tuple[str, str, str, dict[str, Any], dict[str, Any]]]:
    found = []
    for path, operations in document["paths"].items():
        for method, operation in operations.items():
            if method not in {"post", "put", "patch"}:
                continue
            model = _body_model(document, operation)
            if model is not None:
                found.append((method.upper(), path, model[0], model[1], operation))
    return found


def _open_objects(document: dict[str, Any], schema: Any, seen: set[str], trail: tuple[str, ...]) -> list[str]:
    """Object schemas with declared properties that accept members they do not declare, reachable from `schema`."""
    if isinstance(schema, list):
        return [found for item in schema for found in _open_objects(document, item, seen, trail)]
    if not isinstance(schema, dict):
        return []
    if "$ref" in schema:
        name = schema["$ref"].rsplit("/", 1)[-1]
        if name in seen or name in OPEN_BY_STANDARD:
            return []
        seen.add(name)
        return _open_objects(document, _schemas(document)[name], seen, (*trail, name))
    found = []
    if "properties" in schema and schema.get("additionalProperties") is not False:
        found.append(" → ".join(trail) or "inline schema")
    for key, value in schema.items():
        if key == "properties":
            found.extend(f for item in value.values() for f in _open_objects(document, item, seen, trail))
        elif isinstance(value, dict | list):
            found.extend(_open_objects(document, value, seen, trail))
    return found


def _placeholder(parameter: dict[str, Any]) -> str:
    schema = parameter.get("schema", {})
    if "enum" in schema:
        return str(schema["enum"][0])
    if schema.get("format") == "uuid":
        return str(uuid.uuid4())
    if schema.get("type") == "integer":
        return "1"
    return "A" * 43  # the shape of a link token


def _url(path: str, operation: dict[str, Any]) -> str:
    for parameter in operation.get("parameters", []):
        if parameter.get("in") == "path":
            path = path.replace("{" + parameter["name"] + "}", _placeholder(parameter))
    return path


async def _callers(
    client: httpx.AsyncClient, connection: AsyncConnection, learner: Account, admin: Account
) -> dict[str, dict[str, str]]:
    """Headers for one caller of each kind: learner, officer, admin, institution client, and nobody."""
    officer = await create_staff(client, connection, email="officer@example.org", role=Role.OFFICER)
    institution = await onboard(client, admin, "Universiteit Leiden")
    return {
        "learner": learner.headers,
        "officer": officer.headers,
        "admin": admin.headers,
        "institution": institution.headers("mass-assignment-sweep"),
        "anonymous": {},
    }


@pytest.fixture
async def callers(
    client: httpx.AsyncClient, connection: AsyncConnection, learner: Account, admin: Account
) -> dict[str, dict[str, str]]:
    return await _callers(client, connection, learner, admin)


def _document(client: httpx.AsyncClient) -> dict[str, Any]:
    app = client.app  # type: ignore[attr-defined]
    document: dict[str, Any] = app.openapi()
    return document


class TestRequestModels:
    async def test_every_json_request_body_forbids_unknown_members_all_the_way_down(
        self, client: httpx.AsyncClient
    ) -> None:
        document = _document(client)
        operations = _json_operations(document)
        assert len(operations) >= 30  # the walk found the API, not an empty document
        open_models = {
            f"{method} {path}: {found}"
            for method, path, name, _, _ in operations
            if name not in OPEN_BY_STANDARD
            for found in _open_objects(document, {"$ref": f"#/components/schemas/{name}"}, set(), ())
        }
        assert open_models == set()


class TestProtectedFieldsSweep:
    async def test_every_create_and_update_refuses_protected_fields_by_name(
        self, client: httpx.AsyncClient, callers: dict[str, dict[str, str]]
    ) -> None:
        document = _document(client)
        checked = 0
        for method, path, _, schema, operation in _json_operations(document):
            declared = set(schema.get("properties", {}))
            undeclared = {name: value for name, value in PROTECTED_FIELDS.items() if name not in declared}
            url = _url(path, operation)
            refused: dict[str, set[str]] = {}
            for role, headers in callers.items():
                response = await client.request(method, url, json=undeclared, headers=headers)
                if response.status_code in (401, 403):
                    continue  # not this role's operation: its authentication runs before the body is read
                assert response.status_code == 422, (method, path, role, response.status_code, response.text)
                refused[role] = {
                    str(error["location"][-1])
                    for error in response.json()["errors"]
                    if error["type"] == "extra_forbidden" and error["location"][0] == "body"
                }
                break
            assert refused, f"{method} {path}: no caller got past authentication"
            (named,) = refused.values()
            assert named == set(undeclared), (method, path, set(undeclared) - named)
            checked += 1
        assert checked >= 30


# --- nothing changed ----------------------------------------------------------------------------------------------


async def _count(connection: AsyncConnection, table: str) -> int:
    value = await connection.scalar(text(f"SELECT count(*) FROM {table}"))  # noqa: S608 - fixed table names
    return int(value or 0)


class TestNothingChanges:
    async def test_signing_up_as_an_admin_or_with_a_chosen_id_creates_no_account(
        self, client: httpx.AsyncClient, connection: AsyncConnection
    ) -> None:
        before = await _count(connection, "users")
        extras: tuple[dict[str, Any], ...] = (
            {"role": "admin"},
            {"id": PROTECTED_FIELDS["id"]},
            {"verified": True},
            {"disabled_at": None},
        )
        for extra in extras:
            response = await client.post(
                "/v1/auth/signup",
                json={"email": "mallory@example.org", "password": PASSWORD, "display_name": "Mallory", **extra},
            )
            assert response.status_code == 422, response.text
            assert response.json()["errors"][0]["type"] == "extra_forbidden"
        assert await _count(connection, "users") == before
        count = await connection.scalar(text("SELECT count(*) FROM users WHERE email = 'mallory@example.org'"))
        assert count == 0

    async def test_a_credential_cannot_be_moved_to_another_wallet_or_marked_verified(
        self, client: httpx.AsyncClient, learner: Account, other_learner: Account
    ) -> None:
        imported = await import_file(client, learner, "ob3-simple.json", "application/ld+json")
        assert imported.status_code == 201, imported.text
        credential = imported.json()
        url = f"/v1/wallet/credentials/{credential['id']}"
        etag = (await client.get(url, headers=learner.headers)).headers.get("ETag", "*")
        for extra in ({"owner_id": other_learner.id}, {"verified": True}, {"format": "edc"}, {"sha256": "0" * 64}):
            response = await client.patch(
                url, json={"label": "Mine", **extra}, headers={**learner.headers, "If-Match": etag}
            )
            assert response.status_code == 422, response.text
        after = await client.get(url, headers=learner.headers)
        assert after.status_code == 200
        assert {k: after.json()[k] for k in ("label", "format", "sha256")} == {
            k: credential[k] for k in ("label", "format", "sha256")
        }
        listing = await client.get("/v1/wallet/credentials", headers=other_learner.headers)
        assert listing.json()["items"] == []

    async def test_a_share_cannot_be_created_for_someone_else_or_with_its_counters_set(
        self, client: httpx.AsyncClient, connection: AsyncConnection, learner: Account, other_learner: Account
    ) -> None:
        imported = await import_file(client, learner, "ob3-simple.json", "application/ld+json")
        credential_id = imported.json()["id"]
        body = {"items": [{"credential_id": credential_id, "fields": ["title"]}], "purpose": "Job application"}
        valid = await client.post("/v1/wallet/shares", json=body, headers=learner.headers)
        assert valid.status_code == 201, valid.text  # the body without the extras is acceptable
        before = await _count(connection, "shares")
        for extra in ({"owner_id": other_learner.id}, {"view_count": -100}, {"token_digest": "0" * 64}):
            response = await client.post("/v1/wallet/shares", json={**body, **extra}, headers=learner.headers)
            assert response.status_code == 422, response.text
        assert await _count(connection, "shares") == before
        share_id = valid.json()["id"]
        changes: tuple[dict[str, Any], ...] = ({"owner_id": other_learner.id}, {"views": 0}, {"revoked_at": None})
        for change in (*changes, {"purpose": "Other"}):
            response = await client.patch(
                f"/v1/wallet/shares/{share_id}", json={"max_views": 5, **change}, headers=learner.headers
            )
            assert response.status_code == 422, response.text
        after = (await client.get(f"/v1/wallet/shares/{share_id}", headers=learner.headers)).json()
        created = valid.json()
        assert {k: after[k] for k in ("purpose", "max_views", "version", "updated_at")} == {
            k: created[k] for k in ("purpose", "max_views", "version", "updated_at")
        }

    async def test_an_institution_cannot_register_a_webhook_for_another_institution(
        self, client: httpx.AsyncClient, connection: AsyncConnection, admin: Account
    ) -> None:
        leiden: Institution = await onboard(client, admin, "Universiteit Leiden")
        other: Institution = await onboard(client, admin, "Universidade de Lisboa", erasmus_code="P LISBOA109")
        before = await _count(connection, "webhook_endpoints")
        response = await client.post(
            "/v1/institutions/webhooks",
            json={"url": "https://hooks.example.org/passerelle", "institution_id": other.id},
            headers=leiden.headers(),
        )
        assert response.status_code == 422, response.text
        assert await _count(connection, "webhook_endpoints") == before
