"""ELMO transcripts read into summaries: the EMREX example transcript, its learning opportunities as embedded
credentials, transcripts built to probe multiple reports, limits and namespaces, and hostile XML."""

from __future__ import annotations

from pathlib import Path

import defusedxml.ElementTree as SafeXML
import pytest

from wallet.formats import CredentialFormat, Detected, UnrecognisedCredential, detect
from wallet.summary import Summarised, elmo
from wallet.summary.model import Credits, Grade, Level

DATA = Path(__file__).parents[1] / "data"
SAMPLE = (DATA / "elmo-example.xml").read_bytes()
NS = "https://github.com/emrex-eu/elmo-schemas/tree/v1"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"


def summarise(content: bytes) -> Summarised:
    return elmo.summarise(detect(content, "application/xml"), content)


def opportunity(title: str, *, ects: str | None = None, children: str = "") -> str:
    credit = f"<credit><scheme>ects</scheme><value>{ects}</value></credit>" if ects else ""
    return (
        f"<learningOpportunitySpecification><title xml:lang='en'>{title}</title>"
        f"<specifies><learningOpportunityInstance>{credit}</learningOpportunityInstance></specifies>"
        f"{children}</learningOpportunitySpecification>"
    )


def report(institution: str, country: str, issued: str, opportunities: str) -> str:
    return (
        f"<report><issuer><country>{country}</country><identifier type='schac'>{institution}.example</identifier>"
        f"<title xml:lang='en'>{institution}</title><url>https://{institution}.example</url></issuer>"
        f"{opportunities}<issueDate>{issued}</issueDate></report>"
    )


def transcript(*reports: str, namespace: str | None = NS) -> bytes:
    declaration = f" xmlns='{namespace}'" if namespace else ""
    return (
        f"<elmo{declaration}><generatedDate>2024-06-30T12:00:00Z</generatedDate>"
        "<learner><givenNames>Ada</givenNames><familyName>Lovelace</familyName></learner>"
        f"{''.join(reports)}</elmo>"
    ).encode()


def local_name(tag: str) -> str:
    return tag.rsplit("}", 1)[-1]


