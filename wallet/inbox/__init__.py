"""The learner's inbox: credentials institutions push, waiting for the learner to accept or decline them."""
