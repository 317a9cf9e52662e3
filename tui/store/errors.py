"""The one exception the store raises for anything a user must be told about."""


class StoreError(Exception):
    """A refusal or failure with a one-line message fit to show a user as is."""
