"""The inbox screen and its parts.

The screen (:mod:`.screen`) composes one-line bars and two panes, and hands each job to a
helper object it owns. Nothing here imports the screen back.

=================  ======================================================================
``screen``         :class:`InboxScreen`: composes, keeps the split/filters/counts, actions
``inbox_list``     :class:`InboxList`: a line-API ``ScrollView`` over a row window
``row_window``     :class:`RowWindow`: which rows are loaded, the cursor, what to fetch
``detail_pane``    :class:`DetailPane`: a line-API ``ScrollView`` over a prepared detail
``detail_loader``  :class:`DetailLoader`: loads the detail in a worker, prefetches neighbours
``decisions``      :class:`Decisions`: the decision queue, dialogs, the writer thread, undo
``finder``         :class:`Finder`: find next/previous, which match of how many
``marks``          :class:`Marks`: marked rows, or "all of this list" without the ids
``splits_bar``, ``status_bar``, ``key_bar``, ``search_bar``: the one-line widgets
=================  ======================================================================

How one ``a`` press flows, from the terminal to the disk and back to the screen:

1. Textual turns the byte into a ``Key`` event for the focused widget (the list); it
   bubbles up to :meth:`InboxScreen.on_key`, which clears the last status message.
2. Textual finds the screen's binding ``a`` (id ``accept``, :mod:`tui.ui.bindings`; a
   keymap may have moved it) and calls :meth:`InboxScreen.action_decide` with ``accept``.
3. :meth:`Decisions.request` queues it; when no other decision is being written it takes
   the highlighted row if it is on screen (:attr:`InboxList.visible_row`), or asks first
   when rows are marked (:class:`~tui.ui.dialogs.confirm.ConfirmScreen`).
4. The writer thread (:class:`~tui.ui.writer.Writer`) runs ``Store.record_decisions``
   through the :class:`~tui.ui.gateway.Gateway`: one transaction, committed.
5. The thread posts the result back with ``call_later`` (a thread-safe message). On the UI
   thread :meth:`InboxScreen.decided` shifts the split counts, says "accepted …" in the
   status line, and :meth:`InboxList.replace_statuses` takes the row out of the window
   (no query) and repaints the lines below it with ``refresh_lines``.
6. The list reports its new cursor row; :meth:`InboxScreen.settle` asks the
   :class:`DetailLoader` for it, which shows the detail prepared ahead while the user read
   the last one (or loads it in a worker), and schedules the next neighbours' prefetch.
7. Textual paints the changed lines in its next frame: the list rows from
   ``render_line`` (cached per row), the detail's ready strips, the bars.
"""
