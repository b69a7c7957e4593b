from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="Level")


@_attrs_define
class Level:
    """A level as stated: `framework` is `EQF`, `QF-EHEA` or `NQF` (with `country`); `value` is the label as text.

    Attributes:
        framework (str):
        value (str):
        country (None | str | Unset):
        uri (None | str | Unset):
    """

    framework: str
    value: str
    country: None | str | Unset = UNSET
    uri: None | str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        framework = self.framework

        value = self.value

        country: None | str | Unset
        if isinstance(self.country, Unset):
            country = UNSET
        else:
            country = self.country

        uri: None | str | Unset
        if isinstance(self.uri, Unset):
            uri = UNSET
        else:
            uri = self.uri

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "framework": framework,
                "value": value,
            }
        )
        if country is not UNSET:
            field_dict["country"] = country
        if uri is not UNSET:
            field_dict["uri"] = uri

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        framework = d.pop("framework")

        value = d.pop("value")

        def _parse_country(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        country = _parse_country(d.pop("country", UNSET))

        def _parse_uri(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        uri = _parse_uri(d.pop("uri", UNSET))

        level = cls(
            framework=framework,
            value=value,
            country=country,
            uri=uri,
        )

        return level
