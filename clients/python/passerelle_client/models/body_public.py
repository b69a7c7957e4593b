from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.body_kind import BodyKind

T = TypeVar("T", bound="BodyPublic")


@_attrs_define
class BodyPublic:
    """
    Attributes:
        id (UUID):
        name (str):
        country (str):
        kind (BodyKind):
        decision_days (int):
        appeal_days (int):
        appeal_route (None | str):
        created_at (datetime.datetime):
    """

    id: UUID
    name: str
    country: str
    kind: BodyKind
    decision_days: int
    appeal_days: int
    appeal_route: None | str
    created_at: datetime.datetime
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = str(self.id)

        name = self.name

        country = self.country

        kind = self.kind.value

        decision_days = self.decision_days

        appeal_days = self.appeal_days

        appeal_route: None | str
        appeal_route = self.appeal_route

        created_at = self.created_at.isoformat()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "name": name,
                "country": country,
                "kind": kind,
                "decision_days": decision_days,
                "appeal_days": appeal_days,
                "appeal_route": appeal_route,
                "created_at": created_at,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = UUID(d.pop("id"))

        name = d.pop("name")

        country = d.pop("country")

        kind = BodyKind(d.pop("kind"))

        decision_days = d.pop("decision_days")

        appeal_days = d.pop("appeal_days")

        def _parse_appeal_route(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        appeal_route = _parse_appeal_route(d.pop("appeal_route"))

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        body_public = cls(
            id=id,
            name=name,
            country=country,
            kind=kind,
            decision_days=decision_days,
            appeal_days=appeal_days,
            appeal_route=appeal_route,
            created_at=created_at,
        )

        body_public.additional_properties = d
        return body_public

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
