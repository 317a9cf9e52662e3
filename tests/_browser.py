"""Headless Chromium for the ``serve`` tests and the README's screenshot.

Debian's ``chromium`` and ``chromium-driver`` (``.ci/run`` installs them), driven by
selenium with both paths given, so selenium never looks for (or downloads) a browser.

The served app draws on a canvas, so the page has no text to read. :data:`RECORDER` runs
in the page before textual-serve's script and keeps a copy of everything the app sends
to the terminal in ``window.__received``; :meth:`Browser.wait_for` reads it. Keys go
where a user's go: a click on the terminal focuses xterm's hidden textarea, and typing
goes to the focused element.
"""

from __future__ import annotations

import contextlib
import re
import shutil
import time
from collections.abc import Iterator
from pathlib import Path

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
CHROMEDRIVER = shutil.which("chromedriver") or "/usr/bin/chromedriver"
FLAGS = (
    "--headless=new",
    "--no-sandbox",
    "--disable-dev-shm-usage",
    "--disable-gpu",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
)

RECORDER = r"""
(() => {
  const Native = window.WebSocket;
  const decoder = new TextDecoder();
  window.__received = "";
  window.WebSocket = class extends Native {
    constructor(...args) {
      super(...args);
      this.addEventListener("message", (event) => {
        if (typeof event.data !== "string") {
          window.__received += decoder.decode(event.data);
        }
      });
    }
  };
})();
"""

ANSI = re.compile(r"\x1b\[[0-9;?<>=$]*[ -/]*[@-~]|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)|\x1b[@-_]")


def available() -> bool:
    return Path(CHROMIUM).exists() and Path(CHROMEDRIVER).exists()


class Browser:
    def __init__(self, driver) -> None:
        self.driver = driver
        self.seen = 0  # how much of window.__received earlier waits consumed

    def open(self, url: str) -> None:
        self.driver.get(url)

    def received(self) -> str:
        return self.driver.execute_script("return window.__received || ''")

    def wait_for(self, text: str, *, timeout: float = 90.0) -> None:
        """Poll until ``text`` shows in what the app sent since the last wait."""
        deadline = time.monotonic() + timeout
        while True:
            raw = self.received()
            if text in ANSI.sub("", raw[self.seen :]):
                self.seen = len(raw)
                return
            if time.monotonic() > deadline:
                tail = ANSI.sub("", raw[self.seen :])[-800:]
                raise AssertionError(f"no {text!r} in the browser; last seen: {tail!r}")
            time.sleep(0.2)

    def focus_terminal(self) -> None:
        from selenium.webdriver.common.by import By

        self.driver.find_element(By.CSS_SELECTOR, "#terminal").click()

    def type(self, keys: str) -> None:
        from selenium.webdriver.common.action_chains import ActionChains

        ActionChains(self.driver).send_keys(keys).perform()

    def screenshot(self, path: Path) -> None:
        self.driver.save_screenshot(str(path))


@contextlib.contextmanager
def chromium(profile: Path, *, width: int = 1200, height: int = 800) -> Iterator[Browser]:
    from selenium import webdriver
    from selenium.webdriver.chrome.options import Options
    from selenium.webdriver.chrome.service import Service

    options = Options()
    options.binary_location = CHROMIUM
    for flag in FLAGS:
        options.add_argument(flag)
    options.add_argument(f"--user-data-dir={profile}")
    options.add_argument(f"--window-size={width},{height}")
    driver = webdriver.Chrome(service=Service(CHROMEDRIVER), options=options)
    try:
        driver.execute_cdp_cmd("Page.addScriptToEvaluateOnNewDocument", {"source": RECORDER})
        yield Browser(driver)
    finally:
        driver.quit()
