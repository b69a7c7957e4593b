from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="SkippedCredential")


@_attrs_define
class SkippedCredential:
    """
    Attributes:
        credential_configuration_id (str):
        code (str): Why: the issuer's error code, or Passerelle's reason.
        detail (str):
    """

    credential_configuration_id: str
    code: str
    detail: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        credential_configuration_id = self.credential_configuration_id

        code = self.code

        detail = self.detail

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "credential_configuration_id": credential_configuration_id,
                "code": code,
                "detail": detail,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        credential_configuration_id = d.pop("credential_configuration_id")

        code = d.pop("code")

        detail = d.pop("detail")

        skipped_credential = cls(
            credential_configuration_id=credential_configuration_id,
            code=code,
            detail=detail,
        )

        skipped_credential.additional_properties = d
        return skipped_credential

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
