"""Recognition: frameworks and levels (public), comparisons through the EQF (public), credit and grade conversion,
Annex I completeness, the recognition packet of a wallet credential, stacking, and the audited corrections of the
frameworks data.

The frameworks data is held in memory (`recognition.catalogue`): this router's lifespan loads it once the
application's state exists, publishes the share packet builder on the state, and — in a serving process — polls for
changes made by other processes.
"""

from __future__ import annotations

import asyncio
import json
import re
import uuid
from collections.abc import AsyncIterator, Callable, Coroutine, Hashable
from contextlib import asynccontextmanager
from typing import Annotated, Any, TypeVar

from fastapi import APIRouter, Depends, FastAPI, Path, Query, Request, Response, status
from fastapi.exceptions import RequestValidationError
from fastapi.routing import APIRoute

from api.deps import (
    BearerPrincipal,
    CredentialID,
    CurrentAdmin,
    CurrentLearner,
    PaginationDep,
    PrincipalDep,
    ReadSessionDep,
    SessionDep,
)
from api.errors import problem_responses
from api.i18n import language_headers, localize_caveat, localized_caveat, request_language
from api.state import AppState
from core import i18n
from core.accounts.models import Role
from core.accounts.tokens import Principal
from core.errors import ServiceUnavailable
from core.jsonstrict import dumps_compact
from recognition import changes, compare, service
from recognition.catalogue import CatalogueHolder, cancel
from recognition.packet import for_summary
from recognition.schemas import (
    ChangePage,
    CompareResult,
    Completeness,
    CompletenessRequest,
    CreditConversion,
    CreditConversionRequest,
    CreditRuleCorrection,
    CreditRuleCreate,
    CreditRulePublic,
    Cycle,
    FrameworkLevels,
    FrameworkPublic,
    GradeConversion,
    GradeConversionRequest,
    GradingTableCreate,
    GradingTablePublic,
    LevelCorrection,
    LevelPublic,
    RecognitionPacket,
    StackRequest,
    StackResult,
)
from wallet.summary.model import Summary


@asynccontextmanager
async def lifespan(app: FastAPI) -> AsyncIterator[None]:
    """Runs inside the application's lifespan (FastAPI merges router lifespans), so the state exists."""
    state: AppState = app.state.passerelle
    holder = await CatalogueHolder.open(state.read_sessionmaker)
    state.recognition = holder

    def packet_of(summary: Summary) -> dict[str, Any]:
        return for_summary(summary, holder.current).model_dump(mode="json")

    state.recognition_packet = packet_of
    # A test's app is bound to one connection and owns no serving process: it does not poll.
    serving = state.read_engine is not None
    poller = asyncio.create_task(holder.poll(state.read_sessionmaker)) if serving else None
    try:
        yield
    finally:
        await cancel(poller)


class PlainRoute(APIRoute):
    """A documented route whose endpoint takes the request and returns the response itself: FastAPI's parameter
    solving and response validation are skipped, so the endpoint checks its own parameters (FastAPI's documented
    extension point for custom route classes)."""

    def get_route_handler(self) -> Callable[[Request], Coroutine[Any, Any, Response]]:
        endpoint: Callable[[Request], Coroutine[Any, Any, Response]] = self.endpoint
        return endpoint


compare_router = APIRouter(tags=["recognition"], lifespan=lifespan, route_class=PlainRoute)
"""The compare route alone, the hottest public read: the application includes it first, so matching its path costs
one pattern test, and every other request pays one failed test for it; its route class skips FastAPI's parameter
solving (bench/README.md, `recognition`)."""
router = APIRouter(tags=["recognition"])
"""Every other recognition route."""
Answer = TypeVar("Answer", RecognitionPacket, StackResult)

