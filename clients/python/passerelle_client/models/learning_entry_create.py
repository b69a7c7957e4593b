from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define

from ..models.learning_kind import LearningKind
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.wallet_learning_schemas_learning_outcome_input import WalletLearningSchemasLearningOutcomeInput


T = TypeVar("T", bound="LearningEntryCreate")


@_attrs_define
class LearningEntryCreate:
    """
    Attributes:
        kind (LearningKind):
        title (str): What you learned or did.
        started_on (datetime.date):
        description (None | str | Unset):
        ended_on (datetime.date | None | Unset): Empty while it goes on.
        organisation (None | str | Unset): Where: the organisation, when there was one.
        place (None | str | Unset): Where: the town, the country, or `online`.
        hours (float | None | Unset): The time spent, in hours.
        learning_outcomes (list[WalletLearningSchemasLearningOutcomeInput] | Unset):
    """

    kind: LearningKind
    title: str
    started_on: datetime.date
    description: None | str | Unset = UNSET
    ended_on: datetime.date | None | Unset = UNSET
    organisation: None | str | Unset = UNSET
    place: None | str | Unset = UNSET
    hours: float | None | Unset = UNSET
    learning_outcomes: list[WalletLearningSchemasLearningOutcomeInput] | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        kind = self.kind.value

        title = self.title

        started_on = self.started_on.isoformat()

        description: None | str | Unset
        if isinstance(self.description, Unset):
            description = UNSET
        else:
            description = self.description

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

        learning_outcomes: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.learning_outcomes, Unset):
            learning_outcomes = []
            for learning_outcomes_item_data in self.learning_outcomes:
                learning_outcomes_item = learning_outcomes_item_data.to_dict()
                learning_outcomes.append(learning_outcomes_item)

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "kind": kind,
                "title": title,
                "started_on": started_on,
            }
        )
        if description is not UNSET:
            field_dict["description"] = description
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
        kind = LearningKind(d.pop("kind"))

        title = d.pop("title")

        started_on = datetime.date.fromisoformat(d.pop("started_on"))

        def _parse_description(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        description = _parse_description(d.pop("description", UNSET))

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

        _learning_outcomes = d.pop("learning_outcomes", UNSET)
        learning_outcomes: list[WalletLearningSchemasLearningOutcomeInput] | Unset = UNSET
        if _learning_outcomes is not UNSET:
            learning_outcomes = []
            for learning_outcomes_item_data in _learning_outcomes:
                learning_outcomes_item = WalletLearningSchemasLearningOutcomeInput.from_dict(
                    learning_outcomes_item_data
                )

                learning_outcomes.append(learning_outcomes_item)

        learning_entry_create = cls(
            kind=kind,
            title=title,
            started_on=started_on,
            description=description,
            ended_on=ended_on,
            organisation=organisation,
            place=place,
            hours=hours,
            learning_outcomes=learning_outcomes,
        )

        return learning_entry_create
