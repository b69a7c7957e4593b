"""Recognition: frameworks data, levels, credits and grades, completeness, cases, decisions and advice."""
