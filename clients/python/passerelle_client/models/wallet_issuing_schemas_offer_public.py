from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="WalletIssuingSchemasOfferPublic")


@_attrs_define
class WalletIssuingSchemasOfferPublic:
    """
    Attributes:
        offer_uri (str): `openid-credential-offer://?credential_offer_uri=…`; show it as a QR code.
        tx_code (None | str): Give this code to the learner by another channel than the offer.
        expires_at (datetime.datetime):
    """

    offer_uri: str
    tx_code: None | str
    expires_at: datetime.datetime
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        offer_uri = self.offer_uri

        tx_code: None | str
        tx_code = self.tx_code

        expires_at = self.expires_at.isoformat()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "offer_uri": offer_uri,
                "tx_code": tx_code,
                "expires_at": expires_at,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        offer_uri = d.pop("offer_uri")

        def _parse_tx_code(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        tx_code = _parse_tx_code(d.pop("tx_code"))

        expires_at = datetime.datetime.fromisoformat(d.pop("expires_at"))

        wallet_issuing_schemas_offer_public = cls(
            offer_uri=offer_uri,
            tx_code=tx_code,
            expires_at=expires_at,
        )

        wallet_issuing_schemas_offer_public.additional_properties = d
        return wallet_issuing_schemas_offer_public

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
