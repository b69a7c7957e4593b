from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.credential_format import CredentialFormat

if TYPE_CHECKING:
    from ..models.verification_brief import VerificationBrief


T = TypeVar("T", bound="SkillCredential")


@_attrs_define
class SkillCredential:
    """A credential behind a skill.

    Attributes:
        id (UUID):
        title (None | str): The credential's title, or the label you gave it when it has none.
        issuer (None | str): The awarding body's name as the document states it.
        format_ (CredentialFormat):
        verification (None | VerificationBrief): The latest verification you ran on it; null when it was never verified.
    """

    id: UUID
    title: None | str
    issuer: None | str
    format_: CredentialFormat
    verification: None | VerificationBrief
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.verification_brief import VerificationBrief  # noqa: PLC0415

        id = str(self.id)

        title: None | str
        title = self.title

        issuer: None | str
        issuer = self.issuer

        format_ = self.format_.value

        verification: dict[str, Any] | None
        if isinstance(self.verification, VerificationBrief):
            verification = self.verification.to_dict()
        else:
            verification = self.verification

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "title": title,
                "issuer": issuer,
                "format": format_,
                "verification": verification,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.verification_brief import VerificationBrief  # noqa: PLC0415

        d = dict(src_dict)
        id = UUID(d.pop("id"))

        def _parse_title(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        title = _parse_title(d.pop("title"))

        def _parse_issuer(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        issuer = _parse_issuer(d.pop("issuer"))

        format_ = CredentialFormat(d.pop("format"))

        def _parse_verification(data: object) -> None | VerificationBrief:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                verification_type_0 = VerificationBrief.from_dict(data)

                return verification_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | VerificationBrief, data)

        verification = _parse_verification(d.pop("verification"))

        skill_credential = cls(
            id=id,
            title=title,
            issuer=issuer,
            format_=format_,
            verification=verification,
        )

        skill_credential.additional_properties = d
        return skill_credential

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
