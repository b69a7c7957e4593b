from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="OutcomeInInput")


@_attrs_define
class OutcomeInInput:
    """
    Attributes:
        text (str):
        esco_uri (None | str | Unset): ESCO skill or competence URI.
    """

    text: str
    esco_uri: None | str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        text = self.text

        esco_uri: None | str | Unset
        if isinstance(self.esco_uri, Unset):
            esco_uri = UNSET
        else:
            esco_uri = self.esco_uri

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "text": text,
            }
        )
        if esco_uri is not UNSET:
            field_dict["esco_uri"] = esco_uri

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        text = d.pop("text")

        def _parse_esco_uri(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        esco_uri = _parse_esco_uri(d.pop("esco_uri", UNSET))

        outcome_in_input = cls(
            text=text,
            esco_uri=esco_uri,
        )

        return outcome_in_input
