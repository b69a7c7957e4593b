"""Self-recorded learning: non-formal and informal learning a learner records, with evidence files and
endorsements signed by the service."""
