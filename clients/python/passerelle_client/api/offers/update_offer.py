from http import HTTPStatus
from typing import Any
from urllib.parse import quote
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.offer_update import OfferUpdate
from ...models.problem import Problem
from ...models.recognition_offers_schemas_offer_public import RecognitionOffersSchemasOfferPublic
from ...types import Response


def _get_kwargs(
    offer_id: UUID,
    *,
    body: OfferUpdate,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "patch",
        "url": "/v1/institutions/offers/{offer_id}".format(
            offer_id=quote(str(offer_id), safe=""),
        ),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Problem | RecognitionOffersSchemasOfferPublic | None:
    if response.status_code == 200:
        response_200 = RecognitionOffersSchemasOfferPublic.from_dict(response.json())

        return response_200

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
    offer_id: UUID,
    *,
    client: AuthenticatedClient,
    body: OfferUpdate,
) -> Response[Problem | RecognitionOffersSchemasOfferPublic]:
    """Change, withdraw or republish one of your offers

     Send the fields to change (`null` removes an optional one; `status: withdrawn` takes the offer out
    of the catalogue, `published` puts it back). The offer as changed is checked in full, as when it was
    published:

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
        offer_id (UUID): The offer's id.
        body (OfferUpdate): The fields to change; the offer as changed is validated again in full
            (Annex I included). `null` removes an
            optional field.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | RecognitionOffersSchemasOfferPublic]
    """

    kwargs = _get_kwargs(
        offer_id=offer_id,
        body=body,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    offer_id: UUID,
    *,
    client: AuthenticatedClient,
    body: OfferUpdate,
) -> Problem | RecognitionOffersSchemasOfferPublic | None:
    """Change, withdraw or republish one of your offers

     Send the fields to change (`null` removes an optional one; `status: withdrawn` takes the offer out
    of the catalogue, `published` puts it back). The offer as changed is checked in full, as when it was
    published:

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
        offer_id (UUID): The offer's id.
        body (OfferUpdate): The fields to change; the offer as changed is validated again in full
            (Annex I included). `null` removes an
            optional field.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | RecognitionOffersSchemasOfferPublic
    """

    return sync_detailed(
        offer_id=offer_id,
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    offer_id: UUID,
    *,
    client: AuthenticatedClient,
    body: OfferUpdate,
) -> Response[Problem | RecognitionOffersSchemasOfferPublic]:
    """Change, withdraw or republish one of your offers

     Send the fields to change (`null` removes an optional one; `status: withdrawn` takes the offer out
    of the catalogue, `published` puts it back). The offer as changed is checked in full, as when it was
    published:

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
        offer_id (UUID): The offer's id.
        body (OfferUpdate): The fields to change; the offer as changed is validated again in full
            (Annex I included). `null` removes an
            optional field.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | RecognitionOffersSchemasOfferPublic]
    """

    kwargs = _get_kwargs(
        offer_id=offer_id,
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    offer_id: UUID,
    *,
    client: AuthenticatedClient,
    body: OfferUpdate,
) -> Problem | RecognitionOffersSchemasOfferPublic | None:
    """Change, withdraw or republish one of your offers

     Send the fields to change (`null` removes an optional one; `status: withdrawn` takes the offer out
    of the catalogue, `published` puts it back). The offer as changed is checked in full, as when it was
    published:

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
        offer_id (UUID): The offer's id.
        body (OfferUpdate): The fields to change; the offer as changed is validated again in full
            (Annex I included). `null` removes an
            optional field.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | RecognitionOffersSchemasOfferPublic
    """

    return (
        await asyncio_detailed(
            offer_id=offer_id,
            client=client,
            body=body,
        )
    ).parsed
