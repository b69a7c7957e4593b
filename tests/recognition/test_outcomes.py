"""Learning-outcome matching: ESCO URIs first, then weighted term overlap, every match explained."""

from __future__ import annotations

import pytest

from recognition.outcomes import MATCH_THRESHOLD, MAX_OUTCOMES, OutcomeText, match_outcomes, stem

# The two outcomes of the European Commission's Annex I sample micro-credential (tests/data/edc-ec-mc-annex1-*.jsonld).
COMMUNICATION = OutcomeText(
    "Communication, collaboration and creativity",
    esco_uri="http://data.europa.eu/esco/skill/ccdf3597-5c80-410f-896d-e1bdfa223de9",
    related=(
        "http://data.europa.eu/esco/skill/80f308e6-0e09-404a-80cd-ec5f50f6f304",
        "http://data.europa.eu/esco/skill/326809fc-238d-40c2-881e-40042f7f2f0d",
    ),
    source="Digital micro-credential creation",
)
DIGITAL_CONTENT = OutcomeText(
    "Developing digital content",
    esco_uri="http://data.europa.eu/esco/skill/5fd5c985-eaaa-47aa-8314-62359c54505a",
    source="Digital micro-credential creation",
)
OFFERED = [COMMUNICATION, DIGITAL_CONTENT]


class TestUriMatches:
    def test_same_esco_uri_whatever_the_scheme_and_trailing_slash(self) -> None:
        target = OutcomeText(
            "Produce digital media", esco_uri="https://data.europa.eu/esco/skill/5fd5c985-eaaa-47aa-8314-62359c54505a/"
        )
        result = match_outcomes([target], OFFERED)
        (match,) = result.covered
        assert (match.basis, match.score, match.matched) == ("esco_uri", 1.0, "Developing digital content")
        assert match.matched_source == "Digital micro-credential creation"

    def test_a_related_uri_matches_at_0_9(self) -> None:
        target = OutcomeText(
            "Work in teams", esco_uri="http://data.europa.eu/esco/skill/80f308e6-0e09-404a-80cd-ec5f50f6f304"
        )
        (match,) = match_outcomes([target], OFFERED).covered
        assert (match.basis, match.score) == ("related_uri", 0.9)


class TestTextMatches:
    def test_a_paraphrase_is_covered_with_its_shared_words(self) -> None:
        target = OutcomeText("Communicate, collaborate and create with others in teams")
        (match,) = match_outcomes([target], OFFERED).covered
        assert match.basis == "text" and match.score >= MATCH_THRESHOLD
        assert match.shared_terms == ["communicate", "collaborate", "create"]

    def test_an_unrelated_outcome_is_uncovered(self) -> None:
        target = OutcomeText("Manage the budget of a public procurement procedure")
        result = match_outcomes([target], OFFERED)
        assert result.covered == []
        (missing,) = result.uncovered
        assert missing.nearest is None and missing.nearest_score is None

    def test_a_near_miss_shows_its_nearest_candidate(self) -> None:
        target = OutcomeText("Create and edit digital content in different formats")
        (missing,) = match_outcomes([target], OFFERED).uncovered
        assert missing.nearest == "Developing digital content"
        assert missing.nearest_score is not None and 0 < missing.nearest_score < MATCH_THRESHOLD
        assert missing.shared_terms == ["digital", "content"]
        assert match_outcomes([target], OFFERED, threshold=0.4).coverage == 1.0

    def test_french_and_german_function_words_do_not_match(self) -> None:
        target = OutcomeText("La gestion de la qualité et des données dans le secteur public")
        other = OutcomeText("Die Pflege der Beziehungen mit den Kunden und des Teams")
        assert match_outcomes([target], [other]).covered == []

    def test_accents_and_case_do_not_matter(self) -> None:
        target = OutcomeText("Développer des CONTENUS numériques")
        offered = OutcomeText("developper des contenus numeriques accessibles")
        (match,) = match_outcomes([target], [offered]).covered
        assert match.score > 0.8

    def test_stems_join_word_forms(self) -> None:
        assert stem("communication") == stem("communicate")
        assert stem("creativity") == stem("create")
        assert stem("developing") == stem("development")
        assert stem("data") == "data"  # short words stay as they are


class TestCoverage:
    def test_ratio_and_order(self) -> None:
        targets = [
            OutcomeText("Developing digital content", esco_uri=DIGITAL_CONTENT.esco_uri),
            OutcomeText("Communicate, collaborate and create with others in teams"),
            OutcomeText("Manage the budget of a public procurement procedure"),
        ]
        result = match_outcomes(targets, OFFERED)
        assert [m.target for m in result.covered] == [targets[0].text, targets[1].text]
        assert [u.target for u in result.uncovered] == [targets[2].text]
        assert result.coverage == 0.667
        assert result.method == "esco-uri+weighted-term-overlap/1" and result.method_description

    def test_empty_inputs(self) -> None:
        assert match_outcomes([], OFFERED).coverage is None
        result = match_outcomes([DIGITAL_CONTENT], [])
        assert result.coverage == 0.0 and result.uncovered[0].nearest is None

    def test_deterministic(self) -> None:
        targets = [OutcomeText(f"Analyse data sets with method {i}") for i in range(10)]
        offered = [OutcomeText(f"Data analysis using method {i}") for i in range(10)]
        assert match_outcomes(targets, offered) == match_outcomes(targets, offered)

    def test_fifty_by_fifty(self) -> None:
        targets = [OutcomeText(f"Design digital learning material number {i} for adults") for i in range(50)]
        offered = [OutcomeText(f"Designing learning materials {i} for adult education online") for i in range(50)]
        result = match_outcomes(targets, offered)
        assert len(result.covered) + len(result.uncovered) == 50


class TestGuards:
    def test_too_many_outcomes(self) -> None:
        with pytest.raises(ValueError, match="at most"):
            match_outcomes([DIGITAL_CONTENT] * (MAX_OUTCOMES + 1), OFFERED)

    def test_too_long_a_text(self) -> None:
        with pytest.raises(ValueError, match="characters"):
            match_outcomes([OutcomeText("x" * 2001)], OFFERED)
