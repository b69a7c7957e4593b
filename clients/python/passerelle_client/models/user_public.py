from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.role import Role
from ..models.user_public_language import UserPublicLanguage
from ..types import UNSET, Unset

T = TypeVar("T", bound="UserPublic")


@_attrs_define
class UserPublic:
    """
    Attributes:
        id (UUID):
        email (None | str):
        display_name (str):
        role (Role):
        created_at (datetime.datetime):
        language (UserPublicLanguage | Unset): The language of the account's own pages and e-mails. Default:
            UserPublicLanguage.EN.
    """

    id: UUID
    email: None | str
    display_name: str
    role: Role
    created_at: datetime.datetime
    language: UserPublicLanguage | Unset = UserPublicLanguage.EN
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = str(self.id)

        email: None | str
        email = self.email

        display_name = self.display_name

        role = self.role.value

        created_at = self.created_at.isoformat()

        language: str | Unset = UNSET
        if not isinstance(self.language, Unset):
            language = self.language.value

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "email": email,
                "display_name": display_name,
                "role": role,
                "created_at": created_at,
            }
        )
        if language is not UNSET:
            field_dict["language"] = language

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = UUID(d.pop("id"))

        def _parse_email(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        email = _parse_email(d.pop("email"))

        display_name = d.pop("display_name")

        role = Role(d.pop("role"))

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        _language = d.pop("language", UNSET)
        language: UserPublicLanguage | Unset
        if isinstance(_language, Unset):
            language = UNSET
        else:
            language = UserPublicLanguage(_language)

        user_public = cls(
            id=id,
            email=email,
            display_name=display_name,
            role=role,
            created_at=created_at,
            language=language,
        )

        user_public.additional_properties = d
        return user_public

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
