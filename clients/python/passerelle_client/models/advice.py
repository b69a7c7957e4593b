from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.advice_suggestion import AdviceSuggestion
    from ..models.element_assessment import ElementAssessment
    from ..models.outcome_coverage import OutcomeCoverage
    from ..models.target_qualification_public import TargetQualificationPublic


T = TypeVar("T", bound="Advice")


@_attrs_define
class Advice:
    """The advisor's pre-assessment along the five elements. It suggests; the officer decides.

    Attributes:
        case_id (UUID):
        generated_at (datetime.datetime):
        target (None | TargetQualificationPublic):
        credentials (list[str]): Titles of the released credentials the advice is based on.
        elements (list[ElementAssessment]):
        learning_outcomes (None | OutcomeCoverage):
        suggestion (AdviceSuggestion):
        caveat (str):
        caveat_explanation (str | Unset): The caveat in plain words. Both follow `Accept-Language` (docs/languages.md).
            Default: 'This is a computer-made first suggestion; a person makes the decision and must explain any reason for
            saying no.'.
    """

    case_id: UUID
    generated_at: datetime.datetime
    target: None | TargetQualificationPublic
    credentials: list[str]
    elements: list[ElementAssessment]
    learning_outcomes: None | OutcomeCoverage
    suggestion: AdviceSuggestion
    caveat: str
    caveat_explanation: str | Unset = (
        "This is a computer-made first suggestion; a person makes the decision and must explain any reason for saying no."
    )
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.outcome_coverage import OutcomeCoverage  # noqa: PLC0415
        from ..models.target_qualification_public import TargetQualificationPublic  # noqa: PLC0415

        case_id = str(self.case_id)

        generated_at = self.generated_at.isoformat()

        target: dict[str, Any] | None
        if isinstance(self.target, TargetQualificationPublic):
            target = self.target.to_dict()
        else:
            target = self.target

        credentials = self.credentials

        elements = []
        for elements_item_data in self.elements:
            elements_item = elements_item_data.to_dict()
            elements.append(elements_item)

        learning_outcomes: dict[str, Any] | None
        if isinstance(self.learning_outcomes, OutcomeCoverage):
            learning_outcomes = self.learning_outcomes.to_dict()
        else:
            learning_outcomes = self.learning_outcomes

        suggestion = self.suggestion.to_dict()

        caveat = self.caveat

        caveat_explanation = self.caveat_explanation

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "case_id": case_id,
                "generated_at": generated_at,
                "target": target,
                "credentials": credentials,
                "elements": elements,
                "learning_outcomes": learning_outcomes,
                "suggestion": suggestion,
                "caveat": caveat,
            }
        )
        if caveat_explanation is not UNSET:
            field_dict["caveat_explanation"] = caveat_explanation

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.advice_suggestion import AdviceSuggestion  # noqa: PLC0415
        from ..models.element_assessment import ElementAssessment  # noqa: PLC0415
        from ..models.outcome_coverage import OutcomeCoverage  # noqa: PLC0415
        from ..models.target_qualification_public import TargetQualificationPublic  # noqa: PLC0415

        d = dict(src_dict)
        case_id = UUID(d.pop("case_id"))

        generated_at = datetime.datetime.fromisoformat(d.pop("generated_at"))

        def _parse_target(data: object) -> None | TargetQualificationPublic:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                target_type_0 = TargetQualificationPublic.from_dict(data)

                return target_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | TargetQualificationPublic, data)

        target = _parse_target(d.pop("target"))

        credentials = cast(list[str], d.pop("credentials"))

        elements = []
        _elements = d.pop("elements")
        for elements_item_data in _elements:
            elements_item = ElementAssessment.from_dict(elements_item_data)

            elements.append(elements_item)

        def _parse_learning_outcomes(data: object) -> None | OutcomeCoverage:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                learning_outcomes_type_0 = OutcomeCoverage.from_dict(data)

                return learning_outcomes_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | OutcomeCoverage, data)

        learning_outcomes = _parse_learning_outcomes(d.pop("learning_outcomes"))

        suggestion = AdviceSuggestion.from_dict(d.pop("suggestion"))

        caveat = d.pop("caveat")

        caveat_explanation = d.pop("caveat_explanation", UNSET)

        advice = cls(
            case_id=case_id,
            generated_at=generated_at,
            target=target,
            credentials=credentials,
            elements=elements,
            learning_outcomes=learning_outcomes,
            suggestion=suggestion,
            caveat=caveat,
            caveat_explanation=caveat_explanation,
        )

        advice.additional_properties = d
        return advice

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
