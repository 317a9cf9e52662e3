"""The Textual user interface. Only this package imports Textual.

``app``: the App; ``services``, ``gateway``, ``writer``: what the screens share (the store
behind one lock, the decision thread); ``bindings``, ``keymap``, ``config``, ``palette``:
keys, rebinding them, the command palette. Feature folders: ``inbox`` (the main screen:
see its docstring for how a key flows), ``dialogs`` (confirm, composer, help),
``training`` (the training app and its screens), ``render`` (Rich text for rows, the
detail, flags, notes and profiles; no widgets).
"""
