"""Learning-outcome matching: ESCO URIs first, then weighted word overlap, every match explained. The offered
outcomes are the two of the European Commission's Annex I sample micro-credential; the targets are written as
qualifications state them (DigComp 2.2 wording, ESCO skill labels, course outcomes)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from pydantic import BaseModel

from recognition.outcomes import (
    MATCH_THRESHOLD,
    MAX_OUTCOMES,
    MAX_TEXT,
    OutcomeCoverage,
    OutcomeMatch,
    OutcomeText,
    UncoveredOutcome,
    match_outcomes,
    stem,
)
from wallet.summary.elm import summarise

DATA = Path(__file__).parent.parent / "data"
SAMPLE_TITLE = "Digital micro-credential creation"
COMMUNICATION = OutcomeText(
    "Communication, collaboration and creativity",
    esco_uri="http://data.europa.eu/esco/skill/ccdf3597-5c80-410f-896d-e1bdfa223de9",  # stimulate creativity in the team
    related=(
        "http://data.europa.eu/esco/skill/80f308e6-0e09-404a-80cd-ec5f50f6f304",  # communicate with target community
        "http://data.europa.eu/esco/skill/326809fc-238d-40c2-881e-40042f7f2f0d",  # establish collaborative relations
    ),
    source=SAMPLE_TITLE,
)
DIGITAL_CONTENT = OutcomeText(
    "Developing digital content",
    esco_uri="http://data.europa.eu/esco/skill/5fd5c985-eaaa-47aa-8314-62359c54505a",  # develop digital content
    related=(
        "http://data.europa.eu/snb/dcf/u69o196gu6",  # DigComp: Developing digital content
        "http://data.europa.eu/snb/dcf/3ol5wi3605",  # DigComp: Developing digital content Level 4
    ),
    source=SAMPLE_TITLE,
)
OFFERED = [COMMUNICATION, DIGITAL_CONTENT]
# DigComp 2.2, competence 3.1, in the words of its definition.
DIGCOMP_DEFINITION = "Create and edit digital content in different formats"
FIELDS = """
    bookkeeping welding plumbing carpentry beekeeping viticulture cartography typography radiography phlebotomy
    dentistry pharmacology epidemiology hydrology geology seismology meteorology astronomy oceanography forestry
    horticulture aquaculture apiculture sericulture metallurgy ceramics glassblowing upholstery tailoring millinery
    cobbling locksmithing blacksmithing masonry roofing glazing tiling plastering scaffolding surveying conveyancing
    auditing actuarial underwriting brokerage arbitrage logistics warehousing procurement translation
