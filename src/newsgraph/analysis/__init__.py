"""The analysis of one article: the spaCy boundary, the pipeline, and one package per layer."""
