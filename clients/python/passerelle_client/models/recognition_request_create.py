from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define

from ..models.case_kind import CaseKind
from ..models.purpose import Purpose
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.declared_qualification_input import DeclaredQualificationInput
    from ..models.share_item_create import ShareItemCreate


T = TypeVar("T", bound="RecognitionRequestCreate")


@_attrs_define
class RecognitionRequestCreate:
    """
    Attributes:
        body_id (UUID):
        purpose (Purpose):
        statement (str): What you ask for and why, in your words.
        kind (CaseKind | Unset):
        target_id (None | Unset | UUID): The body's target qualification, when known.
        items (list[ShareItemCreate] | Unset): The credentials and the fields of each you release to the body's
            officers.
        declared (list[DeclaredQualificationInput] | Unset):
        learning_entries (list[UUID] | Unset): Self-recorded learning entries of your wallet to have validated (non-
            formal and informal learning). The body's officers see each with its label (self-declared or endorsed), its
            endorsements and its evidence files.
    """

    body_id: UUID
    purpose: Purpose
    statement: str
    kind: CaseKind | Unset = UNSET
    target_id: None | Unset | UUID = UNSET
    items: list[ShareItemCreate] | Unset = UNSET
    declared: list[DeclaredQualificationInput] | Unset = UNSET
    learning_entries: list[UUID] | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        body_id = str(self.body_id)

        purpose = self.purpose.value

        statement = self.statement

        kind: str | Unset = UNSET
        if not isinstance(self.kind, Unset):
            kind = self.kind.value

        target_id: None | str | Unset
        if isinstance(self.target_id, Unset):
            target_id = UNSET
        elif isinstance(self.target_id, UUID):
            target_id = str(self.target_id)
        else:
            target_id = self.target_id

        items: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.items, Unset):
            items = []
            for items_item_data in self.items:
                items_item = items_item_data.to_dict()
                items.append(items_item)

        declared: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.declared, Unset):
            declared = []
            for declared_item_data in self.declared:
                declared_item = declared_item_data.to_dict()
                declared.append(declared_item)

        learning_entries: list[str] | Unset = UNSET
        if not isinstance(self.learning_entries, Unset):
            learning_entries = []
            for learning_entries_item_data in self.learning_entries:
                learning_entries_item = str(learning_entries_item_data)
                learning_entries.append(learning_entries_item)

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "body_id": body_id,
                "purpose": purpose,
                "statement": statement,
            }
        )
        if kind is not UNSET:
            field_dict["kind"] = kind
        if target_id is not UNSET:
            field_dict["target_id"] = target_id
        if items is not UNSET:
            field_dict["items"] = items
        if declared is not UNSET:
            field_dict["declared"] = declared
        if learning_entries is not UNSET:
            field_dict["learning_entries"] = learning_entries

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.declared_qualification_input import DeclaredQualificationInput  # noqa: PLC0415
        from ..models.share_item_create import ShareItemCreate  # noqa: PLC0415

        d = dict(src_dict)
        body_id = UUID(d.pop("body_id"))

        purpose = Purpose(d.pop("purpose"))

        statement = d.pop("statement")

        _kind = d.pop("kind", UNSET)
        kind: CaseKind | Unset
        if isinstance(_kind, Unset):
            kind = UNSET
        else:
            kind = CaseKind(_kind)

        def _parse_target_id(data: object) -> None | Unset | UUID:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                target_id_type_0 = UUID(data)

                return target_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | UUID, data)

        target_id = _parse_target_id(d.pop("target_id", UNSET))

        _items = d.pop("items", UNSET)
        items: list[ShareItemCreate] | Unset = UNSET
        if _items is not UNSET:
            items = []
            for items_item_data in _items:
                items_item = ShareItemCreate.from_dict(items_item_data)

                items.append(items_item)

        _declared = d.pop("declared", UNSET)
        declared: list[DeclaredQualificationInput] | Unset = UNSET
        if _declared is not UNSET:
            declared = []
            for declared_item_data in _declared:
                declared_item = DeclaredQualificationInput.from_dict(declared_item_data)

                declared.append(declared_item)

        _learning_entries = d.pop("learning_entries", UNSET)
        learning_entries: list[UUID] | Unset = UNSET
        if _learning_entries is not UNSET:
            learning_entries = []
            for learning_entries_item_data in _learning_entries:
                learning_entries_item = UUID(learning_entries_item_data)

                learning_entries.append(learning_entries_item)

        recognition_request_create = cls(
            body_id=body_id,
            purpose=purpose,
            statement=statement,
            kind=kind,
            target_id=target_id,
            items=items,
            declared=declared,
            learning_entries=learning_entries,
        )

        return recognition_request_create
