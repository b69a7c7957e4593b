from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.shared_credential_validity import SharedCredentialValidity
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.shared_credential_fields import SharedCredentialFields
    from ..models.shared_credential_recognition_type_0 import SharedCredentialRecognitionType0
    from ..models.verification_view import VerificationView


T = TypeVar("T", bound="SharedCredential")


@_attrs_define
class SharedCredential:
    """What a viewer receives for one credential: only the released fields.

    Attributes:
        format_ (str):
        fields (SharedCredentialFields): The released summary fields, by name.
        withheld (list[str]): Summary fields the document carries that the learner did not release.
        selective_disclosure (bool): True when only the chosen disclosures leave (SD-JWT VC); otherwise Passerelle
            verified the whole document and releases only the listed fields.
        validity (SharedCredentialValidity): The credential's own validity (not the link's expiry).
        sd_jwt (None | str | Unset): SD-JWT VC: the presentation with only the chosen disclosures.
        verification (None | Unset | VerificationView):
        recognition (None | SharedCredentialRecognitionType0 | Unset): The recognition packet, computed from the
            released fields only.
    """

    format_: str
    fields: SharedCredentialFields
    withheld: list[str]
    selective_disclosure: bool
    validity: SharedCredentialValidity
    sd_jwt: None | str | Unset = UNSET
    verification: None | Unset | VerificationView = UNSET
    recognition: None | SharedCredentialRecognitionType0 | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.shared_credential_recognition_type_0 import SharedCredentialRecognitionType0  # noqa: PLC0415
        from ..models.verification_view import VerificationView  # noqa: PLC0415

        format_ = self.format_

        fields = self.fields.to_dict()

        withheld = self.withheld

        selective_disclosure = self.selective_disclosure

        validity = self.validity.value

        sd_jwt: None | str | Unset
        if isinstance(self.sd_jwt, Unset):
            sd_jwt = UNSET
        else:
            sd_jwt = self.sd_jwt

        verification: dict[str, Any] | None | Unset
        if isinstance(self.verification, Unset):
            verification = UNSET
        elif isinstance(self.verification, VerificationView):
            verification = self.verification.to_dict()
        else:
            verification = self.verification

        recognition: dict[str, Any] | None | Unset
        if isinstance(self.recognition, Unset):
            recognition = UNSET
        elif isinstance(self.recognition, SharedCredentialRecognitionType0):
            recognition = self.recognition.to_dict()
        else:
            recognition = self.recognition

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "format": format_,
                "fields": fields,
                "withheld": withheld,
                "selective_disclosure": selective_disclosure,
                "validity": validity,
            }
        )
        if sd_jwt is not UNSET:
            field_dict["sd_jwt"] = sd_jwt
        if verification is not UNSET:
            field_dict["verification"] = verification
        if recognition is not UNSET:
            field_dict["recognition"] = recognition

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.shared_credential_fields import SharedCredentialFields  # noqa: PLC0415
        from ..models.shared_credential_recognition_type_0 import SharedCredentialRecognitionType0  # noqa: PLC0415
        from ..models.verification_view import VerificationView  # noqa: PLC0415

        d = dict(src_dict)
        format_ = d.pop("format")

        fields = SharedCredentialFields.from_dict(d.pop("fields"))

        withheld = cast(list[str], d.pop("withheld"))

        selective_disclosure = d.pop("selective_disclosure")

        validity = SharedCredentialValidity(d.pop("validity"))

        def _parse_sd_jwt(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        sd_jwt = _parse_sd_jwt(d.pop("sd_jwt", UNSET))

        def _parse_verification(data: object) -> None | Unset | VerificationView:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                verification_type_0 = VerificationView.from_dict(data)

                return verification_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | VerificationView, data)

        verification = _parse_verification(d.pop("verification", UNSET))

        def _parse_recognition(data: object) -> None | SharedCredentialRecognitionType0 | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                recognition_type_0 = SharedCredentialRecognitionType0.from_dict(data)

                return recognition_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | SharedCredentialRecognitionType0 | Unset, data)

        recognition = _parse_recognition(d.pop("recognition", UNSET))

        shared_credential = cls(
            format_=format_,
            fields=fields,
            withheld=withheld,
            selective_disclosure=selective_disclosure,
            validity=validity,
            sd_jwt=sd_jwt,
            verification=verification,
            recognition=recognition,
        )

        shared_credential.additional_properties = d
        return shared_credential

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
