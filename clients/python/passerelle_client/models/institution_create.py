from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define

from ..models.institution_kind import InstitutionKind
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.client_key_set import ClientKeySet


T = TypeVar("T", bound="InstitutionCreate")


@_attrs_define
class InstitutionCreate:
    """
    Attributes:
        name (str):
        country (None | str | Unset): ISO 3166-1 alpha-2, upper case.
        kind (InstitutionKind | Unset):
        erasmus_code (None | str | Unset):
        schac_code (None | str | Unset): SCHAC home organisation (a domain name).
        pic (None | str | Unset): EU Participant Identification Code (9 digits).
        client_jwks (ClientKeySet | None | Unset): The first client authenticates with `private_key_jwt` using these
            public keys (no secret).
        client_jwks_uri (None | str | Unset): … or the keys published at this URL (fetched through the SSRF guard).
        issuer_id (None | str | Unset): For an institution that signs its credentials itself: the issuer identifier they
            name (a URL or a DID) …
        issuer_jwks_uri (None | str | Unset): … and where it publishes its keys (a JWK Set). Both enter the trust
            registry: pushed credentials are checked against these keys, rotated keys included.
    """

    name: str
    country: None | str | Unset = UNSET
    kind: InstitutionKind | Unset = UNSET
    erasmus_code: None | str | Unset = UNSET
    schac_code: None | str | Unset = UNSET
    pic: None | str | Unset = UNSET
    client_jwks: ClientKeySet | None | Unset = UNSET
    client_jwks_uri: None | str | Unset = UNSET
    issuer_id: None | str | Unset = UNSET
    issuer_jwks_uri: None | str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        from ..models.client_key_set import ClientKeySet  # noqa: PLC0415

        name = self.name

        country: None | str | Unset
        if isinstance(self.country, Unset):
            country = UNSET
        else:
            country = self.country

        kind: str | Unset = UNSET
        if not isinstance(self.kind, Unset):
            kind = self.kind.value

        erasmus_code: None | str | Unset
        if isinstance(self.erasmus_code, Unset):
            erasmus_code = UNSET
        else:
            erasmus_code = self.erasmus_code

        schac_code: None | str | Unset
        if isinstance(self.schac_code, Unset):
            schac_code = UNSET
        else:
            schac_code = self.schac_code

        pic: None | str | Unset
        if isinstance(self.pic, Unset):
            pic = UNSET
        else:
            pic = self.pic

        client_jwks: dict[str, Any] | None | Unset
        if isinstance(self.client_jwks, Unset):
            client_jwks = UNSET
        elif isinstance(self.client_jwks, ClientKeySet):
            client_jwks = self.client_jwks.to_dict()
        else:
            client_jwks = self.client_jwks

        client_jwks_uri: None | str | Unset
        if isinstance(self.client_jwks_uri, Unset):
            client_jwks_uri = UNSET
        else:
            client_jwks_uri = self.client_jwks_uri

        issuer_id: None | str | Unset
        if isinstance(self.issuer_id, Unset):
            issuer_id = UNSET
        else:
            issuer_id = self.issuer_id

        issuer_jwks_uri: None | str | Unset
        if isinstance(self.issuer_jwks_uri, Unset):
            issuer_jwks_uri = UNSET
        else:
            issuer_jwks_uri = self.issuer_jwks_uri

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "name": name,
            }
        )
        if country is not UNSET:
            field_dict["country"] = country
        if kind is not UNSET:
            field_dict["kind"] = kind
        if erasmus_code is not UNSET:
            field_dict["erasmus_code"] = erasmus_code
        if schac_code is not UNSET:
            field_dict["schac_code"] = schac_code
        if pic is not UNSET:
            field_dict["pic"] = pic
        if client_jwks is not UNSET:
            field_dict["client_jwks"] = client_jwks
        if client_jwks_uri is not UNSET:
            field_dict["client_jwks_uri"] = client_jwks_uri
        if issuer_id is not UNSET:
            field_dict["issuer_id"] = issuer_id
        if issuer_jwks_uri is not UNSET:
            field_dict["issuer_jwks_uri"] = issuer_jwks_uri

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.client_key_set import ClientKeySet  # noqa: PLC0415

        d = dict(src_dict)
        name = d.pop("name")

        def _parse_country(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        country = _parse_country(d.pop("country", UNSET))

        _kind = d.pop("kind", UNSET)
        kind: InstitutionKind | Unset
        if isinstance(_kind, Unset):
            kind = UNSET
        else:
            kind = InstitutionKind(_kind)

        def _parse_erasmus_code(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        erasmus_code = _parse_erasmus_code(d.pop("erasmus_code", UNSET))

        def _parse_schac_code(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        schac_code = _parse_schac_code(d.pop("schac_code", UNSET))

        def _parse_pic(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        pic = _parse_pic(d.pop("pic", UNSET))

        def _parse_client_jwks(data: object) -> ClientKeySet | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                client_jwks_type_0 = ClientKeySet.from_dict(data)

                return client_jwks_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(ClientKeySet | None | Unset, data)

        client_jwks = _parse_client_jwks(d.pop("client_jwks", UNSET))

        def _parse_client_jwks_uri(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        client_jwks_uri = _parse_client_jwks_uri(d.pop("client_jwks_uri", UNSET))

        def _parse_issuer_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        issuer_id = _parse_issuer_id(d.pop("issuer_id", UNSET))

        def _parse_issuer_jwks_uri(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        issuer_jwks_uri = _parse_issuer_jwks_uri(d.pop("issuer_jwks_uri", UNSET))

        institution_create = cls(
            name=name,
            country=country,
            kind=kind,
            erasmus_code=erasmus_code,
            schac_code=schac_code,
            pic=pic,
            client_jwks=client_jwks,
            client_jwks_uri=client_jwks_uri,
            issuer_id=issuer_id,
            issuer_jwks_uri=issuer_jwks_uri,
        )

        return institution_create
