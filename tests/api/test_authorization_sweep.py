"""Authorization sweep (OWASP API1 and API5, issue 10): every route declares who may call it, every other kind of
caller is refused, and no principal reaches another principal's objects.

- `ROUTE_ROLES` names the roles of every route the app serves; a route missing from it (a new one) fails the test
  until someone decides who may call it. Where a route declares its roles through its security dependency
  (`api.deps.BearerPrincipal`), the table must say the same; its OpenAPI operation declares `security` exactly
  when the route is not public.
- Each route is called with a token of every role it does not admit and with no token: 401, 403 or 404, never 2xx
  (the path holds the ids of real objects, so a refusal is not a mere "not found").
- The BOLA matrix creates one object of every type as its owner and tries every operation on it as another
  principal of the same kind (another learner, an officer of another body, another institution): always 404, the
  object missing from their lists, and unchanged when its owner reads it again.
"""

from __future__ import annotations

import io
import zipfile
from collections.abc import Iterator
from typing import Any

import httpx
import pytest
from fastapi.dependencies.models import Dependant
from sqlalchemy.ext.asyncio import AsyncConnection

from api.deps import BearerPrincipal
from core.settings import Settings
from tests.api.principals import WEBHOOK_HOST, World, seed_world
from tests.factories import Account
from tests.test_project import api_routes

PUBLIC: frozenset[str] = frozenset({"anyone"})
LEARNER, OFFICER, INSTITUTION, ADMIN = "learner", "officer", "institution", "admin"
SIGNED_IN: frozenset[str] = frozenset({LEARNER, OFFICER, INSTITUTION, ADMIN})
CALLERS = (LEARNER, OFFICER, INSTITUTION, ADMIN, "nobody")
REFUSED = {401, 403, 404}

