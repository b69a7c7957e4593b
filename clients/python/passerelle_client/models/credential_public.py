from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.credential_format import CredentialFormat

if TYPE_CHECKING:
    from ..models.summary import Summary


T = TypeVar("T", bound="CredentialPublic")


@_attrs_define
class CredentialPublic:
    """A credential's metadata and the summary known so far (never the document itself).

    Attributes:
        id (UUID):
        parent_id (None | UUID): The bundle or transcript this credential was imported with (a CLR, an ELMO transcript).
        format_ (CredentialFormat):
        media_type (str):
        sha256 (str): SHA-256 (hex) of the original bytes.
        size_bytes (int):
        label (None | str):
        tags (list[str]):
        summary (Summary): What a credential says, normalised across formats. Empty fields mean the document did not
            say.
        version (int):
        created_at (datetime.datetime):
        updated_at (datetime.datetime):
    """

    id: UUID
    parent_id: None | UUID
    format_: CredentialFormat
    media_type: str
    sha256: str
    size_bytes: int
    label: None | str
    tags: list[str]
    summary: Summary
    version: int
    created_at: datetime.datetime
    updated_at: datetime.datetime
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = str(self.id)

        parent_id: None | str
        if isinstance(self.parent_id, UUID):
            parent_id = str(self.parent_id)
        else:
            parent_id = self.parent_id

        format_ = self.format_.value

        media_type = self.media_type

        sha256 = self.sha256

        size_bytes = self.size_bytes

        label: None | str
        label = self.label

        tags = self.tags

        summary = self.summary.to_dict()

        version = self.version

        created_at = self.created_at.isoformat()

        updated_at = self.updated_at.isoformat()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "parent_id": parent_id,
                "format": format_,
                "media_type": media_type,
                "sha256": sha256,
                "size_bytes": size_bytes,
                "label": label,
                "tags": tags,
                "summary": summary,
                "version": version,
                "created_at": created_at,
                "updated_at": updated_at,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.summary import Summary  # noqa: PLC0415

        d = dict(src_dict)
        id = UUID(d.pop("id"))

        def _parse_parent_id(data: object) -> None | UUID:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                parent_id_type_0 = UUID(data)

                return parent_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | UUID, data)

        parent_id = _parse_parent_id(d.pop("parent_id"))

        format_ = CredentialFormat(d.pop("format"))

        media_type = d.pop("media_type")

        sha256 = d.pop("sha256")

        size_bytes = d.pop("size_bytes")

        def _parse_label(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        label = _parse_label(d.pop("label"))

        tags = cast(list[str], d.pop("tags"))

        summary = Summary.from_dict(d.pop("summary"))

        version = d.pop("version")

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))

        credential_public = cls(
            id=id,
            parent_id=parent_id,
            format_=format_,
            media_type=media_type,
            sha256=sha256,
            size_bytes=size_bytes,
            label=label,
            tags=tags,
            summary=summary,
            version=version,
            created_at=created_at,
            updated_at=updated_at,
        )

        credential_public.additional_properties = d
        return credential_public

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
