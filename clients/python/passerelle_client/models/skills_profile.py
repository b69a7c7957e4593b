from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.skill_public import SkillPublic


T = TypeVar("T", bound="SkillsProfile")


@_attrs_define
class SkillsProfile:
    """Your skills, from the learning outcomes of your credentials; most widely evidenced first.

    Attributes:
        skills (list[SkillPublic]):
        credentials_considered (int): How many credentials in your wallet were read.
        credentials_with_outcomes (int): How many of them state learning outcomes.
    """

    skills: list[SkillPublic]
    credentials_considered: int
    credentials_with_outcomes: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        skills = []
        for skills_item_data in self.skills:
            skills_item = skills_item_data.to_dict()
            skills.append(skills_item)

        credentials_considered = self.credentials_considered

        credentials_with_outcomes = self.credentials_with_outcomes

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "skills": skills,
                "credentials_considered": credentials_considered,
                "credentials_with_outcomes": credentials_with_outcomes,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.skill_public import SkillPublic  # noqa: PLC0415

        d = dict(src_dict)
        skills = []
        _skills = d.pop("skills")
        for skills_item_data in _skills:
            skills_item = SkillPublic.from_dict(skills_item_data)

            skills.append(skills_item)

        credentials_considered = d.pop("credentials_considered")

        credentials_with_outcomes = d.pop("credentials_with_outcomes")

        skills_profile = cls(
            skills=skills,
            credentials_considered=credentials_considered,
            credentials_with_outcomes=credentials_with_outcomes,
        )

        skills_profile.additional_properties = d
        return skills_profile

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