class TestTranscriptSummary:
    def test_learner_as_stated(self) -> None:
        learner = summarise(SAMPLE).summary.learner
        assert learner is not None
        assert learner.given_name == "Wojciech Łukasz"
        assert learner.family_name == "Rygielski"
        assert learner.name == "Wojciech Łukasz Rygielski"
        assert learner.date_of_birth == "1983-04-12"
        assert learner.identifiers == ["nationalIdentifier:83041200000", "someOtherCustomIdentifierType:ABC000000"]

    def test_issuer_with_its_identifiers(self) -> None:
        issuer = summarise(SAMPLE).summary.issuer
        assert issuer is not None
        assert issuer.name == "University of Warsaw"  # the English title, not the Polish one listed first
        assert issuer.country == "PL"
        assert issuer.identifiers == ["pic:999572294", "erasmus:PL WARSZAW01", "schac:uw.edu.pl"]
        assert issuer.url == "http://www.uw.edu.pl"

    def test_title_and_issue_date(self) -> None:
        summary = summarise(SAMPLE).summary
        assert summary.title == "Transcript of Records"
        assert summary.issued_on == "2015-10-31T07:00:00+02:00"

    def test_every_opportunity_nested_ones_included(self) -> None:
        achievements = summarise(SAMPLE).summary.achievements
        assert [(a.title, a.type) for a in achievements] == [
            ("Master of Science in Biology", "Degree Programme"),
            ("Identifying ectomycorrhizal fungi (University of Copenhagen)", "Course"),
            ("Compiler construction", "Course"),
            ("Lecture", "Class"),
            ("Lab classes", "Class"),
            ("The importance of <br> in HTML", None),
        ]
        assert [a.identifier for a in achievements] == [
            "local:MNM2-BIO",
            "local:EKSTERN",
            "local:1000-217bMRJ",
            "local:2829051",
            "local:2829515",
            None,
        ]

    def test_compiler_construction_as_in_the_file(self) -> None:
        course = summarise(SAMPLE).summary.achievements[2]
        assert course.credits == [Credits(value=6, system="ECTS")]  # scheme written `ects`
        assert course.levels == [Level(framework="EQF", value="5"), Level(framework="NQF", value="5")]
        assert course.grade == Grade(
            value="45.1",
            scheme="A number of the scale from 0.0 to 100.0 (one digit of precision)",
            # 43, 193, 198, 35 and 7 of 476 students
            distribution={"Less than 20": 9.03, "20-39.9": 40.55, "40-59.9": 41.6, "60-79.9": 7.35, "80-100": 1.47},
        )
        assert (course.started_on, course.completed_on) == ("2014-10-01", "2015-03-17")
        assert course.field_of_study == "0612"
        assert course.description is not None
        assert course.description.startswith("This can contain a multiline description.\n\nThis element")

    def test_degree_programme_and_its_recognised_course(self) -> None:
        programme, external = summarise(SAMPLE).summary.achievements[:2]
        assert programme.credits == [Credits(value=120, system="ECTS")]  # scheme written `ECTS`
        assert programme.grade is None
        assert external.credits == [Credits(value=15, system="ECTS")]
        assert external.grade == Grade(value="Innpasset")

    def test_grading_scheme_resolved_from_the_report(self) -> None:
        queer = summarise(SAMPLE).summary.achievements[5]
        assert queer.grade is not None
        assert queer.grade.scheme == "American grading scale"
        assert queer.grade.distribution is not None
        assert queer.grade.distribution["C"] == round(100 * 135 / 372, 2)

    def test_no_invented_total(self) -> None:
        summary = summarise(SAMPLE).summary.with_missing()
        assert summary.credits == []  # ELMO states no total; the achievements carry the credits
        assert "workload" not in summary.missing
        assert "level" not in summary.missing
        assert "learning_outcomes" in summary.missing

    def test_detected_document_not_required(self) -> None:
        assert elmo.summarise(Detected(CredentialFormat.ELMO), SAMPLE) == summarise(SAMPLE)

    def test_first_report_names_the_issuer(self) -> None:
        content = transcript(
            report("Alpha", "fi", "2024-01-31T00:00:00Z", opportunity("A1", ects="5")),
            report("Beta", "SE", "2024-05-31T00:00:00Z", opportunity("B1", ects="7.5")),
        )
        summary = summarise(content).summary
        assert summary.issuer is not None
        assert (summary.issuer.name, summary.issuer.country) == ("Alpha", "FI")
        assert summary.issued_on == "2024-01-31T00:00:00Z"
        assert [(a.title, a.credits) for a in summary.achievements] == [
            ("A1", [Credits(value=5, system="ECTS")]),
            ("B1", [Credits(value=7.5, system="ECTS")]),
        ]

    def test_transcript_without_namespace(self) -> None:
        content = transcript(report("Alpha", "FI", "2024-01-31T00:00:00Z", opportunity("A1")), namespace=None)
        result = summarise(content)
        assert [a.title for a in result.summary.achievements] == ["A1"]
        assert SafeXML.fromstring(result.parts[0].content).tag == "learningOpportunitySpecification"

    def test_other_namespaces_are_not_elmo(self) -> None:
        # An extension element named like an ELMO one is not read as one.
        extension = "<title xmlns='https://extension.example' xml:lang='en'>Not the title</title>"
        content = transcript(
            report("Alpha", "FI", "2024-01-31T00:00:00Z", opportunity("A1").replace("<title", extension + "<title", 1))
        )
        assert [a.title for a in summarise(content).summary.achievements] == ["A1"]