ROUTE_ROLES: dict[tuple[str, str], frozenset[str] | str] = {
    ("GET", "/v1/recognition/compare"): PUBLIC,
    ("POST", "/v1/wallet/credentials"): LEARNER,
    ("GET", "/v1/wallet/credentials"): LEARNER,
    ("GET", "/v1/wallet/credentials/{credential_id}"): LEARNER,
    ("GET", "/v1/wallet/credentials/{credential_id}/original"): LEARNER,
    ("PATCH", "/v1/wallet/credentials/{credential_id}"): LEARNER,
    ("DELETE", "/v1/wallet/credentials/{credential_id}"): LEARNER,
    ("GET", "/s/{token}"): PUBLIC,
    ("POST", "/s/{token}/code"): PUBLIC,
    ("POST", "/s/{token}/reveal"): PUBLIC,
    ("POST", "/s/{token}/download"): PUBLIC,
    ("POST", "/s/{token}/verify"): PUBLIC,
    ("POST", "/v1/wallet/shares:preview"): LEARNER,
    ("POST", "/v1/wallet/shares"): LEARNER,
    ("GET", "/v1/wallet/shares"): LEARNER,
    ("GET", "/v1/wallet/shares/{share_id}"): LEARNER,
    ("PATCH", "/v1/wallet/shares/{share_id}"): LEARNER,
    ("POST", "/v1/wallet/shares/{share_id}/revoke"): LEARNER,
    ("DELETE", "/v1/wallet/shares/{share_id}"): LEARNER,
    ("GET", "/v1/wallet/shares/{share_id}/events"): LEARNER,
    ("GET", "/v1/wallet/shares/{share_id}/qr"): LEARNER,
    ("GET", "/v1/wallet/skills"): LEARNER,
    ("POST", "/v1/auth/signup"): PUBLIC,
    ("POST", "/v1/auth/token"): PUBLIC,
    ("GET", "/v1/me"): SIGNED_IN,
    ("PATCH", "/v1/me"): SIGNED_IN,
    ("POST", "/v1/wallet/credentials/{credential_id}/verification"): LEARNER,
    ("GET", "/v1/wallet/credentials/{credential_id}/verification"): LEARNER,
    ("POST", "/v1/verify"): PUBLIC,
    ("POST", "/v1/admin/trust/certificates"): ADMIN,
    ("POST", "/v1/admin/trust/issuers"): ADMIN,
    ("GET", "/v1/admin/trust"): ADMIN,
    ("DELETE", "/v1/admin/trust/{entry_id}"): ADMIN,
    ("GET", "/v1/recognition/frameworks"): PUBLIC,
    ("GET", "/v1/recognition/frameworks/{framework}/levels"): PUBLIC,
    ("POST", "/v1/recognition/credits:convert"): SIGNED_IN,
    ("GET", "/v1/recognition/credit-rules"): SIGNED_IN,
    ("POST", "/v1/recognition/credit-rules"): frozenset({ADMIN, INSTITUTION}),
    ("DELETE", "/v1/recognition/credit-rules/{rule_id}"): frozenset({ADMIN, INSTITUTION}),
    ("POST", "/v1/recognition/grading-tables"): frozenset({ADMIN, INSTITUTION}),
    ("GET", "/v1/recognition/grading-tables"): SIGNED_IN,
    ("GET", "/v1/recognition/grading-tables/{table_id}"): SIGNED_IN,
    ("DELETE", "/v1/recognition/grading-tables/{table_id}"): frozenset({ADMIN, INSTITUTION}),
    ("POST", "/v1/recognition/grades:convert"): SIGNED_IN,
    ("POST", "/v1/recognition/completeness"): SIGNED_IN,
    ("GET", "/v1/wallet/credentials/{credential_id}/recognition"): LEARNER,
    ("POST", "/v1/recognition/stack"): SIGNED_IN,
    ("PATCH", "/v1/admin/recognition/levels/{level_id}"): ADMIN,
    ("PATCH", "/v1/admin/recognition/credit-rules/{rule_id}"): ADMIN,
    ("GET", "/v1/admin/recognition/changes"): ADMIN,
    ("POST", "/v1/recognition/requests"): LEARNER,
    ("GET", "/v1/recognition/requests"): LEARNER,
    ("GET", "/v1/recognition/requests/{case_id}"): LEARNER,
    ("POST", "/v1/recognition/requests/{case_id}/documents"): LEARNER,
    ("POST", "/v1/recognition/requests/{case_id}/withdraw"): LEARNER,
    ("POST", "/v1/recognition/requests/{case_id}/appeal"): LEARNER,
    ("GET", "/v1/recognition/requests/{case_id}/events"): LEARNER,
    ("GET", "/v1/recognition/cases"): OFFICER,
    ("GET", "/v1/recognition/cases/{case_id}"): OFFICER,
    ("GET", "/v1/recognition/cases/{case_id}/learning/{entry_id}/evidence/{evidence_id}"): OFFICER,
    ("POST", "/v1/recognition/cases/{case_id}/claim"): OFFICER,
    ("POST", "/v1/recognition/cases/{case_id}/notes"): OFFICER,
    ("POST", "/v1/recognition/cases/{case_id}/information-requests"): OFFICER,
    ("POST", "/v1/recognition/cases/{case_id}/interview"): OFFICER,
    ("GET", "/v1/recognition/cases/{case_id}/advice"): OFFICER,
    ("GET", "/v1/recognition/cases/{case_id}/precedents"): OFFICER,
    ("POST", "/v1/recognition/cases/{case_id}/decision"): OFFICER,
    ("GET", "/v1/recognition/cases/{case_id}/events"): OFFICER,
    ("GET", "/v1/bodies/{body_id}"): SIGNED_IN,
    ("GET", "/v1/bodies/{body_id}/qualifications"): SIGNED_IN,
    ("POST", "/v1/bodies/{body_id}/qualifications"): frozenset({ADMIN, OFFICER}),
    ("GET", "/v1/bodies/{body_id}/jwks.json"): PUBLIC,
    ("GET", "/v1/bodies/{body_id}/status-lists/{list_id}/{document}"): PUBLIC,
    ("GET", "/v1/wallet/inbox"): LEARNER,
    ("GET", "/v1/wallet/inbox/{item_id}"): LEARNER,
    ("POST", "/v1/wallet/inbox/{item_id}/accept"): LEARNER,
    ("POST", "/v1/wallet/inbox/{item_id}/decline"): LEARNER,
    ("POST", "/v1/wallet/inbox:collect"): LEARNER,
    ("POST", "/v1/wallet/inbox:claim"): LEARNER,
    ("POST", "/v1/institutions/credentials:batch"): INSTITUTION,
    ("GET", "/v1/institutions/deliveries/{item_id}"): INSTITUTION,
    ("GET", "/v1/institutions/events"): INSTITUTION,
    ("POST", "/v1/admin/institutions"): ADMIN,
    ("POST", "/v1/institutions/achievements"): INSTITUTION,
    ("GET", "/v1/institutions/achievements"): INSTITUTION,
    ("GET", "/v1/institutions/achievements/{achievement_id}"): INSTITUTION,
    ("POST", "/v1/institutions/achievements/{achievement_id}/archive"): INSTITUTION,
    ("POST", "/v1/institutions/achievements/{achievement_id}/issue"): INSTITUTION,
    ("GET", "/v1/institutions/issued/{issued_id}"): INSTITUTION,
    ("POST", "/v1/institutions/issued/{issued_id}/{action}"): INSTITUTION,
    ("POST", "/v1/institutions/keys:rotate"): INSTITUTION,
    ("GET", "/v1/institutions/{institution_id}/jwks.json"): PUBLIC,
    ("GET", "/v1/institutions/{institution_id}/status-lists/{list_id}/{document}"): PUBLIC,
    ("GET", "/v1/institutions/{institution_id}/oid4vci/offers/{offer_id}"): PUBLIC,
    ("POST", "/v1/institutions/{institution_id}/oid4vci/token"): PUBLIC,
    ("POST", "/v1/institutions/{institution_id}/oid4vci/nonce"): PUBLIC,
    ("POST", "/v1/institutions/{institution_id}/oid4vci/credential"): PUBLIC,
    ("GET", "/.well-known/openid-credential-issuer/v1/institutions/{institution_id}"): PUBLIC,
    ("GET", "/.well-known/oauth-authorization-server/v1/institutions/{institution_id}"): PUBLIC,
    ("GET", "/.well-known/jwt-vc-issuer/v1/institutions/{institution_id}"): PUBLIC,
    ("POST", "/v1/institutions/offers"): INSTITUTION,
    ("GET", "/v1/institutions/offers"): INSTITUTION,
    ("GET", "/v1/institutions/offers/{offer_id}"): INSTITUTION,
    ("PATCH", "/v1/institutions/offers/{offer_id}"): INSTITUTION,
    ("DELETE", "/v1/institutions/offers/{offer_id}"): INSTITUTION,
    ("GET", "/v1/offers"): PUBLIC,
    ("GET", "/v1/offers/{offer_id}"): PUBLIC,
    ("POST", "/v1/wallet/learning"): LEARNER,
    ("GET", "/v1/wallet/learning"): LEARNER,
    ("GET", "/v1/wallet/learning/{entry_id}"): LEARNER,
    ("PATCH", "/v1/wallet/learning/{entry_id}"): LEARNER,
    ("DELETE", "/v1/wallet/learning/{entry_id}"): LEARNER,
    ("POST", "/v1/wallet/learning/{entry_id}/evidence"): LEARNER,
    ("GET", "/v1/wallet/learning/{entry_id}/evidence/{evidence_id}"): LEARNER,
    ("DELETE", "/v1/wallet/learning/{entry_id}/evidence/{evidence_id}"): LEARNER,
    ("POST", "/v1/wallet/learning/{entry_id}/endorsement-requests"): LEARNER,
    ("GET", "/v1/wallet/learning/{entry_id}/endorsement-requests"): LEARNER,
    ("POST", "/v1/wallet/learning/{entry_id}/endorsement-requests/{request_id}/withdraw"): LEARNER,
    ("GET", "/v1/endorsements/{token}"): PUBLIC,
    ("POST", "/v1/endorsements/{token}"): PUBLIC,
    ("GET", "/endorse/{token}"): PUBLIC,
    ("POST", "/endorse/{token}"): PUBLIC,
    ("POST", "/v1/wallet/export"): LEARNER,
    ("GET", "/v1/wallet/consents"): LEARNER,
    ("GET", "/v1/wallet/consents/{consent_id}"): LEARNER,
    ("POST", "/v1/wallet/consents/{consent_id}:withdraw"): LEARNER,
    ("GET", "/v1/wallet/log"): LEARNER,
    ("POST", "/v1/wallet/import"): LEARNER,
    ("DELETE", "/v1/me"): LEARNER,
    ("POST", "/v1/institutions/webhooks"): INSTITUTION,
    ("GET", "/v1/institutions/webhooks"): INSTITUTION,
    ("DELETE", "/v1/institutions/webhooks/{endpoint_id}"): INSTITUTION,
    ("POST", "/v1/institutions/webhooks/{endpoint_id}/secret:rotate"): INSTITUTION,
    ("POST", "/v1/institutions/webhooks/{endpoint_id}:enable"): INSTITUTION,
    ("GET", "/v1/institutions/webhooks/deliveries"): INSTITUTION,
    ("POST", "/v1/institutions/webhooks/deliveries/{delivery_id}/redeliver"): INSTITUTION,
    ("POST", "/v1/admin/clients"): ADMIN,
    ("POST", "/v1/admin/bodies"): ADMIN,
    ("GET", "/v1/bodies"): SIGNED_IN,
    ("GET", "/healthz"): PUBLIC,
    ("GET", "/readyz"): PUBLIC,
    ("GET", "/metrics"): PUBLIC,
    ("GET", "/.well-known/jwks.json"): PUBLIC,
    ("GET", "/v1/statistics/uptake"): PUBLIC,
    ("GET", "/v1/statistics/uptake.svg"): PUBLIC,
}
"""Who may call each route: `PUBLIC` (no token needed), `SIGNED_IN` (any token), or the admitted roles."""


