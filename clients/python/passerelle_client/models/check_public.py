from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.check_name import CheckName
from ..models.wallet_verification_result_outcome import WalletVerificationResultOutcome

if TYPE_CHECKING:
    from ..models.check_public_evidence import CheckPublicEvidence


T = TypeVar("T", bound="CheckPublic")


@_attrs_define
class CheckPublic:
    """
    Attributes:
        check (CheckName):
        outcome (WalletVerificationResultOutcome):
        reason (str): Stable machine-readable reason code.
        message (str): One plain-language sentence (in the negotiated language where translated).
        explanation (str): What this check is about, in one sentence a non-specialist understands (negotiated language).
        evidence (CheckPublicEvidence): What the check used: key id, certificate, status list, times.
    """

    check: CheckName
    outcome: WalletVerificationResultOutcome
    reason: str
    message: str
    explanation: str
    evidence: CheckPublicEvidence
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        check = self.check.value

        outcome = self.outcome.value

        reason = self.reason

        message = self.message

        explanation = self.explanation

        evidence = self.evidence.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "check": check,
                "outcome": outcome,
                "reason": reason,
                "message": message,
                "explanation": explanation,
                "evidence": evidence,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.check_public_evidence import CheckPublicEvidence  # noqa: PLC0415

        d = dict(src_dict)
        check = CheckName(d.pop("check"))

        outcome = WalletVerificationResultOutcome(d.pop("outcome"))

        reason = d.pop("reason")

        message = d.pop("message")

        explanation = d.pop("explanation")

        evidence = CheckPublicEvidence.from_dict(d.pop("evidence"))

        check_public = cls(
            check=check,
            outcome=outcome,
            reason=reason,
            message=message,
            explanation=explanation,
            evidence=evidence,
        )

        check_public.additional_properties = d
        return check_public

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
