from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.credit_rule_public import CreditRulePublic
    from ..models.credit_value import CreditValue


T = TypeVar("T", bound="CreditConversion")


@_attrs_define
class CreditConversion:
    """
    Attributes:
        original (CreditValue):
        ects (float):
        rule (CreditRulePublic):
        note (str | Unset):  Default: 'Converted notional workload; a conversion is not a recognition of the credits.'.
    """

    original: CreditValue
    ects: float
    rule: CreditRulePublic
    note: str | Unset = "Converted notional workload; a conversion is not a recognition of the credits."
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        original = self.original.to_dict()

        ects = self.ects

        rule = self.rule.to_dict()

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
        if note is not UNSET:
            field_dict["note"] = note

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.credit_rule_public import CreditRulePublic  # noqa: PLC0415
        from ..models.credit_value import CreditValue  # noqa: PLC0415

        d = dict(src_dict)
        original = CreditValue.from_dict(d.pop("original"))

        ects = d.pop("ects")

        rule = CreditRulePublic.from_dict(d.pop("rule"))

        note = d.pop("note", UNSET)

        credit_conversion = cls(
            original=original,
            ects=ects,
            rule=rule,
            note=note,
        )

        credit_conversion.additional_properties = d
        return credit_conversion

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
