"""Events: PLOVER-coded happenings, their parties, date, place and mood."""
