from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.sensitive_field_warning import SensitiveFieldWarning
    from ..models.shared_credential import SharedCredential
    from ..models.shared_skill import SharedSkill


T = TypeVar("T", bound="SharePreview")


@_attrs_define
class SharePreview:
    """
    Attributes:
        credentials (list[SharedCredential]):
        warnings (list[SensitiveFieldWarning]): Sensitive fields and SD-JWT VC disclosures the selection releases.
        skills_profile (list[SharedSkill] | None | Unset): With `include_skills_profile`: the skills profile the viewer
            will see.
    """

    credentials: list[SharedCredential]
    warnings: list[SensitiveFieldWarning]
    skills_profile: list[SharedSkill] | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        credentials = []
        for credentials_item_data in self.credentials:
            credentials_item = credentials_item_data.to_dict()
            credentials.append(credentials_item)

        warnings = []
        for warnings_item_data in self.warnings:
            warnings_item = warnings_item_data.to_dict()
            warnings.append(warnings_item)

        skills_profile: list[dict[str, Any]] | None | Unset
        if isinstance(self.skills_profile, Unset):
            skills_profile = UNSET
        elif isinstance(self.skills_profile, list):
            skills_profile = []
            for skills_profile_type_0_item_data in self.skills_profile:
                skills_profile_type_0_item = skills_profile_type_0_item_data.to_dict()
                skills_profile.append(skills_profile_type_0_item)

        else:
            skills_profile = self.skills_profile

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "credentials": credentials,
                "warnings": warnings,
            }
        )
        if skills_profile is not UNSET:
            field_dict["skills_profile"] = skills_profile

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.sensitive_field_warning import SensitiveFieldWarning  # noqa: PLC0415
        from ..models.shared_credential import SharedCredential  # noqa: PLC0415
        from ..models.shared_skill import SharedSkill  # noqa: PLC0415

        d = dict(src_dict)
        credentials = []
        _credentials = d.pop("credentials")
        for credentials_item_data in _credentials:
            credentials_item = SharedCredential.from_dict(credentials_item_data)

            credentials.append(credentials_item)

        warnings = []
        _warnings = d.pop("warnings")
        for warnings_item_data in _warnings:
            warnings_item = SensitiveFieldWarning.from_dict(warnings_item_data)

            warnings.append(warnings_item)

        def _parse_skills_profile(data: object) -> list[SharedSkill] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                skills_profile_type_0 = []
                _skills_profile_type_0 = data
                for skills_profile_type_0_item_data in _skills_profile_type_0:
                    skills_profile_type_0_item = SharedSkill.from_dict(skills_profile_type_0_item_data)

                    skills_profile_type_0.append(skills_profile_type_0_item)

                return skills_profile_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[SharedSkill] | None | Unset, data)

        skills_profile = _parse_skills_profile(d.pop("skills_profile", UNSET))

        share_preview = cls(
            credentials=credentials,
            warnings=warnings,
            skills_profile=skills_profile,
        )

        share_preview.additional_properties = d
        return share_preview

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
