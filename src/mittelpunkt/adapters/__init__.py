"""Adapters: files, stores and sinks behind the core's ports."""