FRAMEWORKS_PATH = "/v1/recognition/frameworks"
COMPARE_PATH = "/v1/recognition/compare"
PUBLIC_HEADERS = {"Cache-Control": "public, max-age=300"}
_COMPARE_HEADERS = {
    language: {**PUBLIC_HEADERS, "Content-Language": language, "Vary": "Accept-Language"} for language in i18n.LANGUAGES
}
"""The comparison's headers by language: shared caches keep one copy per language."""
CountryCode = Annotated[
    str | None,
    Query(
        pattern=r"^[A-Za-z]{2}(-[A-Za-z0-9]{1,3})?$",
        description="ISO 3166-1 alpha-2 (`IE`, `DE`; `UK` is read as `GB`) or ISO 3166-2 (`GB-SCT`, `BE-VLG`).",
    ),
]
InstitutionOrAdmin = Annotated[Principal, Depends(BearerPrincipal(Role.INSTITUTION, Role.ADMIN))]
LevelID = Annotated[uuid.UUID, Path(description="The level's id (from the framework's levels).")]
RuleID = Annotated[uuid.UUID, Path(description="The credit rule's id.")]
TableID = Annotated[uuid.UUID, Path(description="The grading table's id.")]


def _holder(request: Request) -> CatalogueHolder:
    holder: CatalogueHolder | None = request.app.state.passerelle.recognition
    if holder is None:
        raise ServiceUnavailable("The frameworks data is not loaded yet.")
    return holder


async def get_catalogue(request: Request) -> CatalogueHolder:
    return _holder(request)


CatalogueDep = Annotated[CatalogueHolder, Depends(get_catalogue)]


# ---------------------------------------------------------------------------------------- public reference data


@router.get(
    FRAMEWORKS_PATH,
    response_model=list[FrameworkPublic],
    operation_id="listFrameworks",
    summary="Qualifications frameworks",
    responses=problem_responses(404, 422),
)
async def list_frameworks(catalogue: CatalogueDep, country: CountryCode = None) -> Response:
    """The EQF, the QF-EHEA and every national framework held (or those of one country), each with its source,
    as-of date and status. Public: this is public information."""
    body = compare.frameworks_json(catalogue.current, country=country)
    return Response(body, media_type="application/json", headers=PUBLIC_HEADERS)


@router.get(
    FRAMEWORKS_PATH + "/{framework}/levels",
    response_model=FrameworkLevels,
    operation_id="listFrameworkLevels",
    summary="The levels of a framework",
    responses=problem_responses(404, 422),
)
async def list_levels(
    catalogue: CatalogueDep,
    framework: Annotated[str, Path(min_length=2, max_length=40, description="The framework's key or code.")],
    country: CountryCode = None,
) -> Response:
    """Every level with its label as the framework names it, its EQF level(s) (none below EQF 1; two when the level
    alone does not decide), QF-EHEA cycle, examples, source, as-of date and status. `EQF` gives the descriptors."""
    body = compare.levels_json(catalogue.current, framework, country=country)
    return Response(body, media_type="application/json", headers=PUBLIC_HEADERS)


_COUNTRY = re.compile(r"^[A-Za-z]{2}(-[A-Za-z0-9]{1,3})?$")
_COMPARE_PARAMETERS: tuple[tuple[str, bool, int, int, re.Pattern[str] | None, str], ...] = (
    ("level", True, 1, 40, None, "The level as the framework names it: `8`, `Entry 1`, `4+`, `7.1`, `I`."),
    ("country", False, 2, 6, _COUNTRY, "The level's country: ISO 3166-1 alpha-2 or ISO 3166-2 (`GB-SCT`)."),
    ("framework", False, 2, 40, None, "The level's framework: key (`IE-NFQ`) or code (`NFQ`)."),
    ("target_country", False, 2, 6, _COUNTRY, "Compare with this country's current frameworks."),
    ("target_framework", False, 2, 40, None, "Compare with this framework only."),
)
compare_parameters: dict[str, Any] = {
    "parameters": [
        {
            "name": name,
            "in": "query",
            "required": required,
            "description": description,
            "schema": {
                "type": "string",
                "minLength": shortest,
                "maxLength": longest,
                **({"pattern": pattern.pattern} if pattern else {}),
            },
        }
        for name, required, shortest, longest, pattern, description in _COMPARE_PARAMETERS
    ]
}


