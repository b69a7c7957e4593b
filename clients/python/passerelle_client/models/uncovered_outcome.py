from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.uncovered_outcome_nearest_basis_type_0 import UncoveredOutcomeNearestBasisType0

T = TypeVar("T", bound="UncoveredOutcome")


@_attrs_define
class UncoveredOutcome:
    """
    Attributes:
        target (str): The target qualification's learning outcome.
        target_esco_uri (None | str): The ESCO URI the target outcome names, if any.
        nearest (None | str): The learner's outcome that came closest below the threshold, if any.
        nearest_source (None | str): Where the nearest outcome comes from (a credential's title).
        nearest_score (float | None): Its score, from 0 to 1, three decimals.
        nearest_basis (None | UncoveredOutcomeNearestBasisType0): How the nearest outcome was compared (see
            `OutcomeMatch`).
        shared_terms (list[str]): The words the target shares with the nearest outcome.
    """

    target: str
    target_esco_uri: None | str
    nearest: None | str
    nearest_source: None | str
    nearest_score: float | None
    nearest_basis: None | UncoveredOutcomeNearestBasisType0
    shared_terms: list[str]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        target = self.target

        target_esco_uri: None | str
        target_esco_uri = self.target_esco_uri

        nearest: None | str
        nearest = self.nearest

        nearest_source: None | str
        nearest_source = self.nearest_source

        nearest_score: float | None
        nearest_score = self.nearest_score

        nearest_basis: None | str
        if isinstance(self.nearest_basis, UncoveredOutcomeNearestBasisType0):
            nearest_basis = self.nearest_basis.value
        else:
            nearest_basis = self.nearest_basis

        shared_terms = self.shared_terms

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "target": target,
                "target_esco_uri": target_esco_uri,
                "nearest": nearest,
                "nearest_source": nearest_source,
                "nearest_score": nearest_score,
                "nearest_basis": nearest_basis,
                "shared_terms": shared_terms,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        target = d.pop("target")

        def _parse_target_esco_uri(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        target_esco_uri = _parse_target_esco_uri(d.pop("target_esco_uri"))

        def _parse_nearest(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        nearest = _parse_nearest(d.pop("nearest"))

        def _parse_nearest_source(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        nearest_source = _parse_nearest_source(d.pop("nearest_source"))

        def _parse_nearest_score(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        nearest_score = _parse_nearest_score(d.pop("nearest_score"))

        def _parse_nearest_basis(data: object) -> None | UncoveredOutcomeNearestBasisType0:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                nearest_basis_type_0 = UncoveredOutcomeNearestBasisType0(data)

                return nearest_basis_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | UncoveredOutcomeNearestBasisType0, data)

        nearest_basis = _parse_nearest_basis(d.pop("nearest_basis"))

        shared_terms = cast(list[str], d.pop("shared_terms"))

        uncovered_outcome = cls(
            target=target,
            target_esco_uri=target_esco_uri,
            nearest=nearest,
            nearest_source=nearest_source,
            nearest_score=nearest_score,
            nearest_basis=nearest_basis,
            shared_terms=shared_terms,
        )

        uncovered_outcome.additional_properties = d
        return uncovered_outcome

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
