"""The command palette's inbox commands: every action of the inbox, with its key.

Built from the screen's active bindings, so the palette shows the keys as the user's
keymap has them, and an action whose key was rebound still appears once.
"""

from __future__ import annotations

from functools import partial

from textual.command import DiscoveryHit, Hit, Hits, Provider


class InboxCommands(Provider):
    """Offers each inbox action as ``Accept  (a)``; runs it as if its key were pressed."""

    def _commands(self) -> list[tuple[str, str, str]]:
        """(title, help, action) for each action the current screen binds."""
        screen = self.screen
        seen: dict[str, list[str]] = {}
        info: dict[str, tuple[str, str]] = {}
        for active in screen.active_bindings.values():
            binding = active.binding
            if binding.system or not binding.description:
                continue
            action = binding.action
            seen.setdefault(action, []).append(self.app.get_key_display(binding))
            info.setdefault(action, (binding.description, binding.tooltip))
        commands = []
        for action, keys in seen.items():
            label, tooltip = info[action]
            commands.append((f"{label}  ({' / '.join(keys)})", tooltip or label, action))
        return commands

    async def _run(self, action: str) -> None:
        await self.screen.run_action(action)

    async def discover(self) -> Hits:
        for title, help_text, action in self._commands():
            yield DiscoveryHit(title, partial(self._run, action), help=help_text)

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for title, help_text, action in self._commands():
            score = max(matcher.match(title), matcher.match(help_text))
            if score > 0:
                yield Hit(
                    score, matcher.highlight(title), partial(self._run, action), help=help_text
                )
