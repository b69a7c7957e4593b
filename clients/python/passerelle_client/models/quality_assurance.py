from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="QualityAssurance")


@_attrs_define
class QualityAssurance:
    """Annex I element 11. `accreditations` are identifiers or URIs of accreditations and QA reports stated.

    Attributes:
        type_ (None | str | Unset):
        body (None | str | Unset):
        accreditations (list[str] | Unset):
    """

    type_: None | str | Unset = UNSET
    body: None | str | Unset = UNSET
    accreditations: list[str] | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        type_: None | str | Unset
        if isinstance(self.type_, Unset):
            type_ = UNSET
        else:
            type_ = self.type_

        body: None | str | Unset
        if isinstance(self.body, Unset):
            body = UNSET
        else:
            body = self.body

        accreditations: list[str] | Unset = UNSET
        if not isinstance(self.accreditations, Unset):
            accreditations = self.accreditations

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if type_ is not UNSET:
            field_dict["type"] = type_
        if body is not UNSET:
            field_dict["body"] = body
        if accreditations is not UNSET:
            field_dict["accreditations"] = accreditations

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)

        def _parse_type_(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        type_ = _parse_type_(d.pop("type", UNSET))

        def _parse_body(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        body = _parse_body(d.pop("body", UNSET))

        accreditations = cast(list[str], d.pop("accreditations", UNSET))

        quality_assurance = cls(
            type_=type_,
            body=body,
            accreditations=accreditations,
        )

        return quality_assurance
