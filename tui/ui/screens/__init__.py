"""Screens and modal dialogs: one class per file."""
