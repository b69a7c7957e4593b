"""Consent records: what the learner agreed to, with whom, why, under which privacy notice, and its withdrawal."""
