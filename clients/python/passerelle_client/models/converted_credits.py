from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.credit_rule_public import CreditRulePublic
    from ..models.credit_value import CreditValue


T = TypeVar("T", bound="ConvertedCredits")


@_attrs_define
class ConvertedCredits:
    """
    Attributes:
        original (CreditValue):
        ects (float | None): Null when no rule is held for the system.
        rule (CreditRulePublic | None):
        hours (float | None | Unset):
        note (None | str | Unset):
    """

    original: CreditValue
    ects: float | None
    rule: CreditRulePublic | None
    hours: float | None | Unset = UNSET
    note: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.credit_rule_public import CreditRulePublic  # noqa: PLC0415

        original = self.original.to_dict()

        ects: float | None
        ects = self.ects

        rule: dict[str, Any] | None
        if isinstance(self.rule, CreditRulePublic):
            rule = self.rule.to_dict()
        else:
            rule = self.rule

        hours: float | None | Unset
        if isinstance(self.hours, Unset):
            hours = UNSET
        else:
            hours = self.hours

        note: None | str | Unset
        if isinstance(self.note, Unset):
            note = UNSET
        else:
            note = self.note

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "original": original,
                "ects": ects,
                "rule": rule,
            }
        )
        if hours is not UNSET:
            field_dict["hours"] = hours
        if note is not UNSET:
            field_dict["note"] = note

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.credit_rule_public import CreditRulePublic  # noqa: PLC0415
        from ..models.credit_value import CreditValue  # noqa: PLC0415

        d = dict(src_dict)
        original = CreditValue.from_dict(d.pop("original"))

        def _parse_ects(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        ects = _parse_ects(d.pop("ects"))

        def _parse_rule(data: object) -> CreditRulePublic | None:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                rule_type_0 = CreditRulePublic.from_dict(data)

                return rule_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(CreditRulePublic | None, data)

        rule = _parse_rule(d.pop("rule"))

        def _parse_hours(data: object) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | Unset, data)

        hours = _parse_hours(d.pop("hours", UNSET))

        def _parse_note(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        note = _parse_note(d.pop("note", UNSET))

        converted_credits = cls(
            original=original,
            ects=ects,
            rule=rule,
            hours=hours,
            note=note,
        )

        converted_credits.additional_properties = d
        return converted_credits

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
