from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.trust_issuer_create_accreditation import TrustIssuerCreateAccreditation
    from ..models.trust_issuer_create_keys_item import TrustIssuerCreateKeysItem


T = TypeVar("T", bound="TrustIssuerCreate")


@_attrs_define
class TrustIssuerCreate:
    """
    Attributes:
        issuer_id (str): The issuer identifier credentials name (a URL or a DID).
        label (str):
        keys (list[TrustIssuerCreateKeysItem] | Unset): Public JWKs.
        jwks_uri (None | str | Unset): Where the issuer publishes its keys (a JWK Set), fetched through the outbound
            guard when a credential names the issuer: for issuers that sign themselves and rotate their keys.
        accreditation (TrustIssuerCreateAccreditation | Unset): The issuer's accreditation or quality-assurance record,
            with its source.
    """

    issuer_id: str
    label: str
    keys: list[TrustIssuerCreateKeysItem] | Unset = UNSET
    jwks_uri: None | str | Unset = UNSET
    accreditation: TrustIssuerCreateAccreditation | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        issuer_id = self.issuer_id

        label = self.label

        keys: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.keys, Unset):
            keys = []
            for keys_item_data in self.keys:
                keys_item = keys_item_data.to_dict()
                keys.append(keys_item)

        jwks_uri: None | str | Unset
        if isinstance(self.jwks_uri, Unset):
            jwks_uri = UNSET
        else:
            jwks_uri = self.jwks_uri

        accreditation: dict[str, Any] | Unset = UNSET
        if not isinstance(self.accreditation, Unset):
            accreditation = self.accreditation.to_dict()

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "issuer_id": issuer_id,
                "label": label,
            }
        )
        if keys is not UNSET:
            field_dict["keys"] = keys
        if jwks_uri is not UNSET:
            field_dict["jwks_uri"] = jwks_uri
        if accreditation is not UNSET:
            field_dict["accreditation"] = accreditation

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.trust_issuer_create_accreditation import TrustIssuerCreateAccreditation  # noqa: PLC0415
        from ..models.trust_issuer_create_keys_item import TrustIssuerCreateKeysItem  # noqa: PLC0415

        d = dict(src_dict)
        issuer_id = d.pop("issuer_id")

        label = d.pop("label")

        _keys = d.pop("keys", UNSET)
        keys: list[TrustIssuerCreateKeysItem] | Unset = UNSET
        if _keys is not UNSET:
            keys = []
            for keys_item_data in _keys:
                keys_item = TrustIssuerCreateKeysItem.from_dict(keys_item_data)

                keys.append(keys_item)

        def _parse_jwks_uri(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        jwks_uri = _parse_jwks_uri(d.pop("jwks_uri", UNSET))

        _accreditation = d.pop("accreditation", UNSET)
        accreditation: TrustIssuerCreateAccreditation | Unset
        if isinstance(_accreditation, Unset):
            accreditation = UNSET
        else:
            accreditation = TrustIssuerCreateAccreditation.from_dict(_accreditation)

        trust_issuer_create = cls(
            issuer_id=issuer_id,
            label=label,
            keys=keys,
            jwks_uri=jwks_uri,
            accreditation=accreditation,
        )

        return trust_issuer_create
