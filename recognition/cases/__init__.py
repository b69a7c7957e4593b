"""Recognition requests (cases): the learner's request, the officer's assessment, decisions, appeals, audit trail."""
