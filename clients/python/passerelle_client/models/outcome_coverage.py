from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.outcome_match import OutcomeMatch
    from ..models.uncovered_outcome import UncoveredOutcome


T = TypeVar("T", bound="OutcomeCoverage")


@_attrs_define
class OutcomeCoverage:
    """
    Attributes:
        threshold (float): The score from which a target outcome counts as covered.
        covered (list[OutcomeMatch]): Target outcomes covered, each with the pair that covers it.
        uncovered (list[UncoveredOutcome]): Target outcomes not covered, with their near misses.
        coverage (float | None): Covered target outcomes over all target outcomes, 0 to 1, three decimals; null when the
            target states none.
        method (str | Unset): The matching method and its version. Default: 'esco-uri+weighted-term-overlap/2'.
        method_description (str | Unset): The method in plain words. Default: "Two outcomes match outright when they
            name the same ESCO skill (score 1) or a closely related skill (score 0.9). Otherwise their wording is compared:
            common words and phrases such as 'students will be able to' are set aside, word forms are reduced to a shared
            root ('communicate', 'communication'), rarer words count more, and the score from 0 to 1 is the share of the two
            outcomes' weighted words that they have in common.".
    """

    threshold: float
    covered: list[OutcomeMatch]
    uncovered: list[UncoveredOutcome]
    coverage: float | None
    method: str | Unset = "esco-uri+weighted-term-overlap/2"
    method_description: str | Unset = (
        "Two outcomes match outright when they name the same ESCO skill (score 1) or a closely related skill (score 0.9). Otherwise their wording is compared: common words and phrases such as 'students will be able to' are set aside, word forms are reduced to a shared root ('communicate', 'communication'), rarer words count more, and the score from 0 to 1 is the share of the two outcomes' weighted words that they have in common."
    )
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        threshold = self.threshold

        covered = []
        for covered_item_data in self.covered:
            covered_item = covered_item_data.to_dict()
            covered.append(covered_item)

        uncovered = []
        for uncovered_item_data in self.uncovered:
            uncovered_item = uncovered_item_data.to_dict()
            uncovered.append(uncovered_item)

        coverage: float | None
        coverage = self.coverage

        method = self.method

        method_description = self.method_description

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "threshold": threshold,
                "covered": covered,
                "uncovered": uncovered,
                "coverage": coverage,
            }
        )
        if method is not UNSET:
            field_dict["method"] = method
        if method_description is not UNSET:
            field_dict["method_description"] = method_description

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.outcome_match import OutcomeMatch  # noqa: PLC0415
        from ..models.uncovered_outcome import UncoveredOutcome  # noqa: PLC0415

        d = dict(src_dict)
        threshold = d.pop("threshold")

        covered = []
        _covered = d.pop("covered")
        for covered_item_data in _covered:
            covered_item = OutcomeMatch.from_dict(covered_item_data)

            covered.append(covered_item)

        uncovered = []
        _uncovered = d.pop("uncovered")
        for uncovered_item_data in _uncovered:
            uncovered_item = UncoveredOutcome.from_dict(uncovered_item_data)

            uncovered.append(uncovered_item)

        def _parse_coverage(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        coverage = _parse_coverage(d.pop("coverage"))

        method = d.pop("method", UNSET)

        method_description = d.pop("method_description", UNSET)

        outcome_coverage = cls(
            threshold=threshold,
            covered=covered,
            uncovered=uncovered,
            coverage=coverage,
            method=method,
            method_description=method_description,
        )

        outcome_coverage.additional_properties = d
        return outcome_coverage

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
