from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.shared_credential import SharedCredential


T = TypeVar("T", bound="CaseDocument")


@_attrs_define
class CaseDocument:
    """
    Attributes:
        share_id (UUID):
        credential (SharedCredential): What a viewer receives for one credential: only the released fields.
    """

    share_id: UUID
    credential: SharedCredential
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        share_id = str(self.share_id)

        credential = self.credential.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "share_id": share_id,
                "credential": credential,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.shared_credential import SharedCredential  # noqa: PLC0415

        d = dict(src_dict)
        share_id = UUID(d.pop("share_id"))

        credential = SharedCredential.from_dict(d.pop("credential"))

        case_document = cls(
            share_id=share_id,
            credential=credential,
        )

        case_document.additional_properties = d
        return case_document

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
