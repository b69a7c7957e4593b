from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.precedent_match import PrecedentMatch
from ..models.recognition_cases_models_outcome import RecognitionCasesModelsOutcome

if TYPE_CHECKING:
    from ..models.substantial_difference_output import SubstantialDifferenceOutput


T = TypeVar("T", bound="Precedent")


@_attrs_define
class Precedent:
    """
    Attributes:
        decision_id (UUID):
        decided_at (datetime.datetime):
        outcome (RecognitionCasesModelsOutcome):
        on_appeal (bool):
        match (PrecedentMatch):
        qualification (None | str):
        issuer (None | str):
        eqf_level (int | None):
        field_of_study (None | str):
        recognised_as (None | str):
        ects_recognised (float | None):
        substantial_differences (list[SubstantialDifferenceOutput]):
        reasons (str):
    """

    decision_id: UUID
    decided_at: datetime.datetime
    outcome: RecognitionCasesModelsOutcome
    on_appeal: bool
    match: PrecedentMatch
    qualification: None | str
    issuer: None | str
    eqf_level: int | None
    field_of_study: None | str
    recognised_as: None | str
    ects_recognised: float | None
    substantial_differences: list[SubstantialDifferenceOutput]
    reasons: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        decision_id = str(self.decision_id)

        decided_at = self.decided_at.isoformat()

        outcome = self.outcome.value

        on_appeal = self.on_appeal

        match = self.match.value

        qualification: None | str
        qualification = self.qualification

        issuer: None | str
        issuer = self.issuer

        eqf_level: int | None
        eqf_level = self.eqf_level

        field_of_study: None | str
        field_of_study = self.field_of_study

        recognised_as: None | str
        recognised_as = self.recognised_as

        ects_recognised: float | None
        ects_recognised = self.ects_recognised

        substantial_differences = []
        for substantial_differences_item_data in self.substantial_differences:
            substantial_differences_item = substantial_differences_item_data.to_dict()
            substantial_differences.append(substantial_differences_item)

        reasons = self.reasons

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "decision_id": decision_id,
                "decided_at": decided_at,
                "outcome": outcome,
                "on_appeal": on_appeal,
                "match": match,
                "qualification": qualification,
                "issuer": issuer,
                "eqf_level": eqf_level,
                "field_of_study": field_of_study,
                "recognised_as": recognised_as,
                "ects_recognised": ects_recognised,
                "substantial_differences": substantial_differences,
                "reasons": reasons,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.substantial_difference_output import SubstantialDifferenceOutput  # noqa: PLC0415

        d = dict(src_dict)
        decision_id = UUID(d.pop("decision_id"))

        decided_at = datetime.datetime.fromisoformat(d.pop("decided_at"))

        outcome = RecognitionCasesModelsOutcome(d.pop("outcome"))

        on_appeal = d.pop("on_appeal")

        match = PrecedentMatch(d.pop("match"))

        def _parse_qualification(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        qualification = _parse_qualification(d.pop("qualification"))

        def _parse_issuer(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        issuer = _parse_issuer(d.pop("issuer"))

        def _parse_eqf_level(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        eqf_level = _parse_eqf_level(d.pop("eqf_level"))

        def _parse_field_of_study(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        field_of_study = _parse_field_of_study(d.pop("field_of_study"))

        def _parse_recognised_as(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        recognised_as = _parse_recognised_as(d.pop("recognised_as"))

        def _parse_ects_recognised(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        ects_recognised = _parse_ects_recognised(d.pop("ects_recognised"))

        substantial_differences = []
        _substantial_differences = d.pop("substantial_differences")
        for substantial_differences_item_data in _substantial_differences:
            substantial_differences_item = SubstantialDifferenceOutput.from_dict(substantial_differences_item_data)

            substantial_differences.append(substantial_differences_item)

        reasons = d.pop("reasons")

        precedent = cls(
            decision_id=decision_id,
            decided_at=decided_at,
            outcome=outcome,
            on_appeal=on_appeal,
            match=match,
            qualification=qualification,
            issuer=issuer,
            eqf_level=eqf_level,
            field_of_study=field_of_study,
            recognised_as=recognised_as,
            ects_recognised=ects_recognised,
            substantial_differences=substantial_differences,
            reasons=reasons,
        )

        precedent.additional_properties = d
        return precedent

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
