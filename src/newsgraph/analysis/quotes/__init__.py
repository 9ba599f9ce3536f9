"""Quotes: quotations and reported speech, their cues, and who said them."""
