"""Entities: names cleaned and grouped into one entity per referent, typed by the vote of their mentions."""
