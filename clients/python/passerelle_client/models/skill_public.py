from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.skill_credential import SkillCredential


T = TypeVar("T", bound="SkillPublic")


@_attrs_define
class SkillPublic:
    """
    Attributes:
        key (str): The ESCO URI when a document gives one, otherwise `text:` and the outcome's normalised wording.
        esco_uri (None | str):
        label (str): The wording your credentials use most often for this skill.
        credentials (list[SkillCredential]): The credentials whose learning outcomes name it.
    """

    key: str
    esco_uri: None | str
    label: str
    credentials: list[SkillCredential]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        key = self.key

        esco_uri: None | str
        esco_uri = self.esco_uri

        label = self.label

        credentials = []
        for credentials_item_data in self.credentials:
            credentials_item = credentials_item_data.to_dict()
            credentials.append(credentials_item)

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
        from ..models.skill_credential import SkillCredential  # noqa: PLC0415

        d = dict(src_dict)
        key = d.pop("key")

        def _parse_esco_uri(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        esco_uri = _parse_esco_uri(d.pop("esco_uri"))

        label = d.pop("label")

        credentials = []
        _credentials = d.pop("credentials")
        for credentials_item_data in _credentials:
            credentials_item = SkillCredential.from_dict(credentials_item_data)

            credentials.append(credentials_item)

        skill_public = cls(
            key=key,
            esco_uri=esco_uri,
            label=label,
            credentials=credentials,
        )

        skill_public.additional_properties = d
        return skill_public

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
