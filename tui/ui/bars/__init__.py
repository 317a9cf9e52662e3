"""The one-line bars around the inbox (splits, status, keys, the training banner).

They are not widgets: the screen paints them itself (see :mod:`tui.ui.chrome`).
"""
