from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.trust_entry_public_accreditation import TrustEntryPublicAccreditation
    from ..models.trust_entry_public_keys_item import TrustEntryPublicKeysItem


T = TypeVar("T", bound="TrustEntryPublic")


@_attrs_define
class TrustEntryPublic:
    """
    Attributes:
        id (UUID):
        kind (str):
        label (str):
        issuer_id (None | str):
        certificate_pem (None | str):
        keys (list[TrustEntryPublicKeysItem]):
        accreditation (TrustEntryPublicAccreditation):
        created_at (datetime.datetime):
        jwks_uri (None | str | Unset):
    """

    id: UUID
    kind: str
    label: str
    issuer_id: None | str
    certificate_pem: None | str
    keys: list[TrustEntryPublicKeysItem]
    accreditation: TrustEntryPublicAccreditation
    created_at: datetime.datetime
    jwks_uri: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = str(self.id)

        kind = self.kind

        label = self.label

        issuer_id: None | str
        issuer_id = self.issuer_id

        certificate_pem: None | str
        certificate_pem = self.certificate_pem

        keys = []
        for keys_item_data in self.keys:
            keys_item = keys_item_data.to_dict()
            keys.append(keys_item)

        accreditation = self.accreditation.to_dict()

        created_at = self.created_at.isoformat()

        jwks_uri: None | str | Unset
        if isinstance(self.jwks_uri, Unset):
            jwks_uri = UNSET
        else:
            jwks_uri = self.jwks_uri

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "kind": kind,
                "label": label,
                "issuer_id": issuer_id,
                "certificate_pem": certificate_pem,
                "keys": keys,
                "accreditation": accreditation,
                "created_at": created_at,
            }
        )
        if jwks_uri is not UNSET:
            field_dict["jwks_uri"] = jwks_uri

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.trust_entry_public_accreditation import TrustEntryPublicAccreditation  # noqa: PLC0415
        from ..models.trust_entry_public_keys_item import TrustEntryPublicKeysItem  # noqa: PLC0415

        d = dict(src_dict)
        id = UUID(d.pop("id"))

        kind = d.pop("kind")

        label = d.pop("label")

        def _parse_issuer_id(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        issuer_id = _parse_issuer_id(d.pop("issuer_id"))

        def _parse_certificate_pem(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        certificate_pem = _parse_certificate_pem(d.pop("certificate_pem"))

        keys = []
        _keys = d.pop("keys")
        for keys_item_data in _keys:
            keys_item = TrustEntryPublicKeysItem.from_dict(keys_item_data)

            keys.append(keys_item)

        accreditation = TrustEntryPublicAccreditation.from_dict(d.pop("accreditation"))

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        def _parse_jwks_uri(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        jwks_uri = _parse_jwks_uri(d.pop("jwks_uri", UNSET))

        trust_entry_public = cls(
            id=id,
            kind=kind,
            label=label,
            issuer_id=issuer_id,
            certificate_pem=certificate_pem,
            keys=keys,
            accreditation=accreditation,
            created_at=created_at,
            jwks_uri=jwks_uri,
        )

        trust_entry_public.additional_properties = d
        return trust_entry_public

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties.keys())

    def __getitem__(self, key: str) -> Any:
        return self.additional_properties[key]

    def __setitem__(self, key: str, value: Any) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in self.additional_properties