def _roles(entry: frozenset[str] | str) -> frozenset[str]:
    return frozenset({entry}) if isinstance(entry, str) else entry


def _security_dependencies(dependant: Dependant) -> Iterator[BearerPrincipal]:
    for dependency in dependant.dependencies:
        if isinstance(dependency.call, BearerPrincipal):
            yield dependency.call
        yield from _security_dependencies(dependency)


def _declared_roles(route: Any) -> frozenset[str] | None:
    """The roles a route admits according to its security dependency; `None` when it has none."""
    found = list(_security_dependencies(route.dependant))
    if not found:
        return None
    if any(not principal.roles for principal in found):
        return SIGNED_IN
    return frozenset(role.value for principal in found for role in principal.roles)


def _served_routes(app: Any) -> list[tuple[str, str, Any]]:
    return [
        (method, route.path, route) for route in api_routes(app.routes) for method in sorted(route.methods - {"HEAD"})
    ]


@pytest.fixture
def app_settings(settings: Settings) -> Settings:
    return settings.model_copy(update={"outbound_allowed_hosts": [WEBHOOK_HOST], "smtp_host": None})


@pytest.fixture
async def world(client: httpx.AsyncClient, connection: AsyncConnection, admin: Account) -> World:
    return await seed_world(client, connection, admin=admin)