class TestOpportunityParts:
    def test_one_part_per_top_level_opportunity(self) -> None:
        result = summarise(SAMPLE)
        assert [part.summary.title for part in result.parts] == [
            "Master of Science in Biology",
            "Compiler construction",
            "The importance of <br> in HTML",
        ]
        assert {(part.format, part.media_type) for part in result.parts} == {
            (CredentialFormat.ELMO_OPPORTUNITY, "application/xml")
        }
        assert [(linked.title, linked.format) for linked in result.summary.parts] == [
            (part.summary.title, "elmo_learning_opportunity") for part in result.parts
        ]

    def test_part_bytes_are_that_opportunity_only(self) -> None:
        course = summarise(SAMPLE).parts[1]
        root = SafeXML.fromstring(course.content, forbid_dtd=True, forbid_entities=True, forbid_external=True)
        assert root.tag == f"{{{NS}}}learningOpportunitySpecification"
        titles = [element.text for element in root.iter(f"{{{NS}}}title") if element.get(XML_LANG) == "en"]
        assert titles == ["Compiler construction", "Winter Semester of 2014", "Lecture", "Lab classes"]
        assert b"Master of Science in Biology" not in course.content
        assert b"Rygielski" not in course.content  # the learner is in the summary, not in the fragment
        result_label = root.find(f"{{{NS}}}specifies/{{{NS}}}learningOpportunityInstance/{{{NS}}}resultLabel")
        assert result_label is not None and result_label.text == "45.1"

    def test_part_keeps_markup_as_text(self) -> None:
        queer = summarise(SAMPLE).parts[2]
        root = SafeXML.fromstring(queer.content)
        assert [local_name(child.tag) for child in root] == ["title", "specifies"]
        assert root[0].text == "The importance of <br> in HTML"

    def test_part_summary(self) -> None:
        result = summarise(SAMPLE)
        course = result.parts[1].summary
        assert course.learner == result.summary.learner
        assert course.issuer == result.summary.issuer
        assert course.issued_on == "2015-10-31T07:00:00+02:00"
        assert course.awarded_on == "2015-03-17"
        assert course.credits == [Credits(value=6, system="ECTS")]
        assert [level.framework for level in course.levels] == ["EQF", "NQF"]
        assert course.grade is not None and course.grade.value == "45.1"
        assert course.language == "pl"
        assert course.field_of_study == "0612"
        assert [a.title for a in course.achievements] == ["Compiler construction", "Lecture", "Lab classes"]
        assert "workload" not in course.missing and "title" not in course.missing

    def test_bytes_are_deterministic(self) -> None:
        first, second = summarise(SAMPLE), summarise(SAMPLE)
        assert [part.content for part in first.parts] == [part.content for part in second.parts]

    def test_part_names_its_own_report_issuer(self) -> None:
        content = transcript(
            report("Alpha", "FI", "2024-01-31T00:00:00Z", opportunity("A1")),
            report("Beta", "SE", "2024-05-31T00:00:00Z", opportunity("B1")),
        )
        parts = summarise(content).parts
        assert [(p.summary.issuer.name if p.summary.issuer else None, p.summary.issued_on) for p in parts] == [
            ("Alpha", "2024-01-31T00:00:00Z"),
            ("Beta", "2024-05-31T00:00:00Z"),
        ]

    def test_parts_capped(self) -> None:
        opportunities = "".join(opportunity(f"Course {n}", ects="1") for n in range(elmo.MAX_PARTS + 1))
        result = summarise(transcript(report("Alpha", "FI", "2024-01-31T00:00:00Z", opportunities)))
        assert len(result.parts) == elmo.MAX_PARTS
        assert len(result.summary.parts) == elmo.MAX_PARTS
        assert len(result.summary.achievements) == elmo.MAX_PARTS + 1

    def test_absurd_nesting_refused(self) -> None:
        nested = opportunity("leaf")
        for depth in range(elmo.MAX_DEPTH):
            nested = opportunity(f"level {depth}", children=f"<hasPart>{nested}</hasPart>")
        with pytest.raises(UnrecognisedCredential):
            summarise(transcript(report("Alpha", "FI", "2024-01-31T00:00:00Z", nested)))

    def test_deepest_allowed_nesting(self) -> None:
        nested = opportunity("leaf")
        for depth in range(elmo.MAX_DEPTH - 1):
            nested = opportunity(f"level {depth}", children=f"<hasPart>{nested}</hasPart>")
        result = summarise(transcript(report("Alpha", "FI", "2024-01-31T00:00:00Z", nested)))
        assert len(result.summary.achievements) == elmo.MAX_DEPTH
        assert len(result.parts) == 1


class TestHostileXml:
    BILLION_LAUGHS = (
        b'<?xml version="1.0"?><!DOCTYPE elmo [<!ENTITY a "aaaaaaaaaa">'
        b'<!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;"><!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">]>'
        b"<elmo>&c;</elmo>"
    )
    EXTERNAL_ENTITY = (
        b'<?xml version="1.0"?><!DOCTYPE elmo [<!ENTITY secret SYSTEM "file:///etc/passwd">]>'
        b"<elmo><learner><givenNames>&secret;</givenNames></learner></elmo>"
    )

    @pytest.mark.parametrize("content", [BILLION_LAUGHS, EXTERNAL_ENTITY])
    def test_refused_by_detect(self, content: bytes) -> None:
        with pytest.raises(UnrecognisedCredential) as refused:
            detect(content, "application/xml")
        assert refused.value.code == "unsafe_xml"

    @pytest.mark.parametrize("content", [BILLION_LAUGHS, EXTERNAL_ENTITY])
    def test_refused_when_summarised_without_detection(self, content: bytes) -> None:
        with pytest.raises(UnrecognisedCredential):
            elmo.summarise(Detected(CredentialFormat.ELMO), content)

    def test_not_a_transcript(self) -> None:
        fragment = summarise(SAMPLE).parts[0].content
        with pytest.raises(UnrecognisedCredential):
            elmo.summarise(Detected(CredentialFormat.ELMO_OPPORTUNITY), fragment)
