"""Public uptake statistics: JSON, CSV and an SVG chart, with small cells suppressed (`recognition.uptake`)."""

from __future__ import annotations

from typing import Annotated, Literal

from fastapi import APIRouter, Header, Query, Response

from api.deps import ReadSessionDep
from api.errors import problem_responses
from recognition import uptake

router = APIRouter(prefix="/v1/statistics", tags=["statistics"])

PUBLIC_CACHE = {"Cache-Control": "public, max-age=300"}
CSV_MEDIA_TYPE = "text/csv; charset=utf-8"
SVG_MEDIA_TYPE = "image/svg+xml"


def _wants_csv(format_: str | None, accept: str | None) -> bool:
    if format_ is not None:
        return format_ == "csv"
    accept = (accept or "").lower()
    return "text/csv" in accept and "application/json" not in accept


@router.get(
    "/uptake",
    response_model=uptake.UptakeStatistics,
    operation_id="getUptakeStatistics",
    summary="Uptake statistics (JSON or CSV)",
    responses={
        **problem_responses(422),
        200: {
            "content": {"text/csv": {"schema": {"type": "string"}}},
            "description": "The statistics as JSON, or as CSV (`measure,dimension,value,label,count`).",
        },
    },
)
async def get_uptake(
    session: ReadSessionDep,
    format: Annotated[  # noqa: A002
        Literal["json", "csv"] | None, Query(description="`csv` for CSV; or send `Accept: text/csv`.")
    ] = None,
    accept: Annotated[str | None, Header(include_in_schema=False)] = None,
) -> Response:
    """How many offers are published and credentials issued, accepted, shared and recognised, by month, ISCED-F broad
    field, EQF level, country and provider kind — each dimension on its own, never combined. No personal data: a
    count under 10 (zero included) is suppressed, and further cells are suppressed where subtracting from the total
    could reveal one; the answer's `suppression` states the rule. No authentication."""
    statistics = await uptake.uptake_statistics(session)
    if _wants_csv(format, accept):
        headers = {**PUBLIC_CACHE, "Content-Disposition": 'inline; filename="uptake.csv"'}
        return Response(uptake.to_csv(statistics), media_type=CSV_MEDIA_TYPE, headers=headers)
    return Response(statistics.model_dump_json(), media_type="application/json", headers=PUBLIC_CACHE)


@router.get(
    "/uptake.svg",
    operation_id="getUptakeChart",
    summary="Uptake statistics as a chart (SVG)",
    responses={
        **problem_responses(422),
        200: {"content": {SVG_MEDIA_TYPE: {}}, "description": "An accessible SVG bar chart."},
    },
)
async def get_uptake_chart(
    session: ReadSessionDep,
    months: Annotated[int, Query(ge=1, le=36, description="How many recent months to draw.")] = 12,
) -> Response:
    """Each measure per month as bars, with a `<title>` and a `<desc>` stating every figure in words; suppressed
    cells (under 10) are drawn as outlined stubs marked `<10`."""
    statistics = await uptake.uptake_statistics(session)
    return Response(
        uptake.to_svg(statistics, months=months),
        media_type=SVG_MEDIA_TYPE,
        headers={**PUBLIC_CACHE, "X-Content-Type-Options": "nosniff"},
    )
