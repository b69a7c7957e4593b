from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="EndorsementConfirm")


@_attrs_define
class EndorsementConfirm:
    """
    Attributes:
        name (str): Your name, as it will appear in the signed endorsement.
        role (str): Your role or relation to the learner (trainer, supervisor, coordinator…).
        entry_version (int): The entry `version` you read; a changed entry answers 409.
        organisation (None | str | Unset):
        comment (None | str | Unset):
    """

    name: str
    role: str
    entry_version: int
    organisation: None | str | Unset = UNSET
    comment: None | str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        name = self.name

        role = self.role

        entry_version = self.entry_version

        organisation: None | str | Unset
        if isinstance(self.organisation, Unset):
            organisation = UNSET
        else:
            organisation = self.organisation

        comment: None | str | Unset
        if isinstance(self.comment, Unset):
            comment = UNSET
        else:
            comment = self.comment

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "name": name,
                "role": role,
                "entry_version": entry_version,
            }
        )
        if organisation is not UNSET:
            field_dict["organisation"] = organisation
        if comment is not UNSET:
            field_dict["comment"] = comment

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        name = d.pop("name")

        role = d.pop("role")

        entry_version = d.pop("entry_version")

        def _parse_organisation(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        organisation = _parse_organisation(d.pop("organisation", UNSET))

        def _parse_comment(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        comment = _parse_comment(d.pop("comment", UNSET))

        endorsement_confirm = cls(
            name=name,
            role=role,
            entry_version=entry_version,
            organisation=organisation,
            comment=comment,
        )

        return endorsement_confirm
