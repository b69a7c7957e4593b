from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..models.body_kind import BodyKind
from ..types import UNSET, Unset

T = TypeVar("T", bound="BodyCreate")


@_attrs_define
class BodyCreate:
    """
    Attributes:
        name (str):
        country (str): ISO 3166-1 alpha-2, upper case.
        kind (BodyKind | Unset):
        decision_days (int | Unset): The time limit for a decision the body announces beforehand, in days from the
            request. Default: 120.
        appeal_days (int | Unset): Days a learner has to appeal. Default: 30.
        appeal_route (None | str | Unset): How to appeal, in the body's words (a default text is used when empty).
    """

    name: str
    country: str
    kind: BodyKind | Unset = UNSET
    decision_days: int | Unset = 120
    appeal_days: int | Unset = 30
    appeal_route: None | str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        name = self.name

        country = self.country

        kind: str | Unset = UNSET
        if not isinstance(self.kind, Unset):
            kind = self.kind.value

        decision_days = self.decision_days

        appeal_days = self.appeal_days

        appeal_route: None | str | Unset
        if isinstance(self.appeal_route, Unset):
            appeal_route = UNSET
        else:
            appeal_route = self.appeal_route

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "name": name,
                "country": country,
            }
        )
        if kind is not UNSET:
            field_dict["kind"] = kind
        if decision_days is not UNSET:
            field_dict["decision_days"] = decision_days
        if appeal_days is not UNSET:
            field_dict["appeal_days"] = appeal_days
        if appeal_route is not UNSET:
            field_dict["appeal_route"] = appeal_route

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        name = d.pop("name")

        country = d.pop("country")

        _kind = d.pop("kind", UNSET)
        kind: BodyKind | Unset
        if isinstance(_kind, Unset):
            kind = UNSET
        else:
            kind = BodyKind(_kind)

        decision_days = d.pop("decision_days", UNSET)

        appeal_days = d.pop("appeal_days", UNSET)

        def _parse_appeal_route(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        appeal_route = _parse_appeal_route(d.pop("appeal_route", UNSET))

        body_create = cls(
            name=name,
            country=country,
            kind=kind,
            decision_days=decision_days,
            appeal_days=appeal_days,
            appeal_route=appeal_route,
        )

        return body_create
