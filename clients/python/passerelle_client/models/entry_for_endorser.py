from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.learning_kind import LearningKind

if TYPE_CHECKING:
    from ..models.evidence_listed import EvidenceListed
    from ..models.wallet_learning_schemas_learning_outcome_output import WalletLearningSchemasLearningOutcomeOutput


T = TypeVar("T", bound="EntryForEndorser")


@_attrs_define
class EntryForEndorser:
    """
    Attributes:
        kind (LearningKind):
        title (str):
        description (None | str):
        started_on (datetime.date):
        ended_on (datetime.date | None):
        organisation (None | str):
        place (None | str):
        hours (float | None):
        learning_outcomes (list[WalletLearningSchemasLearningOutcomeOutput]):
        evidence (list[EvidenceListed]): The files the learner attached (not opened through the link).
        version (int): Send it back as `entry_version` when you confirm.
    """

    kind: LearningKind
    title: str
    description: None | str
    started_on: datetime.date
    ended_on: datetime.date | None
    organisation: None | str
    place: None | str
    hours: float | None
    learning_outcomes: list[WalletLearningSchemasLearningOutcomeOutput]
    evidence: list[EvidenceListed]
    version: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
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

        version = self.version

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
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
                "version": version,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.evidence_listed import EvidenceListed  # noqa: PLC0415
        from ..models.wallet_learning_schemas_learning_outcome_output import WalletLearningSchemasLearningOutcomeOutput  # noqa: PLC0415

        d = dict(src_dict)
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
            evidence_item = EvidenceListed.from_dict(evidence_item_data)

            evidence.append(evidence_item)

        version = d.pop("version")

        entry_for_endorser = cls(
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
            version=version,
        )

        entry_for_endorser.additional_properties = d
        return entry_for_endorser

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
