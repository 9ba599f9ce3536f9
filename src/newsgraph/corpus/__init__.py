"""The corpus: many analyses in one SQLite store, actors and events resolved across articles, ingest and export."""
