"""The learner wallet: credentials, formats, verification, sharing, inbox, issuing, status lists, export."""
