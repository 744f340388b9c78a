"""API and chat UI."""
