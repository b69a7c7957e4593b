from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.check_view import CheckView


T = TypeVar("T", bound="VerificationView")


@_attrs_define
class VerificationView:
    """The verification result as a share shows it: each check's outcome and reason, no evidence values.

    Attributes:
        verified_at (datetime.datetime):
        checks (list[CheckView]):
    """

    verified_at: datetime.datetime
    checks: list[CheckView]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        verified_at = self.verified_at.isoformat()

        checks = []
        for checks_item_data in self.checks:
            checks_item = checks_item_data.to_dict()
            checks.append(checks_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "verified_at": verified_at,
                "checks": checks,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.check_view import CheckView  # noqa: PLC0415

        d = dict(src_dict)
        verified_at = datetime.datetime.fromisoformat(d.pop("verified_at"))

        checks = []
        _checks = d.pop("checks")
        for checks_item_data in _checks:
            checks_item = CheckView.from_dict(checks_item_data)

            checks.append(checks_item)

        verification_view = cls(
            verified_at=verified_at,
            checks=checks,
        )

        verification_view.additional_properties = d
        return verification_view

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
