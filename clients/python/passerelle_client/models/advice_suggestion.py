from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.recognition_cases_models_outcome import RecognitionCasesModelsOutcome

if TYPE_CHECKING:
    from ..models.substantial_difference_output import SubstantialDifferenceOutput


T = TypeVar("T", bound="AdviceSuggestion")


@_attrs_define
class AdviceSuggestion:
    """
    Attributes:
        outcome (None | RecognitionCasesModelsOutcome): Null when the data cannot support a suggestion.
        reasons (list[str]):
        possible_differences (list[SubstantialDifferenceOutput]): Differences the data shows; the officer decides
            whether they are substantial for the purpose.
    """

    outcome: None | RecognitionCasesModelsOutcome
    reasons: list[str]
    possible_differences: list[SubstantialDifferenceOutput]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        outcome: None | str
        if isinstance(self.outcome, RecognitionCasesModelsOutcome):
            outcome = self.outcome.value
        else:
            outcome = self.outcome

        reasons = self.reasons

        possible_differences = []
        for possible_differences_item_data in self.possible_differences:
            possible_differences_item = possible_differences_item_data.to_dict()
            possible_differences.append(possible_differences_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "outcome": outcome,
                "reasons": reasons,
                "possible_differences": possible_differences,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.substantial_difference_output import SubstantialDifferenceOutput  # noqa: PLC0415

        d = dict(src_dict)

        def _parse_outcome(data: object) -> None | RecognitionCasesModelsOutcome:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                outcome_type_0 = RecognitionCasesModelsOutcome(data)

                return outcome_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | RecognitionCasesModelsOutcome, data)

        outcome = _parse_outcome(d.pop("outcome"))

        reasons = cast(list[str], d.pop("reasons"))

        possible_differences = []
        _possible_differences = d.pop("possible_differences")
        for possible_differences_item_data in _possible_differences:
            possible_differences_item = SubstantialDifferenceOutput.from_dict(possible_differences_item_data)

            possible_differences.append(possible_differences_item)

        advice_suggestion = cls(
            outcome=outcome,
            reasons=reasons,
            possible_differences=possible_differences,
        )

        advice_suggestion.additional_properties = d
        return advice_suggestion

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
