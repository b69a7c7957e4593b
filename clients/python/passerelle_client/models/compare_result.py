from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.compare_result_outcome import CompareResultOutcome
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.compare_source import CompareSource
    from ..models.reading import Reading


T = TypeVar("T", bound="CompareResult")


@_attrs_define
class CompareResult:
    """A national level read through the EQF, and the levels of the target country's frameworks at that EQF level.

    Attributes:
        source (CompareSource):
        outcome (CompareResultOutcome):
        explanation (str):
        decided_by (None | str):
        readings (list[Reading]):
        target_country (None | str):
        caveat (str | Unset):  Default: 'A level is one indicator of comparability, not an equivalence: qualifications
            at a comparable level can differ in workload, profile, learning outcomes and purpose, and only a competent
            recognition authority decides on recognition.'.
        caveat_explanation (str | Unset): The caveat in plain words. Both follow `Accept-Language` (docs/languages.md).
            Default: 'Two qualifications at the same level are not automatically the same; only the authority that decides
            on recognition can say whether yours counts as equal.'.
    """

    source: CompareSource
    outcome: CompareResultOutcome
    explanation: str
    decided_by: None | str
    readings: list[Reading]
    target_country: None | str
    caveat: str | Unset = (
        "A level is one indicator of comparability, not an equivalence: qualifications at a comparable level can differ in workload, profile, learning outcomes and purpose, and only a competent recognition authority decides on recognition."
    )
    caveat_explanation: str | Unset = (
        "Two qualifications at the same level are not automatically the same; only the authority that decides on recognition can say whether yours counts as equal."
    )
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        source = self.source.to_dict()

        outcome = self.outcome.value

        explanation = self.explanation

        decided_by: None | str
        decided_by = self.decided_by

        readings = []
        for readings_item_data in self.readings:
            readings_item = readings_item_data.to_dict()
            readings.append(readings_item)

        target_country: None | str
        target_country = self.target_country

        caveat = self.caveat

        caveat_explanation = self.caveat_explanation

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "source": source,
                "outcome": outcome,
                "explanation": explanation,
                "decided_by": decided_by,
                "readings": readings,
                "target_country": target_country,
            }
        )
        if caveat is not UNSET:
            field_dict["caveat"] = caveat
        if caveat_explanation is not UNSET:
            field_dict["caveat_explanation"] = caveat_explanation

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.compare_source import CompareSource  # noqa: PLC0415
        from ..models.reading import Reading  # noqa: PLC0415

        d = dict(src_dict)
        source = CompareSource.from_dict(d.pop("source"))

        outcome = CompareResultOutcome(d.pop("outcome"))

        explanation = d.pop("explanation")

        def _parse_decided_by(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        decided_by = _parse_decided_by(d.pop("decided_by"))

        readings = []
        _readings = d.pop("readings")
        for readings_item_data in _readings:
            readings_item = Reading.from_dict(readings_item_data)

            readings.append(readings_item)

        def _parse_target_country(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        target_country = _parse_target_country(d.pop("target_country"))

        caveat = d.pop("caveat", UNSET)

        caveat_explanation = d.pop("caveat_explanation", UNSET)

        compare_result = cls(
            source=source,
            outcome=outcome,
            explanation=explanation,
            decided_by=decided_by,
            readings=readings,
            target_country=target_country,
            caveat=caveat,
            caveat_explanation=caveat_explanation,
        )

        compare_result.additional_properties = d
        return compare_result

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