"""


def _covered(target: OutcomeText, offered: list[OutcomeText] = OFFERED) -> OutcomeMatch:
    result = match_outcomes([target], offered)
    assert result.uncovered == [], result.uncovered
    (match,) = result.covered
    return match


def _uncovered(target: OutcomeText, offered: list[OutcomeText] = OFFERED) -> UncoveredOutcome:
    result = match_outcomes([target], offered)
    assert result.covered == [], result.covered
    (missing,) = result.uncovered
    return missing


class TestSample:
    def test_the_offered_outcomes_are_those_the_sample_states(self) -> None:
        envelope = json.loads((DATA / "edc-ec-mc-annex1-signed.jsonld").read_text("utf-8"))
        summary = summarise(json.loads(envelope["payload"]))  # JAdES with b64:false: the payload is the credential
        stated = [OutcomeText(o.text, o.esco_uri, tuple(o.related), summary.title) for o in summary.learning_outcomes]
        assert stated == OFFERED


class TestUriMatches:
    def test_same_esco_uri_whatever_the_scheme_slash_and_spacing(self) -> None:
        written = " HTTPS://data.europa.eu/esco/skill/5fd5c985-eaaa-47aa-8314-62359c54505a/ "
        match = _covered(OutcomeText("Produce digital media", esco_uri=written))
        assert (match.basis, match.score, match.matched) == ("esco_uri", 1.0, "Developing digital content")
        assert match.matched_source == SAMPLE_TITLE
        assert match.target_esco_uri == written
        assert match.shared_uri == written.strip()
        assert match.shared_terms == []

    def test_target_esco_uri_among_the_offered_related(self) -> None:
        target = OutcomeText(
            "Communicate with target community",
            esco_uri="https://data.europa.eu/esco/skill/80f308e6-0e09-404a-80cd-ec5f50f6f304",
        )
        match = _covered(target)
        assert (match.basis, match.score, match.matched) == ("related_uri", 0.9, COMMUNICATION.text)
        assert match.shared_uri == target.esco_uri

    def test_offered_esco_uri_among_the_target_related(self) -> None:
        target = OutcomeText(
            "Foster creative teamwork",
            related=("http://data.europa.eu/esco/skill/ccdf3597-5c80-410f-896d-e1bdfa223de9",),
        )
        match = _covered(target)
        assert (match.basis, match.score, match.matched) == ("related_uri", 0.9, COMMUNICATION.text)

    def test_a_related_uri_named_by_both(self) -> None:
        target = OutcomeText(DIGCOMP_DEFINITION, related=("http://data.europa.eu/snb/dcf/u69o196gu6",))
        match = _covered(target)
        assert (match.basis, match.score, match.matched) == ("related_uri", 0.9, DIGITAL_CONTENT.text)
        assert match.shared_uri == "http://data.europa.eu/snb/dcf/u69o196gu6"

    def test_another_esco_skill_does_not_match(self) -> None:
        target = OutcomeText(
            "Manage budgets",
            esco_uri="http://data.europa.eu/esco/skill/5fd5c985-eaaa-47aa-8314-62359c54505b",
        )
        assert _uncovered(target).nearest is None

    def test_on_equal_scores_the_uri_match_is_shown(self) -> None:
        same_words = OutcomeText("Developing digital content", source="A course without ESCO references")
        target = OutcomeText("Developing digital content", esco_uri=DIGITAL_CONTENT.esco_uri)
        match = _covered(target, [same_words, DIGITAL_CONTENT])
        assert (match.basis, match.score, match.matched_source) == ("esco_uri", 1.0, SAMPLE_TITLE)


class TestTextMatches:
    def test_a_paraphrase_is_covered_with_the_words_it_shares(self) -> None:
        match = _covered(OutcomeText(DIGCOMP_DEFINITION))
        assert (match.basis, match.matched, match.matched_source) == ("text", DIGITAL_CONTENT.text, SAMPLE_TITLE)
        assert match.shared_terms == ["digital", "content"]
        assert MATCH_THRESHOLD <= match.score < 0.5
        assert match.shared_uri is None

    def test_word_forms_meet_and_are_shown_as_the_target_writes_them(self) -> None:
        match = _covered(OutcomeText("Communicate, collaborate and create with others in teams"))
        assert match.matched == COMMUNICATION.text
        assert match.shared_terms == ["communicate", "collaborate", "create"]
        assert match.score > 0.8

    def test_an_unrelated_outcome_is_uncovered_with_its_near_miss(self) -> None:
        missing = _uncovered(OutcomeText("Communicate the results of a risk assessment to stakeholders"))
        assert missing.nearest == COMMUNICATION.text
        assert missing.nearest_source == SAMPLE_TITLE
        assert missing.nearest_basis == "text"
        assert missing.nearest_score is not None and 0 < missing.nearest_score < MATCH_THRESHOLD
        assert missing.shared_terms == ["communicate"]

    def test_an_outcome_sharing_no_word_has_no_near_miss(self) -> None:
        missing = _uncovered(OutcomeText("Manage the budget of a public procurement procedure"))
        assert (missing.nearest, missing.nearest_score, missing.nearest_basis, missing.shared_terms) == (
            None,
            None,
            None,
            [],
        )

    def test_boilerplate_is_not_a_match(self) -> None:
        target = OutcomeText("On successful completion, students will be able to demonstrate knowledge and skills")
        offered = OutcomeText("Learners demonstrate the ability to understand and apply their knowledge")
        assert _uncovered(target, [offered]).nearest is None

    def test_french_function_words_and_boilerplate_are_ignored(self) -> None:
        target = OutcomeText("L'apprenant est capable de développer des contenus numériques")
        match = _covered(target, [OutcomeText("Développement de contenus numériques")])
        assert match.shared_terms == ["contenus", "numériques"]

    def test_german_function_words_and_boilerplate_are_ignored(self) -> None:
        target = OutcomeText("Die Studierenden können digitale Inhalte erstellen")
        match = _covered(target, [OutcomeText("Digitale Inhalte erstellen und bearbeiten")])
        assert match.shared_terms == ["digitale", "inhalte", "erstellen"]

    def test_french_and_german_share_only_function_words(self) -> None:
        target = OutcomeText("La gestion de la qualité et des données dans le secteur public")
        offered = OutcomeText("Die Pflege der Beziehungen mit den Kunden und des Teams")
        assert _uncovered(target, [offered]).nearest is None  # "des" is a function word in both

    def test_accents_and_case_do_not_matter(self) -> None:
        match = _covered(
            OutcomeText("DÉVELOPPER des CONTENUS Numériques"), [OutcomeText("developper contenus numeriques")]
        )
        assert match.score == 1.0
        assert match.shared_terms == ["développer", "contenus", "numériques"]

    @pytest.mark.parametrize(
        ("target", "offered"),
        [
            (DIGCOMP_DEFINITION, "Developing digital content"),
            ("Protect personal data and privacy in digital environments", "Protecting personal data and privacy"),
            ("Analyse data sets using statistical methods", "Statistical analysis of data sets"),
            ("Plan and manage software development projects", "Project management in software development"),
            ("Apply first aid in emergency situations", "Provide first aid"),
            ("Write clear technical documentation for software", "Technical writing and software documentation"),
            (
                "Evaluate the credibility and reliability of sources of data and information",
                "Evaluating data, information and digital content",
            ),
        ],
    )
    def test_the_threshold_covers_paraphrases(self, target: str, offered: str) -> None:
        assert _covered(OutcomeText(target), [OutcomeText(offered)]).basis == "text"

    @pytest.mark.parametrize(
        ("target", "offered"),
        [
            ("Develop a marketing strategy for a small business", "Developing digital content"),
            ("Analyse financial statements of a company", "Statistical analysis of data sets"),
            ("Protect workers' health and safety on construction sites", "Protecting personal data and privacy"),
            ("Manage a team of nurses in a hospital ward", "Project management in software development"),
            ("Evaluate student learning with formative assessment", "Evaluating data, information and digital content"),
            ("Digital marketing and social media advertising", "Developing digital content"),
        ],
    )
    def test_the_threshold_leaves_outcomes_sharing_one_word_uncovered(self, target: str, offered: str) -> None:
        missing = _uncovered(OutcomeText(target), [OutcomeText(offered)])
        assert missing.nearest_score is not None and missing.nearest_score < 0.3
        assert len(missing.shared_terms) == 1


class TestStem:
    @pytest.mark.parametrize(
        "forms",
        [
            ("communication", "communicate", "communicating", "communications", "communicative"),
            ("collaboration", "collaborate", "collaborative"),
            ("creativity", "create", "creating", "creative", "creation"),
            ("developing", "development", "developed", "develops"),
            ("analysis", "analyse", "analysing", "analyze", "analyses"),
            ("documentation", "document", "documents"),
            ("implementation", "implement", "implementing"),
            ("planning", "plan", "plans", "planned"),
        ],
    )
    def test_word_forms_share_a_stem(self, forms: tuple[str, ...]) -> None:
        assert {stem(word) for word in forms} == {stem(forms[0])}

    def test_short_words_keep_their_form(self) -> None:
        assert [stem(word) for word in ("data", "aid", "need", "used", "based", "legal")] == [
            "data",
            "aid",
            "need",
            "used",
            "based",
            "legal",
        ]


class TestCoverage:
    def test_ratio_order_and_method(self) -> None:
        targets = [
            OutcomeText("Developing digital content", esco_uri=DIGITAL_CONTENT.esco_uri),
            OutcomeText("Communicate, collaborate and create with others in teams"),
            OutcomeText("Manage the budget of a public procurement procedure"),
        ]
        result = match_outcomes(targets, OFFERED)
        assert [(m.target, m.basis) for m in result.covered] == [
            (targets[0].text, "esco_uri"),
            (targets[1].text, "text"),
        ]
        assert [u.target for u in result.uncovered] == [targets[2].text]
        assert result.coverage == 0.667
        assert result.threshold == MATCH_THRESHOLD
        assert result.method == "esco-uri+weighted-term-overlap/2"
        assert "ESCO" in result.method_description

    def test_one_offered_outcome_covers_several_targets(self) -> None:
        targets = [
            OutcomeText(DIGCOMP_DEFINITION),
            OutcomeText("Develop digital content", esco_uri=DIGITAL_CONTENT.esco_uri),
        ]
        result = match_outcomes(targets, OFFERED)
        assert [m.matched for m in result.covered] == [DIGITAL_CONTENT.text, DIGITAL_CONTENT.text]
        assert result.coverage == 1.0

    def test_a_higher_threshold_turns_a_match_into_a_near_miss(self) -> None:
        result = match_outcomes([OutcomeText(DIGCOMP_DEFINITION)], OFFERED, threshold=0.5)
        (missing,) = result.uncovered
        assert (missing.nearest, missing.shared_terms) == (DIGITAL_CONTENT.text, ["digital", "content"])
        assert (result.threshold, result.coverage) == (0.5, 0.0)

    def test_no_targets(self) -> None:
        result = match_outcomes([], OFFERED)
        assert (result.covered, result.uncovered, result.coverage) == ([], [], None)

    def test_no_offered_outcomes(self) -> None:
        result = match_outcomes([COMMUNICATION, DIGITAL_CONTENT], [])
        assert result.covered == []
        assert [(u.target, u.nearest) for u in result.uncovered] == [
            (COMMUNICATION.text, None),
            (DIGITAL_CONTENT.text, None),
        ]
        assert result.coverage == 0.0

    def test_an_outcome_of_function_words_only(self) -> None:
        result = match_outcomes([OutcomeText("and the of")], [OutcomeText("of the and")])
        assert result.uncovered[0].nearest is None

    def test_equal_candidates_go_to_the_first_given(self) -> None:
        first = OutcomeText("Developing digital content", source="First course")
        second = OutcomeText("Developing digital content", source="Second course")
        assert _covered(OutcomeText(DIGCOMP_DEFINITION), [first, second]).matched_source == "First course"
        assert _covered(OutcomeText(DIGCOMP_DEFINITION), [second, first]).matched_source == "Second course"

    def test_the_same_inputs_give_the_same_answer(self) -> None:
        targets = [OutcomeText(DIGCOMP_DEFINITION), OutcomeText("Communicate with others"), COMMUNICATION]
        first = match_outcomes(targets, OFFERED).model_dump_json()
        assert all(match_outcomes(targets, OFFERED).model_dump_json() == first for _ in range(5))

    def test_fifty_by_fifty(self) -> None:
        topics = FIELDS.split()
        assert len(topics) == 50
        targets = [OutcomeText(f"Plan and deliver a supervised project in {topic}") for topic in topics]
        offered = [
            OutcomeText(f"Planning and delivering supervised projects in {topic}", source=f"Course {number}")
            for number, topic in reversed(list(enumerate(topics)))
        ]
        result = match_outcomes(targets, offered)
        assert result.coverage == 1.0
        assert all(m.matched.endswith(topic) for m, topic in zip(result.covered, topics, strict=True))


class TestGuards:
    def test_too_many_targets(self) -> None:
        with pytest.raises(ValueError, match="at most 500 target outcomes"):
            match_outcomes([DIGITAL_CONTENT] * (MAX_OUTCOMES + 1), OFFERED)

    def test_too_many_offered_outcomes(self) -> None:
        with pytest.raises(ValueError, match="at most 500 offered outcomes"):
            match_outcomes(OFFERED, [DIGITAL_CONTENT] * (MAX_OUTCOMES + 1))

    def test_too_long_a_text(self) -> None:
        with pytest.raises(ValueError, match="at most 2000 characters"):
            match_outcomes(OFFERED, [OutcomeText("digital " * 250 + "x")])

    def test_the_limits_themselves_are_accepted(self) -> None:
        longest = OutcomeText(("digital content " * 125)[:MAX_TEXT])
        assert match_outcomes([longest] * MAX_OUTCOMES, [longest]).coverage == 1.0
        assert match_outcomes([longest], [longest] * MAX_OUTCOMES).coverage == 1.0

    @pytest.mark.parametrize("threshold", [0.0, -0.1, 1.5])
    def test_a_threshold_outside_0_to_1(self, threshold: float) -> None:
        with pytest.raises(ValueError, match="threshold"):
            match_outcomes(OFFERED, OFFERED, threshold=threshold)


class TestSchema:
    @pytest.mark.parametrize("model", [OutcomeCoverage, OutcomeMatch, UncoveredOutcome])
    def test_every_field_is_described_for_the_api(self, model: type[BaseModel]) -> None:
        properties = model.model_json_schema()["properties"]
        assert [name for name, field in properties.items() if not field.get("description")] == []
