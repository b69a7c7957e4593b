from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.stack_totals_ects_by_eqf_level import StackTotalsEctsByEqfLevel


T = TypeVar("T", bound="StackTotals")


@_attrs_define
class StackTotals:
    """
    Attributes:
        ects_counted (float):
        ects_all (float):
        ects_by_eqf_level (StackTotalsEctsByEqfLevel): Counted ECTS per EQF level (`unknown` when none).
    """

    ects_counted: float
    ects_all: float
    ects_by_eqf_level: StackTotalsEctsByEqfLevel
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        ects_counted = self.ects_counted

        ects_all = self.ects_all

        ects_by_eqf_level = self.ects_by_eqf_level.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "ects_counted": ects_counted,
                "ects_all": ects_all,
                "ects_by_eqf_level": ects_by_eqf_level,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.stack_totals_ects_by_eqf_level import StackTotalsEctsByEqfLevel  # noqa: PLC0415

        d = dict(src_dict)
        ects_counted = d.pop("ects_counted")

        ects_all = d.pop("ects_all")

        ects_by_eqf_level = StackTotalsEctsByEqfLevel.from_dict(d.pop("ects_by_eqf_level"))

        stack_totals = cls(
            ects_counted=ects_counted,
            ects_all=ects_all,
            ects_by_eqf_level=ects_by_eqf_level,
        )

        stack_totals.additional_properties = d
        return stack_totals

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
