from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="SharedSkill")


@_attrs_define
class SharedSkill:
    """A skill in a share's profile, built only from the learning outcomes the share releases.

    Attributes:
        key (str):
        esco_uri (None | str):
        label (str):
        credentials (list[int]): Positions (from 0) in the share's `credentials` of those behind it.
    """

    key: str
    esco_uri: None | str
    label: str
    credentials: list[int]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        key = self.key

        esco_uri: None | str
        esco_uri = self.esco_uri

        label = self.label

        credentials = self.credentials

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "key": key,
                "esco_uri": esco_uri,
                "label": label,
                "credentials": credentials,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        key = d.pop("key")

        def _parse_esco_uri(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        esco_uri = _parse_esco_uri(d.pop("esco_uri"))

        label = d.pop("label")

        credentials = cast(list[int], d.pop("credentials"))

        shared_skill = cls(
            key=key,
            esco_uri=esco_uri,
            label=label,
            credentials=credentials,
        )

        shared_skill.additional_properties = d
        return shared_skill

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
