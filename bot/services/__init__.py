"""Use cases in plain Python: no telegram, no HTML; the clock is injected."""
