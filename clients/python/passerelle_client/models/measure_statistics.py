from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.measure_statistics_measure import MeasureStatisticsMeasure

if TYPE_CHECKING:
    from ..models.measure_statistics_breakdowns import MeasureStatisticsBreakdowns


T = TypeVar("T", bound="MeasureStatistics")


@_attrs_define
class MeasureStatistics:
    """
    Attributes:
        measure (MeasureStatisticsMeasure):
        label (str):
        total (int | None): Null when under 10.
        breakdowns (MeasureStatisticsBreakdowns): One table per dimension, each on its own.
    """

    measure: MeasureStatisticsMeasure
    label: str
    total: int | None
    breakdowns: MeasureStatisticsBreakdowns
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        measure = self.measure.value

        label = self.label

        total: int | None
        total = self.total

        breakdowns = self.breakdowns.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "measure": measure,
                "label": label,
                "total": total,
                "breakdowns": breakdowns,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.measure_statistics_breakdowns import MeasureStatisticsBreakdowns  # noqa: PLC0415

        d = dict(src_dict)
        measure = MeasureStatisticsMeasure(d.pop("measure"))

        label = d.pop("label")

        def _parse_total(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        total = _parse_total(d.pop("total"))

        breakdowns = MeasureStatisticsBreakdowns.from_dict(d.pop("breakdowns"))

        measure_statistics = cls(
            measure=measure,
            label=label,
            total=total,
            breakdowns=breakdowns,
        )

        measure_statistics.additional_properties = d
        return measure_statistics

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