def _compare_query(request: Request) -> dict[str, str | None]:
    """The compare parameters, checked as the declared schema says (422 with the same field errors)."""
    query = request.query_params
    values: dict[str, str | None] = {}
    problems: list[dict[str, Any]] = []
    for name, required, shortest, longest, pattern, _ in _COMPARE_PARAMETERS:
        value = query.get(name)
        location = ("query", name)
        if value is None:
            if required:
                problems.append({"type": "missing", "loc": location, "msg": "Field required", "input": None})
        elif not shortest <= len(value) <= longest:
            problems.append(
                {
                    "type": "string_too_short" if len(value) < shortest else "string_too_long",
                    "loc": location,
                    "msg": f"String should have {shortest} to {longest} characters",
                    "input": value,
                }
            )
        elif pattern is not None and not pattern.match(value):
            problems.append(
                {
                    "type": "string_pattern_mismatch",
                    "loc": location,
                    "msg": f"String should match pattern '{pattern.pattern}'",
                    "input": value,
                }
            )
        values[name] = value
    if problems:
        raise RequestValidationError(problems)
    return values


@compare_router.get(
    COMPARE_PATH,
    response_model=CompareResult,
    operation_id="compareLevels",
    summary="Compare a level across countries through the EQF",
    openapi_extra=compare_parameters,
    responses=problem_responses(404, 422, 503),
)
async def compare_levels(request: Request) -> Response:
    """The level's EQF level, the target country's levels at that EQF level (several, or none, are ordinary
    answers), each with its status and source, and the standing caveat: a comparable level, not an equivalence. A
    level read as two EQF levels answers both and says what decides. The caveat and its plain-words explanation
    follow `Accept-Language`. Public."""
    # The hottest public read: the answer is a function of the query string, the language and the catalogue
    # snapshot, so a repeated question is one dictionary lookup — no parameter parsing, no dependency solving (the
    # parameters are declared for OpenAPI by hand and checked here on a miss, with the same 422 answers).
    catalogue = _holder(request).current
    raw_query: bytes = request.scope["query_string"]
    language = request_language(request)
    key: Hashable = raw_query if language == i18n.DEFAULT_LANGUAGE else (language, raw_query)
    body = catalogue.memo.get(key)
    if body is None:
        english = catalogue.memo.get(raw_query)
        if english is None:
            query = _compare_query(request)
            answer = compare.compare_json(
                catalogue,
                level=query["level"] or "",
                country=query["country"],
                framework=query["framework"],
                target_country=query["target_country"],
                target_framework=query["target_framework"],
            )
            english = catalogue.remember(raw_query, answer)
        body = english
        if language != i18n.DEFAULT_LANGUAGE:
            body = catalogue.remember(key, dumps_compact(localize_caveat(json.loads(english), language)))
    return Response(body, media_type="application/json", headers=_COMPARE_HEADERS[language])


# ------------------------------------------------------------------------------------------ credits and grades


@router.post(
    "/v1/recognition/credits:convert",
    response_model=CreditConversion,
    operation_id="convertCredits",
    summary="Convert credits to ECTS",
    responses=problem_responses(401, 413, 415, 422),
)
async def convert_credits(
    body: CreditConversionRequest, principal: PrincipalDep, catalogue: CatalogueDep
) -> CreditConversion:
    """A credit value and its system to ECTS, with the rule used (shipped, or the institution's own) and the original
    value kept beside the converted one."""
    return service.convert_credits(catalogue.current, body, principal)


@router.get(
    "/v1/recognition/credit-rules",
    response_model=list[CreditRulePublic],
    operation_id="listCreditRules",
    summary="Credit conversion rules",
    responses=problem_responses(401),
)
async def list_credit_rules(principal: PrincipalDep, catalogue: CatalogueDep) -> list[CreditRulePublic]:
    """The shipped rules with their basis, source and status, plus an institution's own rules (administrators see
    every institution's)."""
    return service.list_credit_rules(catalogue.current, principal)


@router.post(
    "/v1/recognition/credit-rules",
    status_code=status.HTTP_201_CREATED,
    response_model=CreditRulePublic,
    operation_id="createCreditRule",
    summary="Add an institution's own credit rule",
    responses=problem_responses(401, 403, 404, 409, 413, 415, 422),
)
async def create_credit_rule(
    body: CreditRuleCreate, principal: InstitutionOrAdmin, session: SessionDep, catalogue: CatalogueDep
) -> CreditRulePublic:
    """An institution's conversion rule for a credit system (e.g. its own US semester-credit policy); it wins over
    the shipped rule whenever that institution's policy is applied. The reason is kept in the audit trail."""
    return await changes.create_credit_rule(session, catalogue, body, principal)


