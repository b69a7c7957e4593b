from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="ShareItemPublic")


@_attrs_define
class ShareItemPublic:
    """
    Attributes:
        credential_id (UUID):
        fields (list[str]):
        disclosures (list[str]):
    """

    credential_id: UUID
    fields: list[str]
    disclosures: list[str]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        credential_id = str(self.credential_id)

        fields = self.fields

        disclosures = self.disclosures

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "credential_id": credential_id,
                "fields": fields,
                "disclosures": disclosures,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        credential_id = UUID(d.pop("credential_id"))

        fields = cast(list[str], d.pop("fields"))

        disclosures = cast(list[str], d.pop("disclosures"))

        share_item_public = cls(
            credential_id=credential_id,
            fields=fields,
            disclosures=disclosures,
        )

        share_item_public.additional_properties = d
        return share_item_public

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