class TestRouteTable:
    def test_every_route_is_in_the_table_and_declares_the_roles_it_lists(self, client: httpx.AsyncClient) -> None:
        app = client.app  # type: ignore[attr-defined]
        document = app.openapi()
        served = _served_routes(app)
        assert len(served) >= 140
        missing = sorted(f"{method} {path}" for method, path, _ in served if (method, path) not in ROUTE_ROLES)
        assert missing == [], "new routes: add them to ROUTE_ROLES with the roles they admit"
        stale = sorted(set(ROUTE_ROLES) - {(method, path) for method, path, _ in served})
        assert stale == []
        for method, path, route in served:
            expected = _roles(ROUTE_ROLES[method, path])
            declared = _declared_roles(route)
            operation = document["paths"][path][method.lower()]
            if expected == PUBLIC:
                assert declared is None, (method, path)
                assert not operation.get("security"), (method, path)
                continue
            assert operation.get("security") == [{"HTTPBearer": []}], (method, path)
            if declared is not None:
                assert declared == expected, (method, path, declared)

    def test_every_route_is_in_the_openapi_document(self, client: httpx.AsyncClient) -> None:
        app = client.app  # type: ignore[attr-defined]
        document = app.openapi()
        for method, path, route in _served_routes(app):
            assert route.include_in_schema, (method, path)
            assert method.lower() in document["paths"].get(path, {}), (method, path)


def _headers(world: World, caller: str) -> dict[str, str]:
    tokens = world.tokens()
    return {"Authorization": f"Bearer {tokens[caller]}"} if caller in tokens else {}


