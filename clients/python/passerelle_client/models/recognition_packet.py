from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.completeness import Completeness
    from ..models.converted_credits import ConvertedCredits
    from ..models.field_of_study import FieldOfStudy
    from ..models.packet_levels import PacketLevels
    from ..models.quality_assurance_status import QualityAssuranceStatus
    from ..models.recognition_packet_issuer_type_0 import RecognitionPacketIssuerType0


T = TypeVar("T", bound="RecognitionPacket")


@_attrs_define
class RecognitionPacket:
    """What a credential is worth at a glance: levels, workload, field, quality assurance and Annex I completeness —
    the block a share carries so the receiver need not read the raw document.

        Attributes:
            credential_id (None | UUID): Null for the packet of a shared summary.
            title (None | str):
            issuer (None | RecognitionPacketIssuerType0):
            levels (PacketLevels):
            workload (list[ConvertedCredits]):
            total_ects (float | None):
            field_of_study (FieldOfStudy | None):
            quality_assurance (QualityAssuranceStatus):
            completeness (Completeness):
            caveat (str | Unset):  Default: 'A level is one indicator of comparability, not an equivalence: qualifications
                at a comparable level can differ in workload, profile, learning outcomes and purpose, and only a competent
                recognition authority decides on recognition.'.
            caveat_explanation (str | Unset): The caveat in plain words. Both follow `Accept-Language` (docs/languages.md).
                Default: 'Two qualifications at the same level are not automatically the same; only the authority that decides
                on recognition can say whether yours counts as equal.'.
    """

    credential_id: None | UUID
    title: None | str
    issuer: None | RecognitionPacketIssuerType0
    levels: PacketLevels
    workload: list[ConvertedCredits]
    total_ects: float | None
    field_of_study: FieldOfStudy | None
    quality_assurance: QualityAssuranceStatus
    completeness: Completeness
    caveat: str | Unset = (
        "A level is one indicator of comparability, not an equivalence: qualifications at a comparable level can differ in workload, profile, learning outcomes and purpose, and only a competent recognition authority decides on recognition."
    )
    caveat_explanation: str | Unset = (
        "Two qualifications at the same level are not automatically the same; only the authority that decides on recognition can say whether yours counts as equal."
    )
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.field_of_study import FieldOfStudy  # noqa: PLC0415
        from ..models.recognition_packet_issuer_type_0 import RecognitionPacketIssuerType0  # noqa: PLC0415

        credential_id: None | str
        if isinstance(self.credential_id, UUID):
            credential_id = str(self.credential_id)
        else:
            credential_id = self.credential_id

        title: None | str
        title = self.title

        issuer: dict[str, Any] | None
        if isinstance(self.issuer, RecognitionPacketIssuerType0):
            issuer = self.issuer.to_dict()
        else:
            issuer = self.issuer

        levels = self.levels.to_dict()

        workload = []
        for workload_item_data in self.workload:
            workload_item = workload_item_data.to_dict()
            workload.append(workload_item)

        total_ects: float | None
        total_ects = self.total_ects

        field_of_study: dict[str, Any] | None
        if isinstance(self.field_of_study, FieldOfStudy):
            field_of_study = self.field_of_study.to_dict()
        else:
            field_of_study = self.field_of_study

        quality_assurance = self.quality_assurance.to_dict()

        completeness = self.completeness.to_dict()

        caveat = self.caveat

        caveat_explanation = self.caveat_explanation

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "credential_id": credential_id,
                "title": title,
                "issuer": issuer,
                "levels": levels,
                "workload": workload,
                "total_ects": total_ects,
                "field_of_study": field_of_study,
                "quality_assurance": quality_assurance,
                "completeness": completeness,
            }
        )
        if caveat is not UNSET:
            field_dict["caveat"] = caveat
        if caveat_explanation is not UNSET:
            field_dict["caveat_explanation"] = caveat_explanation

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.completeness import Completeness  # noqa: PLC0415
        from ..models.converted_credits import ConvertedCredits  # noqa: PLC0415
        from ..models.field_of_study import FieldOfStudy  # noqa: PLC0415
        from ..models.packet_levels import PacketLevels  # noqa: PLC0415
        from ..models.quality_assurance_status import QualityAssuranceStatus  # noqa: PLC0415
        from ..models.recognition_packet_issuer_type_0 import RecognitionPacketIssuerType0  # noqa: PLC0415

        d = dict(src_dict)

        def _parse_credential_id(data: object) -> None | UUID:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                credential_id_type_0 = UUID(data)

                return credential_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | UUID, data)

        credential_id = _parse_credential_id(d.pop("credential_id"))

        def _parse_title(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        title = _parse_title(d.pop("title"))

        def _parse_issuer(data: object) -> None | RecognitionPacketIssuerType0:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                issuer_type_0 = RecognitionPacketIssuerType0.from_dict(data)

                return issuer_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | RecognitionPacketIssuerType0, data)

        issuer = _parse_issuer(d.pop("issuer"))

        levels = PacketLevels.from_dict(d.pop("levels"))

        workload = []
        _workload = d.pop("workload")
        for workload_item_data in _workload:
            workload_item = ConvertedCredits.from_dict(workload_item_data)

            workload.append(workload_item)

        def _parse_total_ects(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        total_ects = _parse_total_ects(d.pop("total_ects"))

        def _parse_field_of_study(data: object) -> FieldOfStudy | None:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                field_of_study_type_0 = FieldOfStudy.from_dict(data)

                return field_of_study_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(FieldOfStudy | None, data)

        field_of_study = _parse_field_of_study(d.pop("field_of_study"))

        quality_assurance = QualityAssuranceStatus.from_dict(d.pop("quality_assurance"))

        completeness = Completeness.from_dict(d.pop("completeness"))

        caveat = d.pop("caveat", UNSET)

        caveat_explanation = d.pop("caveat_explanation", UNSET)

        recognition_packet = cls(
            credential_id=credential_id,
            title=title,
            issuer=issuer,
            levels=levels,
            workload=workload,
            total_ects=total_ects,
            field_of_study=field_of_study,
            quality_assurance=quality_assurance,
            completeness=completeness,
            caveat=caveat,
            caveat_explanation=caveat_explanation,
        )

        recognition_packet.additional_properties = d
        return recognition_packet

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
