"""The analysis stages, one capability per module, run in order by ``newsgraph.pipeline``."""
