"""One module per ``invite-triage`` command, each exposing ``command``."""
