from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.offer_create import OfferCreate
from ...models.problem import Problem
from ...models.recognition_offers_schemas_offer_public import RecognitionOffersSchemasOfferPublic
from ...types import Response


def _get_kwargs(
    *,
    body: OfferCreate,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/v1/institutions/offers",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Problem | RecognitionOffersSchemasOfferPublic | None:
    if response.status_code == 201:
        response_201 = RecognitionOffersSchemasOfferPublic.from_dict(response.json())

        return response_201

    if response.status_code == 401:
        response_401 = Problem.from_dict(response.json())

        return response_401

    if response.status_code == 404:
        response_404 = Problem.from_dict(response.json())

        return response_404

    if response.status_code == 413:
        response_413 = Problem.from_dict(response.json())

        return response_413

    if response.status_code == 415:
        response_415 = Problem.from_dict(response.json())

        return response_415

    if response.status_code == 422:
        response_422 = Problem.from_dict(response.json())

        return response_422

    if response.status_code == 429:
        response_429 = Problem.from_dict(response.json())

        return response_429

    if response.status_code == 503:
        response_503 = Problem.from_dict(response.json())

        return response_503

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[Problem | RecognitionOffersSchemasOfferPublic]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    body: OfferCreate,
) -> Response[Problem | RecognitionOffersSchemasOfferPublic]:
    """Publish an offer

     The offer must state every mandatory element of Annex I of the Council Recommendation on
    micro-credentials that does not vary by learner — title, learning outcomes, workload (ECTS or
    hours), level (EQF or
    national framework), type of assessment, form of participation, type of quality assurance; your
    institution's country —
    or it is refused (422 `annex_i_incomplete`) with `missing`, the list of what is missing. The EQF
    level, the ISCED-F
    field and the national framework level are checked against the frameworks data (422
    `unknown_eqf_level`,
    `unknown_field_of_study`, `unknown_level` …); `achievement_id` must name an achievement definition
    of yours that is
    still issued (422 `unknown_achievement`). A workload in hours only is converted to ECTS for search
    (`ects_basis`).

    Args:
        body (OfferCreate):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | RecognitionOffersSchemasOfferPublic]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    body: OfferCreate,
) -> Problem | RecognitionOffersSchemasOfferPublic | None:
    """Publish an offer

     The offer must state every mandatory element of Annex I of the Council Recommendation on
    micro-credentials that does not vary by learner — title, learning outcomes, workload (ECTS or
    hours), level (EQF or
    national framework), type of assessment, form of participation, type of quality assurance; your
    institution's country —
    or it is refused (422 `annex_i_incomplete`) with `missing`, the list of what is missing. The EQF
    level, the ISCED-F
    field and the national framework level are checked against the frameworks data (422
    `unknown_eqf_level`,
    `unknown_field_of_study`, `unknown_level` …); `achievement_id` must name an achievement definition
    of yours that is
    still issued (422 `unknown_achievement`). A workload in hours only is converted to ECTS for search
    (`ects_basis`).

    Args:
        body (OfferCreate):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | RecognitionOffersSchemasOfferPublic
    """

    return sync_detailed(
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    body: OfferCreate,
) -> Response[Problem | RecognitionOffersSchemasOfferPublic]:
    """Publish an offer

     The offer must state every mandatory element of Annex I of the Council Recommendation on
    micro-credentials that does not vary by learner — title, learning outcomes, workload (ECTS or
    hours), level (EQF or
    national framework), type of assessment, form of participation, type of quality assurance; your
    institution's country —
    or it is refused (422 `annex_i_incomplete`) with `missing`, the list of what is missing. The EQF
    level, the ISCED-F
    field and the national framework level are checked against the frameworks data (422
    `unknown_eqf_level`,
    `unknown_field_of_study`, `unknown_level` …); `achievement_id` must name an achievement definition
    of yours that is
    still issued (422 `unknown_achievement`). A workload in hours only is converted to ECTS for search
    (`ects_basis`).

    Args:
        body (OfferCreate):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | RecognitionOffersSchemasOfferPublic]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    body: OfferCreate,
) -> Problem | RecognitionOffersSchemasOfferPublic | None:
    """Publish an offer

     The offer must state every mandatory element of Annex I of the Council Recommendation on
    micro-credentials that does not vary by learner — title, learning outcomes, workload (ECTS or
    hours), level (EQF or
    national framework), type of assessment, form of participation, type of quality assurance; your
    institution's country —
    or it is refused (422 `annex_i_incomplete`) with `missing`, the list of what is missing. The EQF
    level, the ISCED-F
    field and the national framework level are checked against the frameworks data (422
    `unknown_eqf_level`,
    `unknown_field_of_study`, `unknown_level` …); `achievement_id` must name an achievement definition
    of yours that is
    still issued (422 `unknown_achievement`). A workload in hours only is converted to ECTS for search
    (`ects_basis`).

    Args:
        body (OfferCreate):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | RecognitionOffersSchemasOfferPublic
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
        )
    ).parsed