@router.delete(
    "/v1/recognition/credit-rules/{rule_id}",
    status_code=status.HTTP_204_NO_CONTENT,
    operation_id="deleteCreditRule",
    summary="Remove an institution's own credit rule",
    response_class=Response,
    responses=problem_responses(401, 404, 422),
)
async def delete_credit_rule(
    rule_id: RuleID, principal: InstitutionOrAdmin, session: SessionDep, catalogue: CatalogueDep
) -> Response:
    """The shipped rule applies again. Shipped rules are corrected by administrators, not deleted."""
    await changes.delete_credit_rule(session, catalogue, rule_id, principal)
    return Response(status_code=status.HTTP_204_NO_CONTENT)


@router.post(
    "/v1/recognition/grading-tables",
    status_code=status.HTTP_201_CREATED,
    response_model=GradingTablePublic,
    operation_id="createGradingTable",
    summary="Add a grading table",
    responses=problem_responses(401, 403, 404, 413, 415, 422),
)
async def create_grading_table(
    body: GradingTableCreate, principal: InstitutionOrAdmin, session: SessionDep
) -> GradingTablePublic:
    """An institution's grade distribution for one reference group (ISCED-F field and cycle): how often each passing
    grade was awarded over 2-3 years, best grade first."""
    return await changes.create_grading_table(session, body, principal)


@router.get(
    "/v1/recognition/grading-tables",
    response_model=list[GradingTablePublic],
    operation_id="listGradingTables",
    summary="Grading tables",
    responses=problem_responses(401, 422),
)
async def list_grading_tables(
    principal: PrincipalDep,
    session: ReadSessionDep,
    isced_f: Annotated[str | None, Query(pattern=r"^\d{2,4}$", description="An ISCED-F field (prefix).")] = None,
    cycle: Annotated[Cycle | None, Query(description="The QF-EHEA cycle.")] = None,
    institution_id: Annotated[uuid.UUID | None, Query(description="One institution's tables.")] = None,
) -> list[GradingTablePublic]:
    """Stored grading tables, newest first (at most 100), to pick a reference group for a conversion."""
    return await service.list_grading_tables(session, isced_f=isced_f, cycle=cycle, institution_id=institution_id)


@router.get(
    "/v1/recognition/grading-tables/{table_id}",
    response_model=GradingTablePublic,
    operation_id="getGradingTable",
    summary="A grading table",
    responses=problem_responses(401, 404, 422),
)
async def get_grading_table(table_id: TableID, principal: PrincipalDep, session: ReadSessionDep) -> GradingTablePublic:
    """One stored grading table with its counts."""
    return await service.get_grading_table(session, table_id)


@router.delete(
    "/v1/recognition/grading-tables/{table_id}",
    status_code=status.HTTP_204_NO_CONTENT,
    operation_id="deleteGradingTable",
    summary="Remove a grading table",
    response_class=Response,
    responses=problem_responses(401, 404, 422),
)
async def delete_grading_table(table_id: TableID, principal: InstitutionOrAdmin, session: SessionDep) -> Response:
    """Its institution or an administrator removes a table; the removal is kept in the audit trail."""
    await changes.delete_grading_table(session, table_id, principal)
    return Response(status_code=status.HTTP_204_NO_CONTENT)


@router.post(
    "/v1/recognition/grades:convert",
    response_model=GradeConversion,
    operation_id="convertGrade",
    summary="Suggest a home grade for a foreign grade",
    responses=problem_responses(401, 404, 413, 415, 422),
)
async def convert_grade(
    body: GradeConversionRequest, principal: PrincipalDep, session: ReadSessionDep
) -> GradeConversion:
    """A foreign grade with its grading table, and the home table, to the home grade whose percentile band overlaps
    most (EGRACONS style), every overlapping band shown. Labelled "suggested, not official": the examination board
    decides."""
    return await service.convert_grade(session, body)


# ------------------------------------------------------------------------------- completeness, packet, stacking


