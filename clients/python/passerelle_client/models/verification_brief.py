from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.verification_brief_checks import VerificationBriefChecks


T = TypeVar("T", bound="VerificationBrief")


@_attrs_define
class VerificationBrief:
    """The latest stored verification of a credential: each check's outcome (no overall verdict hides a failure).

    Attributes:
        verified_at (datetime.datetime):
        checks (VerificationBriefChecks): Outcome (`passed`, `failed`, `warning`, `skipped`) by check name.
    """

    verified_at: datetime.datetime
    checks: VerificationBriefChecks
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        verified_at = self.verified_at.isoformat()

        checks = self.checks.to_dict()

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
        from ..models.verification_brief_checks import VerificationBriefChecks  # noqa: PLC0415

        d = dict(src_dict)
        verified_at = datetime.datetime.fromisoformat(d.pop("verified_at"))

        checks = VerificationBriefChecks.from_dict(d.pop("checks"))

        verification_brief = cls(
            verified_at=verified_at,
            checks=checks,
        )

        verification_brief.additional_properties = d
        return verification_brief

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
