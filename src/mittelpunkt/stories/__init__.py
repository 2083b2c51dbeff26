"""The seed stories of ``../shared/seeds`` as canonical events, shipped for the demo."""
