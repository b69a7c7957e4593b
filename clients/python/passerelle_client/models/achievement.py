from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.credits_ import Credits
    from ..models.grade import Grade
    from ..models.level import Level
    from ..models.wallet_summary_model_learning_outcome import WalletSummaryModelLearningOutcome


T = TypeVar("T", bound="Achievement")


@_attrs_define
class Achievement:
    """One unit of learning inside a credential (an ELMO learning opportunity, an EDC sub-achievement).

    Attributes:
        title (str):
        identifier (None | str | Unset):
        type_ (None | str | Unset):
        description (None | str | Unset):
        credits_ (list[Credits] | Unset):
        levels (list[Level] | Unset):
        grade (Grade | None | Unset):
        started_on (None | str | Unset):
        completed_on (None | str | Unset):
        field_of_study (None | str | Unset): ISCED-F 2013 code when stated.
        learning_outcomes (list[WalletSummaryModelLearningOutcome] | Unset):
    """

    title: str
    identifier: None | str | Unset = UNSET
    type_: None | str | Unset = UNSET
    description: None | str | Unset = UNSET
    credits_: list[Credits] | Unset = UNSET
    levels: list[Level] | Unset = UNSET
    grade: Grade | None | Unset = UNSET
    started_on: None | str | Unset = UNSET
    completed_on: None | str | Unset = UNSET
    field_of_study: None | str | Unset = UNSET
    learning_outcomes: list[WalletSummaryModelLearningOutcome] | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        from ..models.grade import Grade  # noqa: PLC0415

        title = self.title

        identifier: None | str | Unset
        if isinstance(self.identifier, Unset):
            identifier = UNSET
        else:
            identifier = self.identifier

        type_: None | str | Unset
        if isinstance(self.type_, Unset):
            type_ = UNSET
        else:
            type_ = self.type_

        description: None | str | Unset
        if isinstance(self.description, Unset):
            description = UNSET
        else:
            description = self.description

        credits_: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.credits_, Unset):
            credits_ = []
            for credits_item_data in self.credits_:
                credits_item = credits_item_data.to_dict()
                credits_.append(credits_item)

        levels: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.levels, Unset):
            levels = []
            for levels_item_data in self.levels:
                levels_item = levels_item_data.to_dict()
                levels.append(levels_item)

        grade: dict[str, Any] | None | Unset
        if isinstance(self.grade, Unset):
            grade = UNSET
        elif isinstance(self.grade, Grade):
            grade = self.grade.to_dict()
        else:
            grade = self.grade

        started_on: None | str | Unset
        if isinstance(self.started_on, Unset):
            started_on = UNSET
        else:
            started_on = self.started_on

        completed_on: None | str | Unset
        if isinstance(self.completed_on, Unset):
            completed_on = UNSET
        else:
            completed_on = self.completed_on

        field_of_study: None | str | Unset
        if isinstance(self.field_of_study, Unset):
            field_of_study = UNSET
        else:
            field_of_study = self.field_of_study

        learning_outcomes: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.learning_outcomes, Unset):
            learning_outcomes = []
            for learning_outcomes_item_data in self.learning_outcomes:
                learning_outcomes_item = learning_outcomes_item_data.to_dict()
                learning_outcomes.append(learning_outcomes_item)

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "title": title,
            }
        )
        if identifier is not UNSET:
            field_dict["identifier"] = identifier
        if type_ is not UNSET:
            field_dict["type"] = type_
        if description is not UNSET:
            field_dict["description"] = description
        if credits_ is not UNSET:
            field_dict["credits"] = credits_
        if levels is not UNSET:
            field_dict["levels"] = levels
        if grade is not UNSET:
            field_dict["grade"] = grade
        if started_on is not UNSET:
            field_dict["started_on"] = started_on
        if completed_on is not UNSET:
            field_dict["completed_on"] = completed_on
        if field_of_study is not UNSET:
            field_dict["field_of_study"] = field_of_study
        if learning_outcomes is not UNSET:
            field_dict["learning_outcomes"] = learning_outcomes

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.credits_ import Credits  # noqa: PLC0415
        from ..models.grade import Grade  # noqa: PLC0415
        from ..models.level import Level  # noqa: PLC0415
        from ..models.wallet_summary_model_learning_outcome import WalletSummaryModelLearningOutcome  # noqa: PLC0415

        d = dict(src_dict)
        title = d.pop("title")

        def _parse_identifier(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        identifier = _parse_identifier(d.pop("identifier", UNSET))

        def _parse_type_(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        type_ = _parse_type_(d.pop("type", UNSET))

        def _parse_description(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        description = _parse_description(d.pop("description", UNSET))

        _credits_ = d.pop("credits", UNSET)
        credits_: list[Credits] | Unset = UNSET
        if _credits_ is not UNSET:
            credits_ = []
            for credits_item_data in _credits_:
                credits_item = Credits.from_dict(credits_item_data)

                credits_.append(credits_item)

        _levels = d.pop("levels", UNSET)
        levels: list[Level] | Unset = UNSET
        if _levels is not UNSET:
            levels = []
            for levels_item_data in _levels:
                levels_item = Level.from_dict(levels_item_data)

                levels.append(levels_item)

        def _parse_grade(data: object) -> Grade | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                grade_type_0 = Grade.from_dict(data)

                return grade_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(Grade | None | Unset, data)

        grade = _parse_grade(d.pop("grade", UNSET))

        def _parse_started_on(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        started_on = _parse_started_on(d.pop("started_on", UNSET))

        def _parse_completed_on(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        completed_on = _parse_completed_on(d.pop("completed_on", UNSET))

        def _parse_field_of_study(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        field_of_study = _parse_field_of_study(d.pop("field_of_study", UNSET))

        _learning_outcomes = d.pop("learning_outcomes", UNSET)
        learning_outcomes: list[WalletSummaryModelLearningOutcome] | Unset = UNSET
        if _learning_outcomes is not UNSET:
            learning_outcomes = []
            for learning_outcomes_item_data in _learning_outcomes:
                learning_outcomes_item = WalletSummaryModelLearningOutcome.from_dict(learning_outcomes_item_data)

                learning_outcomes.append(learning_outcomes_item)

        achievement = cls(
            title=title,
            identifier=identifier,
            type_=type_,
            description=description,
            credits_=credits_,
            levels=levels,
            grade=grade,
            started_on=started_on,
            completed_on=completed_on,
            field_of_study=field_of_study,
            learning_outcomes=learning_outcomes,
        )

        return achievement
