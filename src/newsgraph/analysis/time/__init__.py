"""Time: temporal expressions found as TimeML draws them and normalised to TIMEX3 values."""
