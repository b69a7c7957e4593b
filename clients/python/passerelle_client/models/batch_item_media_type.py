from enum import StrEnum


class BatchItemMediaType(StrEnum):
    APPLICATIONDCSD_JWT = "application/dc+sd-jwt"
    APPLICATIONJOSE = "application/jose"
    APPLICATIONJOSEJSON = "application/jose+json"
    APPLICATIONJSON = "application/json"
    APPLICATIONJWT = "application/jwt"
    APPLICATIONLDJSON = "application/ld+json"
    APPLICATIONSD_JWT = "application/sd-jwt"
    APPLICATIONVC = "application/vc"
    APPLICATIONVCJSON = "application/vc+json"
    APPLICATIONVCJWT = "application/vc+jwt"
    APPLICATIONVCLDJSON = "application/vc+ld+json"
    APPLICATIONVCSD_JWT = "application/vc+sd-jwt"
    APPLICATIONXML = "application/xml"
    TEXTPLAIN = "text/plain"
    TEXTXML = "text/xml"

    def __str__(self) -> str:
        return str(self.value)
