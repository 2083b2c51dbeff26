"""The ``mittelpunkt`` command line."""
