from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.recognition_cases_models_outcome import RecognitionCasesModelsOutcome

if TYPE_CHECKING:
    from ..models.substantial_difference_output import SubstantialDifferenceOutput


T = TypeVar("T", bound="DecisionPublic")


@_attrs_define
class DecisionPublic:
    """
    Attributes:
        id (UUID):
        outcome (RecognitionCasesModelsOutcome):
        outcome_label (str):
        on_appeal (bool):
        recognised_as (None | str):
        recognised_part (None | str):
        ects_recognised (float | None):
        conditions (list[str]):
        substantial_differences (list[SubstantialDifferenceOutput]):
        reasons (str):
        appeal_route (str):
        appeal_deadline (datetime.date):
        late (bool): Decided after the time limit the body announced.
        based_on_incomplete_evidence (bool):
        valid_until (datetime.datetime | None):
        credential_ids (list[UUID]): The decision credentials in the learner's wallet.
        decided_at (datetime.datetime):
        superseded_at (datetime.datetime | None): Set when a decision on appeal replaced this one.
    """

    id: UUID
    outcome: RecognitionCasesModelsOutcome
    outcome_label: str
    on_appeal: bool
    recognised_as: None | str
    recognised_part: None | str
    ects_recognised: float | None
    conditions: list[str]
    substantial_differences: list[SubstantialDifferenceOutput]
    reasons: str
    appeal_route: str
    appeal_deadline: datetime.date
    late: bool
    based_on_incomplete_evidence: bool
    valid_until: datetime.datetime | None
    credential_ids: list[UUID]
    decided_at: datetime.datetime
    superseded_at: datetime.datetime | None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = str(self.id)

        outcome = self.outcome.value

        outcome_label = self.outcome_label

        on_appeal = self.on_appeal

        recognised_as: None | str
        recognised_as = self.recognised_as

        recognised_part: None | str
        recognised_part = self.recognised_part

        ects_recognised: float | None
        ects_recognised = self.ects_recognised

        conditions = self.conditions

        substantial_differences = []
        for substantial_differences_item_data in self.substantial_differences:
            substantial_differences_item = substantial_differences_item_data.to_dict()
            substantial_differences.append(substantial_differences_item)

        reasons = self.reasons

        appeal_route = self.appeal_route

        appeal_deadline = self.appeal_deadline.isoformat()

        late = self.late

        based_on_incomplete_evidence = self.based_on_incomplete_evidence

        valid_until: None | str
        if isinstance(self.valid_until, datetime.datetime):
            valid_until = self.valid_until.isoformat()
        else:
            valid_until = self.valid_until

        credential_ids = []
        for credential_ids_item_data in self.credential_ids:
            credential_ids_item = str(credential_ids_item_data)
            credential_ids.append(credential_ids_item)

        decided_at = self.decided_at.isoformat()

        superseded_at: None | str
        if isinstance(self.superseded_at, datetime.datetime):
            superseded_at = self.superseded_at.isoformat()
        else:
            superseded_at = self.superseded_at

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "outcome": outcome,
                "outcome_label": outcome_label,
                "on_appeal": on_appeal,
                "recognised_as": recognised_as,
                "recognised_part": recognised_part,
                "ects_recognised": ects_recognised,
                "conditions": conditions,
                "substantial_differences": substantial_differences,
                "reasons": reasons,
                "appeal_route": appeal_route,
                "appeal_deadline": appeal_deadline,
                "late": late,
                "based_on_incomplete_evidence": based_on_incomplete_evidence,
                "valid_until": valid_until,
                "credential_ids": credential_ids,
                "decided_at": decided_at,
                "superseded_at": superseded_at,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.substantial_difference_output import SubstantialDifferenceOutput  # noqa: PLC0415

        d = dict(src_dict)
        id = UUID(d.pop("id"))

        outcome = RecognitionCasesModelsOutcome(d.pop("outcome"))

        outcome_label = d.pop("outcome_label")

        on_appeal = d.pop("on_appeal")

        def _parse_recognised_as(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        recognised_as = _parse_recognised_as(d.pop("recognised_as"))

        def _parse_recognised_part(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        recognised_part = _parse_recognised_part(d.pop("recognised_part"))

        def _parse_ects_recognised(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        ects_recognised = _parse_ects_recognised(d.pop("ects_recognised"))

        conditions = cast(list[str], d.pop("conditions"))

        substantial_differences = []
        _substantial_differences = d.pop("substantial_differences")
        for substantial_differences_item_data in _substantial_differences:
            substantial_differences_item = SubstantialDifferenceOutput.from_dict(substantial_differences_item_data)

            substantial_differences.append(substantial_differences_item)

        reasons = d.pop("reasons")

        appeal_route = d.pop("appeal_route")

        appeal_deadline = datetime.date.fromisoformat(d.pop("appeal_deadline"))

        late = d.pop("late")

        based_on_incomplete_evidence = d.pop("based_on_incomplete_evidence")

        def _parse_valid_until(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                valid_until_type_0 = datetime.datetime.fromisoformat(data)

                return valid_until_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        valid_until = _parse_valid_until(d.pop("valid_until"))

        credential_ids = []
        _credential_ids = d.pop("credential_ids")
        for credential_ids_item_data in _credential_ids:
            credential_ids_item = UUID(credential_ids_item_data)

            credential_ids.append(credential_ids_item)

        decided_at = datetime.datetime.fromisoformat(d.pop("decided_at"))

        def _parse_superseded_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                superseded_at_type_0 = datetime.datetime.fromisoformat(data)

                return superseded_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        superseded_at = _parse_superseded_at(d.pop("superseded_at"))

        decision_public = cls(
            id=id,
            outcome=outcome,
            outcome_label=outcome_label,
            on_appeal=on_appeal,
            recognised_as=recognised_as,
            recognised_part=recognised_part,
            ects_recognised=ects_recognised,
            conditions=conditions,
            substantial_differences=substantial_differences,
            reasons=reasons,
            appeal_route=appeal_route,
            appeal_deadline=appeal_deadline,
            late=late,
            based_on_incomplete_evidence=based_on_incomplete_evidence,
            valid_until=valid_until,
            credential_ids=credential_ids,
            decided_at=decided_at,
            superseded_at=superseded_at,
        )

        decision_public.additional_properties = d
        return decision_public

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