def _fill(path: str, world: World) -> str:
    """The path with the ids of the owners' real objects (a placeholder where no object has that name)."""
    values = {
        **world.institution.ids,
        **world.learner.ids,
        "body_id": world.officer.body_id,
        "token": world.learner.ids["share_token"],
        "action": "revoke",
        "framework": "EQF",
    }
    for name, value in values.items():
        path = path.replace("{" + name + "}", value)
    return path.replace("{", "").replace("}", "") if "{" in path else path


class TestFunctionLevelAuthorization:
    async def test_every_caller_a_route_does_not_admit_is_refused(
        self, client: httpx.AsyncClient, world: World
    ) -> None:
        app = client.app  # type: ignore[attr-defined]
        tried = 0
        admitted: list[str] = []
        for method, path, _ in _served_routes(app):
            roles = _roles(ROUTE_ROLES[method, path])
            if roles == PUBLIC:
                continue
            url = _fill(path, world)
            for caller in CALLERS:
                if caller in roles:
                    continue
                body: dict[str, Any] | None = {} if method in {"POST", "PUT", "PATCH"} else None
                response = await client.request(method, url, headers=_headers(world, caller), json=body)
                tried += 1
                if response.status_code not in REFUSED:
                    admitted.append(f"{caller}: {method} {path} -> {response.status_code}")
        assert admitted == [], "\n".join(admitted)
        assert tried >= 300


# --- BOLA -----------------------------------------------------------------------------------------------------------

LEARNING = "/v1/wallet/learning/{entry_id}"
CASE = "/v1/recognition/cases/{case_id}"
MINE = {"If-Match": "*"}  # conditional updates: a wildcard, so only ownership can refuse them

