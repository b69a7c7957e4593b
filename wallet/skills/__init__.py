"""The learner's skills profile: the learning outcomes of their credentials, one entry per skill."""
