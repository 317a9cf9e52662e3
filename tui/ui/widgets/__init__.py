"""Widgets the app composes: one class per file."""
