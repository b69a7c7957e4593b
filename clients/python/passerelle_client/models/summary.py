from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define

from ..models.summary_missing_item import SummaryMissingItem
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.achievement import Achievement
    from ..models.credits_ import Credits
    from ..models.grade import Grade
    from ..models.issuer import Issuer
    from ..models.learner import Learner
    from ..models.level import Level
    from ..models.linked_part import LinkedPart
    from ..models.quality_assurance import QualityAssurance
    from ..models.wallet_summary_model_learning_outcome import WalletSummaryModelLearningOutcome


T = TypeVar("T", bound="Summary")


@_attrs_define
class Summary:
    """What a credential says, normalised across formats. Empty fields mean the document did not say.

    Attributes:
        schema_version (int | Unset):  Default: 2.
        title (None | str | Unset):
        description (None | str | Unset):
        types (list[str] | Unset):
        vct (None | str | Unset): SD-JWT VC type.
        learner (Learner | None | Unset):
        issuer (Issuer | None | Unset):
        issued_on (None | str | Unset): Date of issuing (ISO 8601 as stated).
        awarded_on (None | str | Unset):
        valid_from (None | str | Unset):
        valid_until (None | str | Unset):
        learning_outcomes (list[WalletSummaryModelLearningOutcome] | Unset):
        credits_ (list[Credits] | Unset):
        levels (list[Level] | Unset):
        field_of_study (None | str | Unset): ISCED-F 2013 code when stated.
        grade (Grade | None | Unset):
        assessment_type (None | str | Unset):
        participation (None | str | Unset): online, onsite, blended, … as stated.
        quality_assurance (None | QualityAssurance | Unset):
        prerequisites (None | str | Unset):
        supervision (None | str | Unset):
        stackability (None | str | Unset):
        further_information (None | str | Unset):
        language (None | str | Unset): Language of instruction or of the document (BCP 47).
        achievements (list[Achievement] | Unset):
        parts (list[LinkedPart] | Unset):
        disclosable (list[str] | Unset): SD-JWT VC: claim names the holder can choose to disclose or withhold.
        missing (list[SummaryMissingItem] | Unset): Annex I elements the document did not carry.
    """

    schema_version: int | Unset = 2
    title: None | str | Unset = UNSET
    description: None | str | Unset = UNSET
    types: list[str] | Unset = UNSET
    vct: None | str | Unset = UNSET
    learner: Learner | None | Unset = UNSET
    issuer: Issuer | None | Unset = UNSET
    issued_on: None | str | Unset = UNSET
    awarded_on: None | str | Unset = UNSET
    valid_from: None | str | Unset = UNSET
    valid_until: None | str | Unset = UNSET
    learning_outcomes: list[WalletSummaryModelLearningOutcome] | Unset = UNSET
    credits_: list[Credits] | Unset = UNSET
    levels: list[Level] | Unset = UNSET
    field_of_study: None | str | Unset = UNSET
    grade: Grade | None | Unset = UNSET
    assessment_type: None | str | Unset = UNSET
    participation: None | str | Unset = UNSET
    quality_assurance: None | QualityAssurance | Unset = UNSET
    prerequisites: None | str | Unset = UNSET
    supervision: None | str | Unset = UNSET
    stackability: None | str | Unset = UNSET
    further_information: None | str | Unset = UNSET
    language: None | str | Unset = UNSET
    achievements: list[Achievement] | Unset = UNSET
    parts: list[LinkedPart] | Unset = UNSET
    disclosable: list[str] | Unset = UNSET
    missing: list[SummaryMissingItem] | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        from ..models.grade import Grade  # noqa: PLC0415
        from ..models.issuer import Issuer  # noqa: PLC0415
        from ..models.learner import Learner  # noqa: PLC0415
        from ..models.quality_assurance import QualityAssurance  # noqa: PLC0415

        schema_version = self.schema_version

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

        types: list[str] | Unset = UNSET
        if not isinstance(self.types, Unset):
            types = self.types

        vct: None | str | Unset
        if isinstance(self.vct, Unset):
            vct = UNSET
        else:
            vct = self.vct

        learner: dict[str, Any] | None | Unset
        if isinstance(self.learner, Unset):
            learner = UNSET
        elif isinstance(self.learner, Learner):
            learner = self.learner.to_dict()
        else:
            learner = self.learner

        issuer: dict[str, Any] | None | Unset
        if isinstance(self.issuer, Unset):
            issuer = UNSET
        elif isinstance(self.issuer, Issuer):
            issuer = self.issuer.to_dict()
        else:
            issuer = self.issuer

        issued_on: None | str | Unset
        if isinstance(self.issued_on, Unset):
            issued_on = UNSET
        else:
            issued_on = self.issued_on

        awarded_on: None | str | Unset
        if isinstance(self.awarded_on, Unset):
            awarded_on = UNSET
        else:
            awarded_on = self.awarded_on

        valid_from: None | str | Unset
        if isinstance(self.valid_from, Unset):
            valid_from = UNSET
        else:
            valid_from = self.valid_from

        valid_until: None | str | Unset
        if isinstance(self.valid_until, Unset):
            valid_until = UNSET
        else:
            valid_until = self.valid_until

        learning_outcomes: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.learning_outcomes, Unset):
            learning_outcomes = []
            for learning_outcomes_item_data in self.learning_outcomes:
                learning_outcomes_item = learning_outcomes_item_data.to_dict()
                learning_outcomes.append(learning_outcomes_item)

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

        field_of_study: None | str | Unset
        if isinstance(self.field_of_study, Unset):
            field_of_study = UNSET
        else:
            field_of_study = self.field_of_study

        grade: dict[str, Any] | None | Unset
        if isinstance(self.grade, Unset):
            grade = UNSET
        elif isinstance(self.grade, Grade):
            grade = self.grade.to_dict()
        else:
            grade = self.grade

        assessment_type: None | str | Unset
        if isinstance(self.assessment_type, Unset):
            assessment_type = UNSET
        else:
            assessment_type = self.assessment_type

        participation: None | str | Unset
        if isinstance(self.participation, Unset):
            participation = UNSET
        else:
            participation = self.participation

        quality_assurance: dict[str, Any] | None | Unset
        if isinstance(self.quality_assurance, Unset):
            quality_assurance = UNSET
        elif isinstance(self.quality_assurance, QualityAssurance):
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
        else:
            supervision = self.supervision

        stackability: None | str | Unset
        if isinstance(self.stackability, Unset):
            stackability = UNSET
        else:
            stackability = self.stackability

        further_information: None | str | Unset
        if isinstance(self.further_information, Unset):
            further_information = UNSET
        else:
            further_information = self.further_information

        language: None | str | Unset
        if isinstance(self.language, Unset):
            language = UNSET
        else:
            language = self.language

        achievements: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.achievements, Unset):
            achievements = []
            for achievements_item_data in self.achievements:
                achievements_item = achievements_item_data.to_dict()
                achievements.append(achievements_item)

        parts: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.parts, Unset):
            parts = []
            for parts_item_data in self.parts:
                parts_item = parts_item_data.to_dict()
                parts.append(parts_item)

        disclosable: list[str] | Unset = UNSET
        if not isinstance(self.disclosable, Unset):
            disclosable = self.disclosable

        missing: list[str] | Unset = UNSET
        if not isinstance(self.missing, Unset):
            missing = []
            for missing_item_data in self.missing:
                missing_item = missing_item_data.value
                missing.append(missing_item)

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if schema_version is not UNSET:
            field_dict["schema_version"] = schema_version
        if title is not UNSET:
            field_dict["title"] = title
        if description is not UNSET:
            field_dict["description"] = description
        if types is not UNSET:
            field_dict["types"] = types
        if vct is not UNSET:
            field_dict["vct"] = vct
        if learner is not UNSET:
            field_dict["learner"] = learner
        if issuer is not UNSET:
            field_dict["issuer"] = issuer
        if issued_on is not UNSET:
            field_dict["issued_on"] = issued_on
        if awarded_on is not UNSET:
            field_dict["awarded_on"] = awarded_on
        if valid_from is not UNSET:
            field_dict["valid_from"] = valid_from
        if valid_until is not UNSET:
            field_dict["valid_until"] = valid_until
        if learning_outcomes is not UNSET:
            field_dict["learning_outcomes"] = learning_outcomes
        if credits_ is not UNSET:
            field_dict["credits"] = credits_
        if levels is not UNSET:
            field_dict["levels"] = levels
        if field_of_study is not UNSET:
            field_dict["field_of_study"] = field_of_study
        if grade is not UNSET:
            field_dict["grade"] = grade
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
        if further_information is not UNSET:
            field_dict["further_information"] = further_information
        if language is not UNSET:
            field_dict["language"] = language
        if achievements is not UNSET:
            field_dict["achievements"] = achievements
        if parts is not UNSET:
            field_dict["parts"] = parts
        if disclosable is not UNSET:
            field_dict["disclosable"] = disclosable
        if missing is not UNSET:
            field_dict["missing"] = missing

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.achievement import Achievement  # noqa: PLC0415
        from ..models.credits_ import Credits  # noqa: PLC0415
        from ..models.grade import Grade  # noqa: PLC0415
        from ..models.issuer import Issuer  # noqa: PLC0415
        from ..models.learner import Learner  # noqa: PLC0415
        from ..models.level import Level  # noqa: PLC0415
        from ..models.linked_part import LinkedPart  # noqa: PLC0415
        from ..models.quality_assurance import QualityAssurance  # noqa: PLC0415
        from ..models.wallet_summary_model_learning_outcome import WalletSummaryModelLearningOutcome  # noqa: PLC0415

        d = dict(src_dict)
        schema_version = d.pop("schema_version", UNSET)

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

        types = cast(list[str], d.pop("types", UNSET))

        def _parse_vct(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        vct = _parse_vct(d.pop("vct", UNSET))

        def _parse_learner(data: object) -> Learner | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                learner_type_0 = Learner.from_dict(data)

                return learner_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(Learner | None | Unset, data)

        learner = _parse_learner(d.pop("learner", UNSET))

        def _parse_issuer(data: object) -> Issuer | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                issuer_type_0 = Issuer.from_dict(data)

                return issuer_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(Issuer | None | Unset, data)

        issuer = _parse_issuer(d.pop("issuer", UNSET))

        def _parse_issued_on(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        issued_on = _parse_issued_on(d.pop("issued_on", UNSET))

        def _parse_awarded_on(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        awarded_on = _parse_awarded_on(d.pop("awarded_on", UNSET))

        def _parse_valid_from(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        valid_from = _parse_valid_from(d.pop("valid_from", UNSET))

        def _parse_valid_until(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        valid_until = _parse_valid_until(d.pop("valid_until", UNSET))

        _learning_outcomes = d.pop("learning_outcomes", UNSET)
        learning_outcomes: list[WalletSummaryModelLearningOutcome] | Unset = UNSET
        if _learning_outcomes is not UNSET:
            learning_outcomes = []
            for learning_outcomes_item_data in _learning_outcomes:
                learning_outcomes_item = WalletSummaryModelLearningOutcome.from_dict(learning_outcomes_item_data)

                learning_outcomes.append(learning_outcomes_item)

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

        def _parse_field_of_study(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        field_of_study = _parse_field_of_study(d.pop("field_of_study", UNSET))

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

        def _parse_assessment_type(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        assessment_type = _parse_assessment_type(d.pop("assessment_type", UNSET))

        def _parse_participation(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        participation = _parse_participation(d.pop("participation", UNSET))

        def _parse_quality_assurance(data: object) -> None | QualityAssurance | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                quality_assurance_type_0 = QualityAssurance.from_dict(data)

                return quality_assurance_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | QualityAssurance | Unset, data)

        quality_assurance = _parse_quality_assurance(d.pop("quality_assurance", UNSET))

        def _parse_prerequisites(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        prerequisites = _parse_prerequisites(d.pop("prerequisites", UNSET))

        def _parse_supervision(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        supervision = _parse_supervision(d.pop("supervision", UNSET))

        def _parse_stackability(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        stackability = _parse_stackability(d.pop("stackability", UNSET))

        def _parse_further_information(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        further_information = _parse_further_information(d.pop("further_information", UNSET))

        def _parse_language(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        language = _parse_language(d.pop("language", UNSET))

        _achievements = d.pop("achievements", UNSET)
        achievements: list[Achievement] | Unset = UNSET
        if _achievements is not UNSET:
            achievements = []
            for achievements_item_data in _achievements:
                achievements_item = Achievement.from_dict(achievements_item_data)

                achievements.append(achievements_item)

        _parts = d.pop("parts", UNSET)
        parts: list[LinkedPart] | Unset = UNSET
        if _parts is not UNSET:
            parts = []
            for parts_item_data in _parts:
                parts_item = LinkedPart.from_dict(parts_item_data)

                parts.append(parts_item)

        disclosable = cast(list[str], d.pop("disclosable", UNSET))

        _missing = d.pop("missing", UNSET)
        missing: list[SummaryMissingItem] | Unset = UNSET
        if _missing is not UNSET:
            missing = []
            for missing_item_data in _missing:
                missing_item = SummaryMissingItem(missing_item_data)

                missing.append(missing_item)

        summary = cls(
            schema_version=schema_version,
            title=title,
            description=description,
            types=types,
            vct=vct,
            learner=learner,
            issuer=issuer,
            issued_on=issued_on,
            awarded_on=awarded_on,
            valid_from=valid_from,
            valid_until=valid_until,
            learning_outcomes=learning_outcomes,
            credits_=credits_,
            levels=levels,
            field_of_study=field_of_study,
            grade=grade,
            assessment_type=assessment_type,
            participation=participation,
            quality_assurance=quality_assurance,
            prerequisites=prerequisites,
            supervision=supervision,
            stackability=stackability,
            further_information=further_information,
            language=language,
            achievements=achievements,
            parts=parts,
            disclosable=disclosable,
            missing=missing,
        )

        return summary
