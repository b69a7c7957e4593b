from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="HomeBand")


@_attrs_define
class HomeBand:
    """
    Attributes:
        grade (str):
        count (int):
        percent (float): Share of all passing grades awarded, in percent.
        from_percent (float): Where the band starts, counted from the best grade (0).
        to_percent (float):
        overlap_percent (float): Percentage points shared with the foreign grade's band.
        share_of_foreign_band (float): The overlap as a share (0-1) of the foreign grade's band.
    """

    grade: str
    count: int
    percent: float
    from_percent: float
    to_percent: float
    overlap_percent: float
    share_of_foreign_band: float
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        grade = self.grade

        count = self.count

        percent = self.percent

        from_percent = self.from_percent

        to_percent = self.to_percent

        overlap_percent = self.overlap_percent

        share_of_foreign_band = self.share_of_foreign_band

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "grade": grade,
                "count": count,
                "percent": percent,
                "from_percent": from_percent,
                "to_percent": to_percent,
                "overlap_percent": overlap_percent,
                "share_of_foreign_band": share_of_foreign_band,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        grade = d.pop("grade")

        count = d.pop("count")

        percent = d.pop("percent")

        from_percent = d.pop("from_percent")

        to_percent = d.pop("to_percent")

        overlap_percent = d.pop("overlap_percent")

        share_of_foreign_band = d.pop("share_of_foreign_band")

        home_band = cls(
            grade=grade,
            count=count,
            percent=percent,
            from_percent=from_percent,
            to_percent=to_percent,
            overlap_percent=overlap_percent,
            share_of_foreign_band=share_of_foreign_band,
        )

        home_band.additional_properties = d
        return home_band

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
