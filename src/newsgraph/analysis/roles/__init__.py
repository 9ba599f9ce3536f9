"""Roles: the offices and descriptions the article gives each entity, with whom they are of."""
