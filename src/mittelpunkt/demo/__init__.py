"""The demo world: a shop and a telco whose customers live through realistic journeys."""

from mittelpunkt.demo.world import World, generate_world

__all__ = ["World", "generate_world"]
