from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.measure_statistics import MeasureStatistics


T = TypeVar("T", bound="UptakeStatistics")


@_attrs_define
class UptakeStatistics:
    """Aggregated uptake counts; no personal data; small cells suppressed (see `suppression`).

    Attributes:
        generated_at (datetime.datetime):
        threshold (int): Cells under this count are not published.
        suppression (str): The disclosure-control rule these figures follow.
        measures (list[MeasureStatistics]):
    """

    generated_at: datetime.datetime
    threshold: int
    suppression: str
    measures: list[MeasureStatistics]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        generated_at = self.generated_at.isoformat()

        threshold = self.threshold

        suppression = self.suppression

        measures = []
        for measures_item_data in self.measures:
            measures_item = measures_item_data.to_dict()
            measures.append(measures_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "generated_at": generated_at,
                "threshold": threshold,
                "suppression": suppression,
                "measures": measures,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.measure_statistics import MeasureStatistics  # noqa: PLC0415

        d = dict(src_dict)
        generated_at = datetime.datetime.fromisoformat(d.pop("generated_at"))

        threshold = d.pop("threshold")

        suppression = d.pop("suppression")

        measures = []
        _measures = d.pop("measures")
        for measures_item_data in _measures:
            measures_item = MeasureStatistics.from_dict(measures_item_data)

            measures.append(measures_item)

        uptake_statistics = cls(
            generated_at=generated_at,
            threshold=threshold,
            suppression=suppression,
            measures=measures,
        )

        uptake_statistics.additional_properties = d
        return uptake_statistics

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
