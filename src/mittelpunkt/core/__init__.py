"""The pure core: events, journeys, promises, guards and replay.

Standard library only, no I/O, no clock: time arrives on events and as ticks.
"""
