from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="DeferredCredential")


@_attrs_define
class DeferredCredential:
    """
    Attributes:
        credential_configuration_id (str):
        transaction_id (str): The issuer's reference for the credential it will issue later.
        interval (float | None): Seconds the issuer asks to wait before asking again.
    """

    credential_configuration_id: str
    transaction_id: str
    interval: float | None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        credential_configuration_id = self.credential_configuration_id

        transaction_id = self.transaction_id

        interval: float | None
        interval = self.interval

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "credential_configuration_id": credential_configuration_id,
                "transaction_id": transaction_id,
                "interval": interval,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        credential_configuration_id = d.pop("credential_configuration_id")

        transaction_id = d.pop("transaction_id")

        def _parse_interval(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        interval = _parse_interval(d.pop("interval"))

        deferred_credential = cls(
            credential_configuration_id=credential_configuration_id,
            transaction_id=transaction_id,
            interval=interval,
        )

        deferred_credential.additional_properties = d
        return deferred_credential

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