@router.post(
    "/v1/recognition/completeness",
    response_model=Completeness,
    operation_id="checkCompleteness",
    summary="Annex I completeness of a credential",
    responses=problem_responses(401, 404, 413, 415, 422),
)
async def check_completeness(
    body: CompletenessRequest, principal: PrincipalDep, session: ReadSessionDep
) -> Completeness:
    """The 11 mandatory and 5 optional elements of Annex I (Council Recommendation 2022/C 243/02), each present,
    missing or present but unverifiable (no passed signature check behind it), for a credential of your wallet or a
    summary. Completeness is reported as such, never as recognition."""
    return await service.completeness(session, principal.id, body)


@router.get(
    "/v1/wallet/credentials/{credential_id}/recognition",
    response_model=RecognitionPacket,
    operation_id="getRecognitionPacket",
    summary="The recognition packet of a credential",
    responses=problem_responses(401, 404, 422),
)
async def get_recognition_packet(
    credential_id: CredentialID,
    request: Request,
    response: Response,
    learner: CurrentLearner,
    session: ReadSessionDep,
    catalogue: CatalogueDep,
) -> RecognitionPacket:
    """What your credential is worth at a glance: EQF, national and QF-EHEA levels (read through the frameworks data,
    with sources), ECTS (converted with the rule used, the original kept), ISCED-F field, quality-assurance status and
    Annex I completeness — the block a share carries. The caveat and its plain-words explanation follow
    `Accept-Language`."""
    packet = await service.recognition_packet(session, catalogue.current, learner.id, credential_id)
    return _in_language(packet, request, response)


@router.post(
    "/v1/recognition/stack",
    response_model=StackResult,
    operation_id="stackCredentials",
    summary="Add credentials up against a target",
    responses=problem_responses(401, 404, 413, 415, 422),
)
async def stack_credentials(
    body: StackRequest,
    request: Request,
    response: Response,
    principal: PrincipalDep,
    session: ReadSessionDep,
    catalogue: CatalogueDep,
) -> StackResult:
    """A set of credentials (of your wallet, or summaries) against a target such as 60 ECTS at EQF 6 in a field:
    totals, levels, what counts and why not, and what is missing. The caveat and its plain-words explanation follow
    `Accept-Language`."""
    return _in_language(await service.stack(session, catalogue.current, principal, body), request, response)


def _in_language(answer: Answer, request: Request, response: Response) -> Answer:
    """The answer's caveat in the language of `Accept-Language`, and the headers that say so."""
    language = request_language(request)
    language_headers(response.headers, language)
    return localized_caveat(answer, language)


# ----------------------------------------------------------------------------------------- administration


@router.patch(
    "/v1/admin/recognition/levels/{level_id}",
    response_model=LevelPublic,
    operation_id="correctLevel",
    summary="Correct a framework level",
    tags=["admin"],
    responses=problem_responses(401, 404, 413, 415, 422),
)
async def correct_level(
    level_id: LevelID, body: LevelCorrection, admin: CurrentAdmin, session: SessionDep, catalogue: CatalogueDep
) -> LevelPublic:
    """Change a level's EQF level(s), cycle, examples, source, as-of date or status, with a required reason. The
    change is written to the audit trail and answered by every read from the moment it is committed."""
    return await changes.correct_level(session, catalogue, level_id, body, admin)


@router.patch(
    "/v1/admin/recognition/credit-rules/{rule_id}",
    response_model=CreditRulePublic,
    operation_id="correctCreditRule",
    summary="Correct a credit rule",
    tags=["admin"],
    responses=problem_responses(401, 404, 413, 415, 422),
)
async def correct_credit_rule(
    rule_id: RuleID, body: CreditRuleCorrection, admin: CurrentAdmin, session: SessionDep, catalogue: CatalogueDep
) -> CreditRulePublic:
    """Change a shipped or institution rule, with a required reason kept in the audit trail."""
    return await changes.correct_credit_rule(session, catalogue, rule_id, body, admin)


@router.get(
    "/v1/admin/recognition/changes",
    response_model=ChangePage,
    operation_id="listRecognitionChanges",
    summary="The audit trail of recognition data",
    tags=["admin"],
    responses=problem_responses(401, 422),
)
async def list_changes(admin: CurrentAdmin, session: ReadSessionDep, pagination: PaginationDep) -> ChangePage:
    """Who changed which row of the frameworks, credit and grading data, when, from what to what, and why — newest
    first, the seed's loads included."""
    return await changes.list_changes(session, limit=pagination.limit, cursor=pagination.cursor)
