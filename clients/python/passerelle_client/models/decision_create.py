from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define

from ..models.outcome_input import OutcomeInput
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.substantial_difference_input import SubstantialDifferenceInput


T = TypeVar("T", bound="DecisionCreate")


@_attrs_define
class DecisionCreate:
    """The officer's decision. Partial, conditional and denial must name the substantial differences found (the
    burden of proof lies with the assessor); every decision states its reasons.

        Attributes:
            outcome (OutcomeInput):
            reasons (str):
            recognised_as (None | str | Unset): Defaults to the target qualification's title.
            recognised_part (None | str | Unset): Partial recognition: which part.
            ects_recognised (float | None | Unset): Partial: how many ECTS.
            conditions (list[str] | Unset):
            substantial_differences (list[SubstantialDifferenceInput] | Unset):
            appeal_route (None | str | Unset): Defaults to the body's appeal route.
    """

    outcome: OutcomeInput
    reasons: str
    recognised_as: None | str | Unset = UNSET
    recognised_part: None | str | Unset = UNSET
    ects_recognised: float | None | Unset = UNSET
    conditions: list[str] | Unset = UNSET
    substantial_differences: list[SubstantialDifferenceInput] | Unset = UNSET
    appeal_route: None | str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        outcome = self.outcome.value

        reasons = self.reasons

        recognised_as: None | str | Unset
        if isinstance(self.recognised_as, Unset):
            recognised_as = UNSET
        else:
            recognised_as = self.recognised_as

        recognised_part: None | str | Unset
        if isinstance(self.recognised_part, Unset):
            recognised_part = UNSET
        else:
            recognised_part = self.recognised_part

        ects_recognised: float | None | Unset
        if isinstance(self.ects_recognised, Unset):
            ects_recognised = UNSET
        else:
            ects_recognised = self.ects_recognised

        conditions: list[str] | Unset = UNSET
        if not isinstance(self.conditions, Unset):
            conditions = self.conditions

        substantial_differences: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.substantial_differences, Unset):
            substantial_differences = []
            for substantial_differences_item_data in self.substantial_differences:
                substantial_differences_item = substantial_differences_item_data.to_dict()
                substantial_differences.append(substantial_differences_item)

        appeal_route: None | str | Unset
        if isinstance(self.appeal_route, Unset):
            appeal_route = UNSET
        else:
            appeal_route = self.appeal_route

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "outcome": outcome,
                "reasons": reasons,
            }
        )
        if recognised_as is not UNSET:
            field_dict["recognised_as"] = recognised_as
        if recognised_part is not UNSET:
            field_dict["recognised_part"] = recognised_part
        if ects_recognised is not UNSET:
            field_dict["ects_recognised"] = ects_recognised
        if conditions is not UNSET:
            field_dict["conditions"] = conditions
        if substantial_differences is not UNSET:
            field_dict["substantial_differences"] = substantial_differences
        if appeal_route is not UNSET:
            field_dict["appeal_route"] = appeal_route

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.substantial_difference_input import SubstantialDifferenceInput  # noqa: PLC0415

        d = dict(src_dict)
        outcome = OutcomeInput(d.pop("outcome"))

        reasons = d.pop("reasons")

        def _parse_recognised_as(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        recognised_as = _parse_recognised_as(d.pop("recognised_as", UNSET))

        def _parse_recognised_part(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        recognised_part = _parse_recognised_part(d.pop("recognised_part", UNSET))

        def _parse_ects_recognised(data: object) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | Unset, data)

        ects_recognised = _parse_ects_recognised(d.pop("ects_recognised", UNSET))

        conditions = cast(list[str], d.pop("conditions", UNSET))

        _substantial_differences = d.pop("substantial_differences", UNSET)
        substantial_differences: list[SubstantialDifferenceInput] | Unset = UNSET
        if _substantial_differences is not UNSET:
            substantial_differences = []
            for substantial_differences_item_data in _substantial_differences:
                substantial_differences_item = SubstantialDifferenceInput.from_dict(substantial_differences_item_data)

                substantial_differences.append(substantial_differences_item)

        def _parse_appeal_route(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        appeal_route = _parse_appeal_route(d.pop("appeal_route", UNSET))

        decision_create = cls(
            outcome=outcome,
            reasons=reasons,
            recognised_as=recognised_as,
            recognised_part=recognised_part,
            ects_recognised=ects_recognised,
            conditions=conditions,
            substantial_differences=substantial_differences,
            appeal_route=appeal_route,
        )

        return decision_create
