from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.element_assessment_element import ElementAssessmentElement
from ..models.element_assessment_finding import ElementAssessmentFinding

if TYPE_CHECKING:
    from ..models.element_assessment_evidence import ElementAssessmentEvidence


T = TypeVar("T", bound="ElementAssessment")


@_attrs_define
class ElementAssessment:
    """
    Attributes:
        element (ElementAssessmentElement):
        finding (ElementAssessmentFinding):
        message (str): The finding in plain words.
        evidence (ElementAssessmentEvidence): The values compared, and their sources.
    """

    element: ElementAssessmentElement
    finding: ElementAssessmentFinding
    message: str
    evidence: ElementAssessmentEvidence
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        element = self.element.value

        finding = self.finding.value

        message = self.message

        evidence = self.evidence.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "element": element,
                "finding": finding,
                "message": message,
                "evidence": evidence,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.element_assessment_evidence import ElementAssessmentEvidence  # noqa: PLC0415

        d = dict(src_dict)
        element = ElementAssessmentElement(d.pop("element"))

        finding = ElementAssessmentFinding(d.pop("finding"))

        message = d.pop("message")

        evidence = ElementAssessmentEvidence.from_dict(d.pop("evidence"))

        element_assessment = cls(
            element=element,
            finding=finding,
            message=message,
            evidence=evidence,
        )

        element_assessment.additional_properties = d
        return element_assessment

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
