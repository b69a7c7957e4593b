from enum import StrEnum


class CredentialFormat(StrEnum):
    CLR_2 = "clr_2"
    CLR_2_JWT = "clr_2_jwt"
    EDC = "edc"
    EDC_JADES = "edc_jades"
    ELMO = "elmo"
    ELMO_LEARNING_OPPORTUNITY = "elmo_learning_opportunity"
    OPEN_BADGES_3 = "open_badges_3"
    OPEN_BADGES_3_JWT = "open_badges_3_jwt"
    SD_JWT_VC = "sd_jwt_vc"
    VC = "vc"
    VC_JWT = "vc_jwt"

    def __str__(self) -> str:
        return str(self.value)
