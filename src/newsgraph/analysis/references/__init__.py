"""References: pronouns, role nouns and group words resolved to the entities they stand for."""
