from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="LinkedPart")


@_attrs_define
class LinkedPart:
    """A credential carried inside this one (a CLR assertion, an ELMO learning opportunity).

    Attributes:
        format_ (str):
        title (None | str | Unset):
        credential_id (None | str | Unset): The wallet credential created for it.
    """

    format_: str
    title: None | str | Unset = UNSET
    credential_id: None | str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        format_ = self.format_

        title: None | str | Unset
        if isinstance(self.title, Unset):
            title = UNSET
        else:
            title = self.title

        credential_id: None | str | Unset
        if isinstance(self.credential_id, Unset):
            credential_id = UNSET
        else:
            credential_id = self.credential_id

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "format": format_,
            }
        )
        if title is not UNSET:
            field_dict["title"] = title
        if credential_id is not UNSET:
            field_dict["credential_id"] = credential_id

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        format_ = d.pop("format")

        def _parse_title(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        title = _parse_title(d.pop("title", UNSET))

        def _parse_credential_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        credential_id = _parse_credential_id(d.pop("credential_id", UNSET))

        linked_part = cls(
            format_=format_,
            title=title,
            credential_id=credential_id,
        )

        return linked_part
