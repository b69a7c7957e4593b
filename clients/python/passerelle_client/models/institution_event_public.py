from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.institution_event_public_data import InstitutionEventPublicData


T = TypeVar("T", bound="InstitutionEventPublic")


@_attrs_define
class InstitutionEventPublic:
    """
    Attributes:
        id (UUID):
        seq (int): The event's number in your feed: 1, 2, 3 … in the order the events were committed, no gaps.
        type_ (str): `delivered`, `invited`, `invitation_claimed`, `accepted`, `declined`.
        item_id (None | UUID):
        data (InstitutionEventPublicData):
        at (datetime.datetime):
    """

    id: UUID
    seq: int
    type_: str
    item_id: None | UUID
    data: InstitutionEventPublicData
    at: datetime.datetime
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = str(self.id)

        seq = self.seq

        type_ = self.type_

        item_id: None | str
        if isinstance(self.item_id, UUID):
            item_id = str(self.item_id)
        else:
            item_id = self.item_id

        data = self.data.to_dict()

        at = self.at.isoformat()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "seq": seq,
                "type": type_,
                "item_id": item_id,
                "data": data,
                "at": at,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.institution_event_public_data import InstitutionEventPublicData  # noqa: PLC0415

        d = dict(src_dict)
        id = UUID(d.pop("id"))

        seq = d.pop("seq")

        type_ = d.pop("type")

        def _parse_item_id(data: object) -> None | UUID:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                item_id_type_0 = UUID(data)

                return item_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | UUID, data)

        item_id = _parse_item_id(d.pop("item_id"))

        data = InstitutionEventPublicData.from_dict(d.pop("data"))

        at = datetime.datetime.fromisoformat(d.pop("at"))

        institution_event_public = cls(
            id=id,
            seq=seq,
            type_=type_,
            item_id=item_id,
            data=data,
            at=at,
        )

        institution_event_public.additional_properties = d
        return institution_event_public

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
