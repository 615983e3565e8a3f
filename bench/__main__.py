"""Benchmarks: ``python -m bench`` (or ``make bench``). They print figures and never fail."""

from bench.startup import main

main()
