from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="Credits")


@_attrs_define
class Credits:
    """A workload as stated. `system` is `ECTS`, `UK`, `SCQF`, `hp`, `US-semester`, … or the document's own label.

    Attributes:
        value (float):
        system (str):
        hours (float | None | Unset):
    """

    value: float
    system: str
    hours: float | None | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        value = self.value

        system = self.system

        hours: float | None | Unset
        if isinstance(self.hours, Unset):
            hours = UNSET
        else:
            hours = self.hours

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "value": value,
                "system": system,
            }
        )
        if hours is not UNSET:
            field_dict["hours"] = hours

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        value = d.pop("value")

        system = d.pop("system")

        def _parse_hours(data: object) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | Unset, data)

        hours = _parse_hours(d.pop("hours", UNSET))

        credits_ = cls(
            value=value,
            system=system,
            hours=hours,
        )

        return credits_
