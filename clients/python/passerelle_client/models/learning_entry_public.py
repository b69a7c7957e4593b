from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.attestation import Attestation
from ..models.learning_kind import LearningKind

if TYPE_CHECKING:
    from ..models.endorsement_public import EndorsementPublic
    from ..models.evidence_public import EvidencePublic
    from ..models.wallet_learning_schemas_learning_outcome_output import WalletLearningSchemasLearningOutcomeOutput


T = TypeVar("T", bound="LearningEntryPublic")


@_attrs_define
class LearningEntryPublic:
    """
    Attributes:
        id (UUID):
        attestation (Attestation):
        kind (LearningKind):
        title (str):
        description (None | str):
        started_on (datetime.date):
        ended_on (datetime.date | None):
        organisation (None | str):
        place (None | str):
        hours (float | None):
        learning_outcomes (list[WalletLearningSchemasLearningOutcomeOutput]):
        evidence (list[EvidencePublic]):
        endorsements (list[EndorsementPublic]):
        version (int):
        created_at (datetime.datetime):
        updated_at (datetime.datetime):
    """

    id: UUID
    attestation: Attestation
    kind: LearningKind
    title: str
    description: None | str
    started_on: datetime.date
    ended_on: datetime.date | None
    organisation: None | str
    place: None | str
    hours: float | None
    learning_outcomes: list[WalletLearningSchemasLearningOutcomeOutput]
    evidence: list[EvidencePublic]
    endorsements: list[EndorsementPublic]
    version: int
    created_at: datetime.datetime
    updated_at: datetime.datetime
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = str(self.id)

        attestation = self.attestation.value

        kind = self.kind.value

        title = self.title

        description: None | str
        description = self.description

        started_on = self.started_on.isoformat()

        ended_on: None | str
        if isinstance(self.ended_on, datetime.date):
            ended_on = self.ended_on.isoformat()
        else:
            ended_on = self.ended_on

        organisation: None | str
        organisation = self.organisation

        place: None | str
        place = self.place

        hours: float | None
        hours = self.hours

        learning_outcomes = []
        for learning_outcomes_item_data in self.learning_outcomes:
            learning_outcomes_item = learning_outcomes_item_data.to_dict()
            learning_outcomes.append(learning_outcomes_item)

        evidence = []
        for evidence_item_data in self.evidence:
            evidence_item = evidence_item_data.to_dict()
            evidence.append(evidence_item)

        endorsements = []
        for endorsements_item_data in self.endorsements:
            endorsements_item = endorsements_item_data.to_dict()
            endorsements.append(endorsements_item)

        version = self.version

        created_at = self.created_at.isoformat()

        updated_at = self.updated_at.isoformat()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "attestation": attestation,
                "kind": kind,
                "title": title,
                "description": description,
                "started_on": started_on,
                "ended_on": ended_on,
                "organisation": organisation,
                "place": place,
                "hours": hours,
                "learning_outcomes": learning_outcomes,
                "evidence": evidence,
                "endorsements": endorsements,
                "version": version,
                "created_at": created_at,
                "updated_at": updated_at,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.endorsement_public import EndorsementPublic  # noqa: PLC0415
        from ..models.evidence_public import EvidencePublic  # noqa: PLC0415
        from ..models.wallet_learning_schemas_learning_outcome_output import WalletLearningSchemasLearningOutcomeOutput  # noqa: PLC0415

        d = dict(src_dict)
        id = UUID(d.pop("id"))

        attestation = Attestation(d.pop("attestation"))

        kind = LearningKind(d.pop("kind"))

        title = d.pop("title")

        def _parse_description(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        description = _parse_description(d.pop("description"))

        started_on = datetime.date.fromisoformat(d.pop("started_on"))

        def _parse_ended_on(data: object) -> datetime.date | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                ended_on_type_0 = datetime.date.fromisoformat(data)

                return ended_on_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None, data)

        ended_on = _parse_ended_on(d.pop("ended_on"))

        def _parse_organisation(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        organisation = _parse_organisation(d.pop("organisation"))

        def _parse_place(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        place = _parse_place(d.pop("place"))

        def _parse_hours(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        hours = _parse_hours(d.pop("hours"))

        learning_outcomes = []
        _learning_outcomes = d.pop("learning_outcomes")
        for learning_outcomes_item_data in _learning_outcomes:
            learning_outcomes_item = WalletLearningSchemasLearningOutcomeOutput.from_dict(learning_outcomes_item_data)

            learning_outcomes.append(learning_outcomes_item)

        evidence = []
        _evidence = d.pop("evidence")
        for evidence_item_data in _evidence:
            evidence_item = EvidencePublic.from_dict(evidence_item_data)

            evidence.append(evidence_item)

        endorsements = []
        _endorsements = d.pop("endorsements")
        for endorsements_item_data in _endorsements:
            endorsements_item = EndorsementPublic.from_dict(endorsements_item_data)

            endorsements.append(endorsements_item)

        version = d.pop("version")

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))

        learning_entry_public = cls(
            id=id,
            attestation=attestation,
            kind=kind,
            title=title,
            description=description,
            started_on=started_on,
            ended_on=ended_on,
            organisation=organisation,
            place=place,
            hours=hours,
            learning_outcomes=learning_outcomes,
            evidence=evidence,
            endorsements=endorsements,
            version=version,
            created_at=created_at,
            updated_at=updated_at,
        )

        learning_entry_public.additional_properties = d
        return learning_entry_public

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
