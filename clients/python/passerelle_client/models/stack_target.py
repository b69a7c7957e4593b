from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="StackTarget")


@_attrs_define
class StackTarget:
    """
    Attributes:
        ects (float): Credits needed, in ECTS.
        eqf_level (int | None | Unset): Only credits at this EQF level or above count.
        field (None | str | Unset): Only credits in this ISCED-F field (a prefix) count.
    """

    ects: float
    eqf_level: int | None | Unset = UNSET
    field: None | str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        ects = self.ects

        eqf_level: int | None | Unset
        if isinstance(self.eqf_level, Unset):
            eqf_level = UNSET
        else:
            eqf_level = self.eqf_level

        field: None | str | Unset
        if isinstance(self.field, Unset):
            field = UNSET
        else:
            field = self.field

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "ects": ects,
            }
        )
        if eqf_level is not UNSET:
            field_dict["eqf_level"] = eqf_level
        if field is not UNSET:
            field_dict["field"] = field

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        ects = d.pop("ects")

        def _parse_eqf_level(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        eqf_level = _parse_eqf_level(d.pop("eqf_level", UNSET))

        def _parse_field(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        field = _parse_field(d.pop("field", UNSET))

        stack_target = cls(
            ects=ects,
            eqf_level=eqf_level,
            field=field,
        )

        return stack_target
