from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define

from ..models.achievement_create_kind import AchievementCreateKind
from ..models.achievement_create_participation_type_0 import AchievementCreateParticipationType0
from ..models.achievement_create_stackability_type_0 import AchievementCreateStackabilityType0
from ..models.achievement_create_supervision_type_0 import AchievementCreateSupervisionType0
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.national_level_input import NationalLevelInput
    from ..models.outcome_in_input import OutcomeInInput
    from ..models.quality_assurance_in_input import QualityAssuranceInInput


T = TypeVar("T", bound="AchievementCreate")


@_attrs_define
class AchievementCreate:
    """
    Attributes:
        title (str):
        description (None | str | Unset):
        learning_outcomes (list[OutcomeInInput] | Unset):
        ects (float | None | Unset): Notional workload in ECTS credits.
        hours (float | None | Unset): Notional workload in hours.
        eqf_level (int | None | Unset):
        national_level (NationalLevelInput | None | Unset):
        field_of_study (None | str | Unset):
        assessment_type (None | str | Unset): Type of assessment (Annex I element 9).
        participation (AchievementCreateParticipationType0 | None | Unset): Form of participation (element 10).
        quality_assurance (None | QualityAssuranceInInput | Unset): Type of QA (element 11).
        prerequisites (None | str | Unset):
        supervision (AchievementCreateSupervisionType0 | None | Unset):
        stackability (AchievementCreateStackabilityType0 | None | Unset):
        stackable_towards (None | str | Unset): The credential it stacks towards.
        further_information (None | str | Unset):
        criteria (None | str | Unset): What a learner did to earn it (Markdown).
        language (None | str | Unset):
        grading_scheme (None | str | Unset): How grades are given (`1–10, 6 passes`).
        validity_months (int | None | Unset): Credentials expire after this.
        kind (AchievementCreateKind | Unset): A `micro_credential` must carry every Annex I element the issuer states
            (refused with the list of what is missing); `other` (a badge, an attendance certificate) needs a title only.
            Default: AchievementCreateKind.MICRO_CREDENTIAL.
    """

    title: str
    description: None | str | Unset = UNSET
    learning_outcomes: list[OutcomeInInput] | Unset = UNSET
    ects: float | None | Unset = UNSET
    hours: float | None | Unset = UNSET
    eqf_level: int | None | Unset = UNSET
    national_level: NationalLevelInput | None | Unset = UNSET
    field_of_study: None | str | Unset = UNSET
    assessment_type: None | str | Unset = UNSET
    participation: AchievementCreateParticipationType0 | None | Unset = UNSET
    quality_assurance: None | QualityAssuranceInInput | Unset = UNSET
    prerequisites: None | str | Unset = UNSET
    supervision: AchievementCreateSupervisionType0 | None | Unset = UNSET
    stackability: AchievementCreateStackabilityType0 | None | Unset = UNSET
    stackable_towards: None | str | Unset = UNSET
    further_information: None | str | Unset = UNSET
    criteria: None | str | Unset = UNSET
    language: None | str | Unset = UNSET
    grading_scheme: None | str | Unset = UNSET
    validity_months: int | None | Unset = UNSET
    kind: AchievementCreateKind | Unset = AchievementCreateKind.MICRO_CREDENTIAL

    def to_dict(self) -> dict[str, Any]:
        from ..models.national_level_input import NationalLevelInput  # noqa: PLC0415
        from ..models.quality_assurance_in_input import QualityAssuranceInInput  # noqa: PLC0415

        title = self.title

        description: None | str | Unset
        if isinstance(self.description, Unset):
            description = UNSET
        else:
            description = self.description

        learning_outcomes: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.learning_outcomes, Unset):
            learning_outcomes = []
            for learning_outcomes_item_data in self.learning_outcomes:
                learning_outcomes_item = learning_outcomes_item_data.to_dict()
                learning_outcomes.append(learning_outcomes_item)

        ects: float | None | Unset
        if isinstance(self.ects, Unset):
            ects = UNSET
        else:
            ects = self.ects

        hours: float | None | Unset
        if isinstance(self.hours, Unset):
            hours = UNSET
        else:
            hours = self.hours

        eqf_level: int | None | Unset
        if isinstance(self.eqf_level, Unset):
            eqf_level = UNSET
        else:
            eqf_level = self.eqf_level

        national_level: dict[str, Any] | None | Unset
        if isinstance(self.national_level, Unset):
            national_level = UNSET
        elif isinstance(self.national_level, NationalLevelInput):
            national_level = self.national_level.to_dict()
        else:
            national_level = self.national_level

        field_of_study: None | str | Unset
        if isinstance(self.field_of_study, Unset):
            field_of_study = UNSET
        else:
            field_of_study = self.field_of_study

        assessment_type: None | str | Unset
        if isinstance(self.assessment_type, Unset):
            assessment_type = UNSET
        else:
            assessment_type = self.assessment_type

        participation: None | str | Unset
        if isinstance(self.participation, Unset):
            participation = UNSET
        elif isinstance(self.participation, AchievementCreateParticipationType0):
            participation = self.participation.value
        else:
            participation = self.participation

        quality_assurance: dict[str, Any] | None | Unset
        if isinstance(self.quality_assurance, Unset):
            quality_assurance = UNSET
        elif isinstance(self.quality_assurance, QualityAssuranceInInput):
            quality_assurance = self.quality_assurance.to_dict()
        else:
            quality_assurance = self.quality_assurance

        prerequisites: None | str | Unset
        if isinstance(self.prerequisites, Unset):
            prerequisites = UNSET
        else:
            prerequisites = self.prerequisites

        supervision: None | str | Unset
        if isinstance(self.supervision, Unset):
            supervision = UNSET
        elif isinstance(self.supervision, AchievementCreateSupervisionType0):
            supervision = self.supervision.value
        else:
            supervision = self.supervision

        stackability: None | str | Unset
        if isinstance(self.stackability, Unset):
            stackability = UNSET
        elif isinstance(self.stackability, AchievementCreateStackabilityType0):
            stackability = self.stackability.value
        else:
            stackability = self.stackability

        stackable_towards: None | str | Unset
        if isinstance(self.stackable_towards, Unset):
            stackable_towards = UNSET
        else:
            stackable_towards = self.stackable_towards

        further_information: None | str | Unset
        if isinstance(self.further_information, Unset):
            further_information = UNSET
        else:
            further_information = self.further_information

        criteria: None | str | Unset
        if isinstance(self.criteria, Unset):
            criteria = UNSET
        else:
            criteria = self.criteria

        language: None | str | Unset
        if isinstance(self.language, Unset):
            language = UNSET
        else:
            language = self.language

        grading_scheme: None | str | Unset
        if isinstance(self.grading_scheme, Unset):
            grading_scheme = UNSET
        else:
            grading_scheme = self.grading_scheme

        validity_months: int | None | Unset
        if isinstance(self.validity_months, Unset):
            validity_months = UNSET
        else:
            validity_months = self.validity_months

        kind: str | Unset = UNSET
        if not isinstance(self.kind, Unset):
            kind = self.kind.value

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "title": title,
            }
        )
        if description is not UNSET:
            field_dict["description"] = description
        if learning_outcomes is not UNSET:
            field_dict["learning_outcomes"] = learning_outcomes
        if ects is not UNSET:
            field_dict["ects"] = ects
        if hours is not UNSET:
            field_dict["hours"] = hours
        if eqf_level is not UNSET:
            field_dict["eqf_level"] = eqf_level
        if national_level is not UNSET:
            field_dict["national_level"] = national_level
        if field_of_study is not UNSET:
            field_dict["field_of_study"] = field_of_study
        if assessment_type is not UNSET:
            field_dict["assessment_type"] = assessment_type
        if participation is not UNSET:
            field_dict["participation"] = participation
        if quality_assurance is not UNSET:
            field_dict["quality_assurance"] = quality_assurance
        if prerequisites is not UNSET:
            field_dict["prerequisites"] = prerequisites
        if supervision is not UNSET:
            field_dict["supervision"] = supervision
        if stackability is not UNSET:
            field_dict["stackability"] = stackability
        if stackable_towards is not UNSET:
            field_dict["stackable_towards"] = stackable_towards
        if further_information is not UNSET:
            field_dict["further_information"] = further_information
        if criteria is not UNSET:
            field_dict["criteria"] = criteria
        if language is not UNSET:
            field_dict["language"] = language
        if grading_scheme is not UNSET:
            field_dict["grading_scheme"] = grading_scheme
        if validity_months is not UNSET:
            field_dict["validity_months"] = validity_months
        if kind is not UNSET:
            field_dict["kind"] = kind

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.national_level_input import NationalLevelInput  # noqa: PLC0415
        from ..models.outcome_in_input import OutcomeInInput  # noqa: PLC0415
        from ..models.quality_assurance_in_input import QualityAssuranceInInput  # noqa: PLC0415

        d = dict(src_dict)
        title = d.pop("title")

        def _parse_description(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        description = _parse_description(d.pop("description", UNSET))

        _learning_outcomes = d.pop("learning_outcomes", UNSET)
        learning_outcomes: list[OutcomeInInput] | Unset = UNSET
        if _learning_outcomes is not UNSET:
            learning_outcomes = []
            for learning_outcomes_item_data in _learning_outcomes:
                learning_outcomes_item = OutcomeInInput.from_dict(learning_outcomes_item_data)

                learning_outcomes.append(learning_outcomes_item)

        def _parse_ects(data: object) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | Unset, data)

        ects = _parse_ects(d.pop("ects", UNSET))

        def _parse_hours(data: object) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | Unset, data)

        hours = _parse_hours(d.pop("hours", UNSET))

        def _parse_eqf_level(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        eqf_level = _parse_eqf_level(d.pop("eqf_level", UNSET))

        def _parse_national_level(data: object) -> NationalLevelInput | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                national_level_type_0 = NationalLevelInput.from_dict(data)

                return national_level_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(NationalLevelInput | None | Unset, data)

        national_level = _parse_national_level(d.pop("national_level", UNSET))

        def _parse_field_of_study(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        field_of_study = _parse_field_of_study(d.pop("field_of_study", UNSET))

        def _parse_assessment_type(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        assessment_type = _parse_assessment_type(d.pop("assessment_type", UNSET))

        def _parse_participation(data: object) -> AchievementCreateParticipationType0 | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                participation_type_0 = AchievementCreateParticipationType0(data)

                return participation_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(AchievementCreateParticipationType0 | None | Unset, data)

        participation = _parse_participation(d.pop("participation", UNSET))

        def _parse_quality_assurance(data: object) -> None | QualityAssuranceInInput | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                quality_assurance_type_0 = QualityAssuranceInInput.from_dict(data)

                return quality_assurance_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | QualityAssuranceInInput | Unset, data)

        quality_assurance = _parse_quality_assurance(d.pop("quality_assurance", UNSET))

        def _parse_prerequisites(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        prerequisites = _parse_prerequisites(d.pop("prerequisites", UNSET))

        def _parse_supervision(data: object) -> AchievementCreateSupervisionType0 | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                supervision_type_0 = AchievementCreateSupervisionType0(data)

                return supervision_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(AchievementCreateSupervisionType0 | None | Unset, data)

        supervision = _parse_supervision(d.pop("supervision", UNSET))

        def _parse_stackability(data: object) -> AchievementCreateStackabilityType0 | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                stackability_type_0 = AchievementCreateStackabilityType0(data)

                return stackability_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(AchievementCreateStackabilityType0 | None | Unset, data)

        stackability = _parse_stackability(d.pop("stackability", UNSET))

        def _parse_stackable_towards(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        stackable_towards = _parse_stackable_towards(d.pop("stackable_towards", UNSET))

        def _parse_further_information(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        further_information = _parse_further_information(d.pop("further_information", UNSET))

        def _parse_criteria(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        criteria = _parse_criteria(d.pop("criteria", UNSET))

        def _parse_language(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        language = _parse_language(d.pop("language", UNSET))

        def _parse_grading_scheme(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        grading_scheme = _parse_grading_scheme(d.pop("grading_scheme", UNSET))

        def _parse_validity_months(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        validity_months = _parse_validity_months(d.pop("validity_months", UNSET))

        _kind = d.pop("kind", UNSET)
        kind: AchievementCreateKind | Unset
        if isinstance(_kind, Unset):
            kind = UNSET
        else:
            kind = AchievementCreateKind(_kind)

        achievement_create = cls(
            title=title,
            description=description,
            learning_outcomes=learning_outcomes,
            ects=ects,
            hours=hours,
            eqf_level=eqf_level,
            national_level=national_level,
            field_of_study=field_of_study,
            assessment_type=assessment_type,
            participation=participation,
            quality_assurance=quality_assurance,
            prerequisites=prerequisites,
            supervision=supervision,
            stackability=stackability,
            stackable_towards=stackable_towards,
            further_information=further_information,
            criteria=criteria,
            language=language,
            grading_scheme=grading_scheme,
            validity_months=validity_months,
            kind=kind,
        )

        return achievement_create
