"""The offer catalogue: learning opportunities institutions of every kind publish with their Annex I data, searched
by anyone (free text and filters), and suggested in a learner's stack view."""
