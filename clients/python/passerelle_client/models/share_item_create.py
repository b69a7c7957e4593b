from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define

from ..models.share_item_create_fields_item import ShareItemCreateFieldsItem
from ..types import UNSET, Unset

T = TypeVar("T", bound="ShareItemCreate")


@_attrs_define
class ShareItemCreate:
    """
    Attributes:
        credential_id (UUID):
        fields (list[ShareItemCreateFieldsItem]): Summary fields the viewer may see.
        disclosures (list[str] | Unset): SD-JWT VC only: the claims to disclose (names from the summary's
            `disclosable`); the viewer receives an SD-JWT presentation with only these disclosures.
    """

    credential_id: UUID
    fields: list[ShareItemCreateFieldsItem]
    disclosures: list[str] | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        credential_id = str(self.credential_id)

        fields = []
        for fields_item_data in self.fields:
            fields_item = fields_item_data.value
            fields.append(fields_item)

        disclosures: list[str] | Unset = UNSET
        if not isinstance(self.disclosures, Unset):
            disclosures = self.disclosures

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "credential_id": credential_id,
                "fields": fields,
            }
        )
        if disclosures is not UNSET:
            field_dict["disclosures"] = disclosures

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        credential_id = UUID(d.pop("credential_id"))

        fields = []
        _fields = d.pop("fields")
        for fields_item_data in _fields:
            fields_item = ShareItemCreateFieldsItem(fields_item_data)

            fields.append(fields_item)

        disclosures = cast(list[str], d.pop("disclosures", UNSET))

        share_item_create = cls(
            credential_id=credential_id,
            fields=fields,
            disclosures=disclosures,
        )

        return share_item_create
