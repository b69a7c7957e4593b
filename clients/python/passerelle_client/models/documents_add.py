from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.share_item_create import ShareItemCreate


T = TypeVar("T", bound="DocumentsAdd")


@_attrs_define
class DocumentsAdd:
    """
    Attributes:
        items (list[ShareItemCreate] | Unset):
        learning_entries (list[UUID] | Unset): Self-recorded learning entries to attach.
        message (None | str | Unset): A note to the officers.
    """

    items: list[ShareItemCreate] | Unset = UNSET
    learning_entries: list[UUID] | Unset = UNSET
    message: None | str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        items: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.items, Unset):
            items = []
            for items_item_data in self.items:
                items_item = items_item_data.to_dict()
                items.append(items_item)

        learning_entries: list[str] | Unset = UNSET
        if not isinstance(self.learning_entries, Unset):
            learning_entries = []
            for learning_entries_item_data in self.learning_entries:
                learning_entries_item = str(learning_entries_item_data)
                learning_entries.append(learning_entries_item)

        message: None | str | Unset
        if isinstance(self.message, Unset):
            message = UNSET
        else:
            message = self.message

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if items is not UNSET:
            field_dict["items"] = items
        if learning_entries is not UNSET:
            field_dict["learning_entries"] = learning_entries
        if message is not UNSET:
            field_dict["message"] = message

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.share_item_create import ShareItemCreate  # noqa: PLC0415

        d = dict(src_dict)
        _items = d.pop("items", UNSET)
        items: list[ShareItemCreate] | Unset = UNSET
        if _items is not UNSET:
            items = []
            for items_item_data in _items:
                items_item = ShareItemCreate.from_dict(items_item_data)

                items.append(items_item)

        _learning_entries = d.pop("learning_entries", UNSET)
        learning_entries: list[UUID] | Unset = UNSET
        if _learning_entries is not UNSET:
            learning_entries = []
            for learning_entries_item_data in _learning_entries:
                learning_entries_item = UUID(learning_entries_item_data)

                learning_entries.append(learning_entries_item)

        def _parse_message(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        message = _parse_message(d.pop("message", UNSET))

        documents_add = cls(
            items=items,
            learning_entries=learning_entries,
            message=message,
        )

        return documents_add