BOLA: dict[str, list[tuple[str, str, dict[str, Any]]]] = {
    # object type: (method, path, request options) — each tried by another principal of the owner's kind
    "credential": [
        ("GET", "/v1/wallet/credentials/{credential_id}", {}),
        ("GET", "/v1/wallet/credentials/{credential_id}/original", {}),
        ("PATCH", "/v1/wallet/credentials/{credential_id}", {"json": {"label": "Stolen"}, "headers": MINE}),
        ("POST", "/v1/wallet/credentials/{credential_id}/verification", {}),
        ("GET", "/v1/wallet/credentials/{credential_id}/verification", {}),
        ("GET", "/v1/wallet/credentials/{credential_id}/recognition", {}),
        ("DELETE", "/v1/wallet/credentials/{credential_id}", {"headers": MINE}),
    ],
    "share": [
        ("GET", "/v1/wallet/shares/{share_id}", {}),
        ("GET", "/v1/wallet/shares/{share_id}/qr", {"headers": {"Share-Token": "{share_token}"}}),
        ("PATCH", "/v1/wallet/shares/{share_id}", {"json": {"max_views": 1}, "headers": MINE}),
        ("POST", "/v1/wallet/shares/{share_id}/revoke", {}),
        ("DELETE", "/v1/wallet/shares/{share_id}", {}),
    ],
    "share access log": [("GET", "/v1/wallet/shares/{share_id}/events", {})],
    "inbox item": [
        ("GET", "/v1/wallet/inbox/{item_id}", {}),
        ("POST", "/v1/wallet/inbox/{item_id}/accept", {}),
        ("POST", "/v1/wallet/inbox/{item_id}/decline", {}),
    ],
    "recognition request": [
        ("GET", "/v1/recognition/requests/{case_id}", {}),
        ("GET", "/v1/recognition/requests/{case_id}/events", {}),
        (
            "POST",
            "/v1/recognition/requests/{case_id}/documents",
            {"json": {"items": [{"credential_id": "{credential_id}", "fields": ["title"]}]}},
        ),
        ("POST", "/v1/recognition/requests/{decided_case_id}/appeal", {"json": {"grounds": "Unfair."}}),
        ("POST", "/v1/recognition/requests/{case_id}/withdraw", {}),
    ],
    "learning entry": [
        ("GET", LEARNING, {}),
        ("PATCH", LEARNING, {"json": {"hours": 1}, "headers": MINE}),
        ("POST", LEARNING + "/evidence", {"files": {"file": ("x.pdf", b"%PDF-1.4\n%%EOF\n", "application/pdf")}}),
        ("DELETE", LEARNING, {"headers": MINE}),
    ],
    "learning evidence": [
        ("GET", LEARNING + "/evidence/{evidence_id}", {}),
        ("DELETE", LEARNING + "/evidence/{evidence_id}", {}),
    ],
    "endorsement request": [
        ("GET", LEARNING + "/endorsement-requests", {}),
        ("POST", LEARNING + "/endorsement-requests", {"json": {"endorser": {"name": "Mallory"}}}),
        ("POST", LEARNING + "/endorsement-requests/{request_id}/withdraw", {}),
    ],
    "recognition case": [
        ("GET", CASE, {}),
        ("GET", CASE + "/advice", {}),
        ("GET", CASE + "/precedents", {}),
        ("GET", CASE + "/events", {}),
        ("GET", CASE + "/learning/{entry_id}/evidence/{evidence_id}", {}),
        ("POST", CASE + "/notes", {"json": {"text": "Seen."}}),
        ("POST", CASE + "/information-requests", {"json": {"message": "Send more."}}),
        ("POST", CASE + "/interview", {"json": {"held_at": "2026-01-05T10:00:00Z", "summary": "Talked."}}),
        ("POST", CASE + "/claim", {}),
    ],
    "decision": [
        ("GET", "/v1/recognition/cases/{decided_case_id}", {}),
        (
            "POST",
            "/v1/recognition/cases/{decided_case_id}/decision",
            {"json": {"outcome": "full", "reasons": "Again."}},
        ),
        ("POST", "/v1/recognition/cases/{case_id}/decision", {"json": {"outcome": "full", "reasons": "Fine."}}),
    ],
    "institution delivery": [("GET", "/v1/institutions/deliveries/{item_id}", {})],
    "achievement": [
        ("GET", "/v1/institutions/achievements/{achievement_id}", {}),
        (
            "POST",
            "/v1/institutions/achievements/{achievement_id}/issue",
            {"json": {"items": [{"recipient": {"name": "Mallory", "email": "mallory@example.org"}}]}},
        ),
        ("POST", "/v1/institutions/achievements/{achievement_id}/archive", {}),
    ],
    "issued credential": [
        ("GET", "/v1/institutions/issued/{issued_id}", {}),
        ("POST", "/v1/institutions/issued/{issued_id}/revoke", {"json": {"reason": "Mine now"}}),
        ("POST", "/v1/institutions/issued/{issued_id}/suspend", {}),
    ],
    "offer": [
        ("GET", "/v1/institutions/offers/{offer_id}", {}),
        ("PATCH", "/v1/institutions/offers/{offer_id}", {"json": {"description": "Stolen"}, "headers": MINE}),
        ("DELETE", "/v1/institutions/offers/{offer_id}", {"headers": MINE}),
    ],
    "webhook endpoint": [
        ("POST", "/v1/institutions/webhooks/{endpoint_id}/secret:rotate", {}),
        ("POST", "/v1/institutions/webhooks/{endpoint_id}:enable", {}),
        ("DELETE", "/v1/institutions/webhooks/{endpoint_id}", {}),
    ],
}
OWNER_KIND = {
    "recognition case": "officer",
    "decision": "officer",
    "institution delivery": "institution",
    "achievement": "institution",
    "issued credential": "institution",
    "offer": "institution",
    "webhook endpoint": "institution",
}
"""The kind of principal owning each object type (the learner where not named)."""

OWNER_READS = {
    # what the owner reads again after the attempts, to see that nothing changed
    "learner": [
        "/v1/wallet/credentials/{credential_id}",
        "/v1/wallet/shares/{share_id}",
        "/v1/wallet/shares/{share_id}/events",
        "/v1/wallet/inbox/{item_id}",
        "/v1/recognition/requests/{case_id}",
        "/v1/recognition/requests/{decided_case_id}",
        LEARNING,
        LEARNING + "/endorsement-requests",
    ],
    "officer": [CASE, "/v1/recognition/cases/{decided_case_id}"],
    "institution": [
        "/v1/institutions/achievements/{achievement_id}",
        "/v1/institutions/issued/{issued_id}",
        "/v1/institutions/offers/{offer_id}",
        "/v1/institutions/webhooks",
        "/v1/institutions/deliveries/{item_id}",
    ],
}
LISTS = {
    # lists of the intruder that must not show the owner's objects
    "learner": [
        "/v1/wallet/credentials",
        "/v1/wallet/shares",
        "/v1/wallet/inbox",
        "/v1/wallet/learning",
        "/v1/recognition/requests",
    ],
    "officer": ["/v1/recognition/cases"],
    "institution": [
        "/v1/institutions/achievements",
        "/v1/institutions/offers",
        "/v1/institutions/webhooks",
        "/v1/institutions/events",
        "/v1/institutions/webhooks/deliveries",
    ],
}


