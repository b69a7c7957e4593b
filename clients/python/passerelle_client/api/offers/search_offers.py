from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.institution_kind import InstitutionKind
from ...models.offer_page import OfferPage
from ...models.problem import Problem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    q: None | str | Unset = UNSET,
    field: None | str | Unset = UNSET,
    eqf_level: int | None | Unset = UNSET,
    ects_min: float | None | Unset = UNSET,
    ects_max: float | None | Unset = UNSET,
    language: None | str | Unset = UNSET,
    country: None | str | Unset = UNSET,
    online: bool | None | Unset = UNSET,
    provider_kind: InstitutionKind | None | Unset = UNSET,
    free: bool | None | Unset = UNSET,
    limit: int | Unset = 20,
    cursor: None | str | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    json_q: None | str | Unset
    if isinstance(q, Unset):
        json_q = UNSET
    else:
        json_q = q
    params["q"] = json_q

    json_field: None | str | Unset
    if isinstance(field, Unset):
        json_field = UNSET
    else:
        json_field = field
    params["field"] = json_field

    json_eqf_level: int | None | Unset
    if isinstance(eqf_level, Unset):
        json_eqf_level = UNSET
    else:
        json_eqf_level = eqf_level
    params["eqf_level"] = json_eqf_level

    json_ects_min: float | None | Unset
    if isinstance(ects_min, Unset):
        json_ects_min = UNSET
    else:
        json_ects_min = ects_min
    params["ects_min"] = json_ects_min

    json_ects_max: float | None | Unset
    if isinstance(ects_max, Unset):
        json_ects_max = UNSET
    else:
        json_ects_max = ects_max
    params["ects_max"] = json_ects_max

    json_language: None | str | Unset
    if isinstance(language, Unset):
        json_language = UNSET
    else:
        json_language = language
    params["language"] = json_language

    json_country: None | str | Unset
    if isinstance(country, Unset):
        json_country = UNSET
    else:
        json_country = country
    params["country"] = json_country

    json_online: bool | None | Unset
    if isinstance(online, Unset):
        json_online = UNSET
    else:
        json_online = online
    params["online"] = json_online

    json_provider_kind: None | str | Unset
    if isinstance(provider_kind, Unset):
        json_provider_kind = UNSET
    elif isinstance(provider_kind, InstitutionKind):
        json_provider_kind = provider_kind.value
    else:
        json_provider_kind = provider_kind
    params["provider_kind"] = json_provider_kind

    json_free: bool | None | Unset
    if isinstance(free, Unset):
        json_free = UNSET
    else:
        json_free = free
    params["free"] = json_free

    params["limit"] = limit

    json_cursor: None | str | Unset
    if isinstance(cursor, Unset):
        json_cursor = UNSET
    else:
        json_cursor = cursor
    params["cursor"] = json_cursor

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/offers",
        "params": params,
    }

    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> OfferPage | Problem | None:
    if response.status_code == 200:
        response_200 = OfferPage.from_dict(response.json())

        return response_200

    if response.status_code == 422:
        response_422 = Problem.from_dict(response.json())

        return response_422

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[OfferPage | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    q: None | str | Unset = UNSET,
    field: None | str | Unset = UNSET,
    eqf_level: int | None | Unset = UNSET,
    ects_min: float | None | Unset = UNSET,
    ects_max: float | None | Unset = UNSET,
    language: None | str | Unset = UNSET,
    country: None | str | Unset = UNSET,
    online: bool | None | Unset = UNSET,
    provider_kind: InstitutionKind | None | Unset = UNSET,
    free: bool | None | Unset = UNSET,
    limit: int | Unset = 20,
    cursor: None | str | Unset = UNSET,
) -> Response[OfferPage | Problem]:
    """Search the offer catalogue

     Published offers of institutions of every kind, found by words and filters (all must hold). Without
    `q`,
    newest first; with `q`, offers with every word in their title first, then the others, newest first
    within each
    group. Page with `next_cursor` (same parameters): no offer is repeated or skipped. Public.

    Args:
        q (None | str | Unset): Words, all of which must appear (title, description, learning
            outcomes, assessment, prerequisites, provider, city …); case and accents are ignored.
            Offers with every word in the title come first, then the others; newest first within each
            group.
        field (None | str | Unset): ISCED-F 2013 field; a broad (`06`) or narrow (`061`) code
            matches the codes under it.
        eqf_level (int | None | Unset):
        ects_min (float | None | Unset): Workload in ECTS, at least.
        ects_max (float | None | Unset): Workload in ECTS, at most.
        language (None | str | Unset): A language of instruction; `pt` also matches `pt-BR`.
        country (None | str | Unset): Where it takes place (or, for an offer with no place, the
            provider's country).
        online (bool | None | Unset): `true`: entirely online; `false`: onsite or blended (someone
            must be there).
        provider_kind (InstitutionKind | None | Unset):
        free (bool | None | Unset): `true`: free of charge; `false`: with a fee.
        limit (int | Unset): Offers per page (at most 50). Default: 20.
        cursor (None | str | Unset): `next_cursor` of the previous page (with the same
            parameters).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[OfferPage | Problem]
    """

    kwargs = _get_kwargs(
        q=q,
        field=field,
        eqf_level=eqf_level,
        ects_min=ects_min,
        ects_max=ects_max,
        language=language,
        country=country,
        online=online,
        provider_kind=provider_kind,
        free=free,
        limit=limit,
        cursor=cursor,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient | Client,
    q: None | str | Unset = UNSET,
    field: None | str | Unset = UNSET,
    eqf_level: int | None | Unset = UNSET,
    ects_min: float | None | Unset = UNSET,
    ects_max: float | None | Unset = UNSET,
    language: None | str | Unset = UNSET,
    country: None | str | Unset = UNSET,
    online: bool | None | Unset = UNSET,
    provider_kind: InstitutionKind | None | Unset = UNSET,
    free: bool | None | Unset = UNSET,
    limit: int | Unset = 20,
    cursor: None | str | Unset = UNSET,
) -> OfferPage | Problem | None:
    """Search the offer catalogue

     Published offers of institutions of every kind, found by words and filters (all must hold). Without
    `q`,
    newest first; with `q`, offers with every word in their title first, then the others, newest first
    within each
    group. Page with `next_cursor` (same parameters): no offer is repeated or skipped. Public.

    Args:
        q (None | str | Unset): Words, all of which must appear (title, description, learning
            outcomes, assessment, prerequisites, provider, city …); case and accents are ignored.
            Offers with every word in the title come first, then the others; newest first within each
            group.
        field (None | str | Unset): ISCED-F 2013 field; a broad (`06`) or narrow (`061`) code
            matches the codes under it.
        eqf_level (int | None | Unset):
        ects_min (float | None | Unset): Workload in ECTS, at least.
        ects_max (float | None | Unset): Workload in ECTS, at most.
        language (None | str | Unset): A language of instruction; `pt` also matches `pt-BR`.
        country (None | str | Unset): Where it takes place (or, for an offer with no place, the
            provider's country).
        online (bool | None | Unset): `true`: entirely online; `false`: onsite or blended (someone
            must be there).
        provider_kind (InstitutionKind | None | Unset):
        free (bool | None | Unset): `true`: free of charge; `false`: with a fee.
        limit (int | Unset): Offers per page (at most 50). Default: 20.
        cursor (None | str | Unset): `next_cursor` of the previous page (with the same
            parameters).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        OfferPage | Problem
    """

    return sync_detailed(
        client=client,
        q=q,
        field=field,
        eqf_level=eqf_level,
        ects_min=ects_min,
        ects_max=ects_max,
        language=language,
        country=country,
        online=online,
        provider_kind=provider_kind,
        free=free,
        limit=limit,
        cursor=cursor,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    q: None | str | Unset = UNSET,
    field: None | str | Unset = UNSET,
    eqf_level: int | None | Unset = UNSET,
    ects_min: float | None | Unset = UNSET,
    ects_max: float | None | Unset = UNSET,
    language: None | str | Unset = UNSET,
    country: None | str | Unset = UNSET,
    online: bool | None | Unset = UNSET,
    provider_kind: InstitutionKind | None | Unset = UNSET,
    free: bool | None | Unset = UNSET,
    limit: int | Unset = 20,
    cursor: None | str | Unset = UNSET,
) -> Response[OfferPage | Problem]:
    """Search the offer catalogue

     Published offers of institutions of every kind, found by words and filters (all must hold). Without
    `q`,
    newest first; with `q`, offers with every word in their title first, then the others, newest first
    within each
    group. Page with `next_cursor` (same parameters): no offer is repeated or skipped. Public.

    Args:
        q (None | str | Unset): Words, all of which must appear (title, description, learning
            outcomes, assessment, prerequisites, provider, city …); case and accents are ignored.
            Offers with every word in the title come first, then the others; newest first within each
            group.
        field (None | str | Unset): ISCED-F 2013 field; a broad (`06`) or narrow (`061`) code
            matches the codes under it.
        eqf_level (int | None | Unset):
        ects_min (float | None | Unset): Workload in ECTS, at least.
        ects_max (float | None | Unset): Workload in ECTS, at most.
        language (None | str | Unset): A language of instruction; `pt` also matches `pt-BR`.
        country (None | str | Unset): Where it takes place (or, for an offer with no place, the
            provider's country).
        online (bool | None | Unset): `true`: entirely online; `false`: onsite or blended (someone
            must be there).
        provider_kind (InstitutionKind | None | Unset):
        free (bool | None | Unset): `true`: free of charge; `false`: with a fee.
        limit (int | Unset): Offers per page (at most 50). Default: 20.
        cursor (None | str | Unset): `next_cursor` of the previous page (with the same
            parameters).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[OfferPage | Problem]
    """

    kwargs = _get_kwargs(
        q=q,
        field=field,
        eqf_level=eqf_level,
        ects_min=ects_min,
        ects_max=ects_max,
        language=language,
        country=country,
        online=online,
        provider_kind=provider_kind,
        free=free,
        limit=limit,
        cursor=cursor,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    q: None | str | Unset = UNSET,
    field: None | str | Unset = UNSET,
    eqf_level: int | None | Unset = UNSET,
    ects_min: float | None | Unset = UNSET,
    ects_max: float | None | Unset = UNSET,
    language: None | str | Unset = UNSET,
    country: None | str | Unset = UNSET,
    online: bool | None | Unset = UNSET,
    provider_kind: InstitutionKind | None | Unset = UNSET,
    free: bool | None | Unset = UNSET,
    limit: int | Unset = 20,
    cursor: None | str | Unset = UNSET,
) -> OfferPage | Problem | None:
    """Search the offer catalogue

     Published offers of institutions of every kind, found by words and filters (all must hold). Without
    `q`,
    newest first; with `q`, offers with every word in their title first, then the others, newest first
    within each
    group. Page with `next_cursor` (same parameters): no offer is repeated or skipped. Public.

    Args:
        q (None | str | Unset): Words, all of which must appear (title, description, learning
            outcomes, assessment, prerequisites, provider, city …); case and accents are ignored.
            Offers with every word in the title come first, then the others; newest first within each
            group.
        field (None | str | Unset): ISCED-F 2013 field; a broad (`06`) or narrow (`061`) code
            matches the codes under it.
        eqf_level (int | None | Unset):
        ects_min (float | None | Unset): Workload in ECTS, at least.
        ects_max (float | None | Unset): Workload in ECTS, at most.
        language (None | str | Unset): A language of instruction; `pt` also matches `pt-BR`.
        country (None | str | Unset): Where it takes place (or, for an offer with no place, the
            provider's country).
        online (bool | None | Unset): `true`: entirely online; `false`: onsite or blended (someone
            must be there).
        provider_kind (InstitutionKind | None | Unset):
        free (bool | None | Unset): `true`: free of charge; `false`: with a fee.
        limit (int | Unset): Offers per page (at most 50). Default: 20.
        cursor (None | str | Unset): `next_cursor` of the previous page (with the same
            parameters).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        OfferPage | Problem
    """

    return (
        await asyncio_detailed(
            client=client,
            q=q,
            field=field,
            eqf_level=eqf_level,
            ects_min=ects_min,
            ects_max=ects_max,
            language=language,
            country=country,
            online=online,
            provider_kind=provider_kind,
            free=free,
            limit=limit,
            cursor=cursor,
        )
    ).parsed
