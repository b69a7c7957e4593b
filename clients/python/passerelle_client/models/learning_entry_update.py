from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define

from ..models.learning_kind import LearningKind
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.wallet_learning_schemas_learning_outcome_input import WalletLearningSchemasLearningOutcomeInput


T = TypeVar("T", bound="LearningEntryUpdate")


@_attrs_define
class LearningEntryUpdate:
    """The fields to change; an omitted field keeps its value. Every change makes a new version of the entry: an
    endorsement covers the version its endorser confirmed.

        Attributes:
            kind (LearningKind | None | Unset):
            title (None | str | Unset):
            description (None | str | Unset):
            started_on (datetime.date | None | Unset):
            ended_on (datetime.date | None | Unset):
            organisation (None | str | Unset):
            place (None | str | Unset):
            hours (float | None | Unset):
            learning_outcomes (list[WalletLearningSchemasLearningOutcomeInput] | None | Unset):
    """

    kind: LearningKind | None | Unset = UNSET
    title: None | str | Unset = UNSET
    description: None | str | Unset = UNSET
    started_on: datetime.date | None | Unset = UNSET
    ended_on: datetime.date | None | Unset = UNSET
    organisation: None | str | Unset = UNSET
    place: None | str | Unset = UNSET
    hours: float | None | Unset = UNSET
    learning_outcomes: list[WalletLearningSchemasLearningOutcomeInput] | None | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        kind: None | str | Unset
        if isinstance(self.kind, Unset):
            kind = UNSET
        elif isinstance(self.kind, LearningKind):
            kind = self.kind.value
        else:
            kind = self.kind

        title: None | str | Unset
        if isinstance(self.title, Unset):
            title = UNSET
        else:
            title = self.title

        description: None | str | Unset
        if isinstance(self.description, Unset):
            description = UNSET
        else:
            description = self.description

        started_on: None | str | Unset
        if isinstance(self.started_on, Unset):
            started_on = UNSET
        elif isinstance(self.started_on, datetime.date):
            started_on = self.started_on.isoformat()
        else:
            started_on = self.started_on

        ended_on: None | str | Unset
        if isinstance(self.ended_on, Unset):
            ended_on = UNSET
        elif isinstance(self.ended_on, datetime.date):
            ended_on = self.ended_on.isoformat()
        else:
            ended_on = self.ended_on

        organisation: None | str | Unset
        if isinstance(self.organisation, Unset):
            organisation = UNSET
        else:
            organisation = self.organisation

        place: None | str | Unset
        if isinstance(self.place, Unset):
            place = UNSET
        else:
            place = self.place

        hours: float | None | Unset
        if isinstance(self.hours, Unset):
            hours = UNSET
        else:
            hours = self.hours

        learning_outcomes: list[dict[str, Any]] | None | Unset
        if isinstance(self.learning_outcomes, Unset):
            learning_outcomes = UNSET
        elif isinstance(self.learning_outcomes, list):
            learning_outcomes = []
            for learning_outcomes_type_0_item_data in self.learning_outcomes:
                learning_outcomes_type_0_item = learning_outcomes_type_0_item_data.to_dict()
                learning_outcomes.append(learning_outcomes_type_0_item)

        else:
            learning_outcomes = self.learning_outcomes

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if kind is not UNSET:
            field_dict["kind"] = kind
        if title is not UNSET:
            field_dict["title"] = title
        if description is not UNSET:
            field_dict["description"] = description
        if started_on is not UNSET:
            field_dict["started_on"] = started_on
        if ended_on is not UNSET:
            field_dict["ended_on"] = ended_on
        if organisation is not UNSET:
            field_dict["organisation"] = organisation
        if place is not UNSET:
            field_dict["place"] = place
        if hours is not UNSET:
            field_dict["hours"] = hours
        if learning_outcomes is not UNSET:
            field_dict["learning_outcomes"] = learning_outcomes

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.wallet_learning_schemas_learning_outcome_input import WalletLearningSchemasLearningOutcomeInput  # noqa: PLC0415

        d = dict(src_dict)

        def _parse_kind(data: object) -> LearningKind | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                kind_type_0 = LearningKind(data)

                return kind_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(LearningKind | None | Unset, data)

        kind = _parse_kind(d.pop("kind", UNSET))

        def _parse_title(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        title = _parse_title(d.pop("title", UNSET))

        def _parse_description(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        description = _parse_description(d.pop("description", UNSET))

        def _parse_started_on(data: object) -> datetime.date | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                started_on_type_0 = datetime.date.fromisoformat(data)

                return started_on_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None | Unset, data)

        started_on = _parse_started_on(d.pop("started_on", UNSET))

        def _parse_ended_on(data: object) -> datetime.date | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                ended_on_type_0 = datetime.date.fromisoformat(data)

                return ended_on_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None | Unset, data)

        ended_on = _parse_ended_on(d.pop("ended_on", UNSET))

        def _parse_organisation(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        organisation = _parse_organisation(d.pop("organisation", UNSET))

        def _parse_place(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        place = _parse_place(d.pop("place", UNSET))

        def _parse_hours(data: object) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | Unset, data)

        hours = _parse_hours(d.pop("hours", UNSET))

        def _parse_learning_outcomes(data: object) -> list[WalletLearningSchemasLearningOutcomeInput] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                learning_outcomes_type_0 = []
                _learning_outcomes_type_0 = data
                for learning_outcomes_type_0_item_data in _learning_outcomes_type_0:
                    learning_outcomes_type_0_item = WalletLearningSchemasLearningOutcomeInput.from_dict(
                        learning_outcomes_type_0_item_data
                    )

                    learning_outcomes_type_0.append(learning_outcomes_type_0_item)

                return learning_outcomes_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[WalletLearningSchemasLearningOutcomeInput] | None | Unset, data)

        learning_outcomes = _parse_learning_outcomes(d.pop("learning_outcomes", UNSET))

        learning_entry_update = cls(
            kind=kind,
            title=title,
            description=description,
            started_on=started_on,
            ended_on=ended_on,
            organisation=organisation,
            place=place,
            hours=hours,
            learning_outcomes=learning_outcomes,
        )

        return learning_entry_update