def _ids(world: World) -> dict[str, str]:
    return {**world.institution.ids, **world.learner.ids}


def _path(template: str, ids: dict[str, str]) -> str:
    path = template
    for name, value in ids.items():
        path = path.replace("{" + name + "}", value)
    assert "{" not in path, template
    return path


def _filled(value: Any, ids: dict[str, str]) -> Any:
    """`value` with `{name}` placeholders in its strings replaced by the objects' ids."""
    if isinstance(value, str):
        return _path(value, ids)
    if isinstance(value, dict):
        return {key: _filled(item, ids) for key, item in value.items()}
    if isinstance(value, list):
        return [_filled(item, ids) for item in value]
    return value


def _principals(world: World, kind: str) -> tuple[dict[str, str], dict[str, str]]:
    """Headers of the owner and of the intruder of a kind."""
    if kind == "learner":
        return world.learner.account.headers, world.other_learner.account.headers
    if kind == "officer":
        return world.officer.account.headers, world.other_officer.account.headers
    return world.institution.institution.headers(), world.other_institution.institution.headers()


def _stable(body: Any) -> Any:
    """A response body without what a read itself may change (nothing here: reads change nothing)."""
    return body


async def _snapshot(client: httpx.AsyncClient, world: World) -> dict[str, Any]:
    ids = _ids(world)
    snapshot: dict[str, Any] = {}
    for kind, templates in OWNER_READS.items():
        owner, _ = _principals(world, kind)
        for template in templates:
            response = await client.get(_path(template, ids), headers=owner)
            assert response.status_code == 200, (template, response.text)
            snapshot[template] = _stable(response.json())
    return snapshot


class TestObjectLevelAuthorization:
    async def test_every_object_is_invisible_and_untouchable_to_every_other_principal(
        self, client: httpx.AsyncClient, world: World
    ) -> None:
        ids = _ids(world)
        before = await _snapshot(client, world)
        reached: list[str] = []
        tried = 0
        for object_type, operations in BOLA.items():
            _, intruder = _principals(world, OWNER_KIND.get(object_type, "learner"))
            for method, template, options in operations:
                headers = {**_filled(options.get("headers", {}), ids), **intruder}
                request = {
                    key: _filled(value, ids) for key, value in options.items() if key not in {"headers", "files"}
                }
                if "files" in options:
                    request["files"] = options["files"]
                response = await client.request(method, _path(template, ids), headers=headers, **request)
                tried += 1
                if response.status_code != 404:
                    reached.append(f"{object_type}: {method} {template} -> {response.status_code} {response.text}")
        assert reached == [], "\n".join(reached)
        assert tried >= 50
        assert await _snapshot(client, world) == before

    async def test_no_list_feed_or_export_of_another_principal_names_the_objects(
        self, client: httpx.AsyncClient, world: World
    ) -> None:
        owned = {value for value in _ids(world).values() if value != world.institution.ids["institution_id"]}
        for kind, lists in LISTS.items():
            owner, intruder = _principals(world, kind)
            for path in lists:
                mine = await client.get(path, headers=owner)
                theirs = await client.get(path, headers=intruder)
                assert mine.status_code == theirs.status_code == 200, (path, mine.text, theirs.text)
                assert not {value for value in owned if value in theirs.text}, path
        # the owners' own lists do name them (the check above can fail)
        listed = await client.get("/v1/wallet/credentials", headers=world.learner.account.headers)
        assert world.learner.ids["credential_id"] in listed.text
        # nor does another learner's whole-wallet export
        exports = {}
        for name, account in (("owner", world.learner.account), ("other", world.other_learner.account)):
            response = await client.post("/v1/wallet/export", headers=account.headers)
            assert response.status_code == 200, response.text
            with zipfile.ZipFile(io.BytesIO(response.content)) as archive:
                exports[name] = b"".join(archive.read(member) for member in archive.namelist())
        credential_id = world.learner.ids["credential_id"].encode()
        assert credential_id in exports["owner"]
        assert credential_id not in exports["other"]
        assert world.learner.account.email.encode() not in exports["other"]
