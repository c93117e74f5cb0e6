#!/usr/bin/env python3
"""The show's web pages in a real browser: headless Chromium driven through chromedriver's W3C
WebDriver HTTP API (standard library only).

    browser_check.py SHOW_URL EPISODE_URL DURATION_S ARTIFACT_DIR

Loads the show page and the episode page as `briefcast serve` serves them and checks that no
injected script ran, that the episode's <audio> reaches loadedmetadata with DURATION_S (±0.5 s)
and that clicking a chapter's time moves currentTime there. Screenshots of both pages at phone
width (390 px) go to ARTIFACT_DIR. Exit 0 when every check passes, 1 with one line per failure
on stderr, 2 when the browser cannot be driven at all.
"""
import base64
import json
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request

CHROME_FLAGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
    "--mute-audio",
]


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class WebDriver:
    def __init__(self, port):
        self.base = "http://127.0.0.1:%d" % port
        self.session = None

    def call(self, method, path, body=None, timeout=60):
        data = None if body is None else json.dumps(body).encode()
        req = urllib.request.Request(self.base + path, data=data, method=method,
                                     headers={"Content-Type": "application/json"})
        try:
            with urllib.request.urlopen(req, timeout=timeout) as r:
                return json.loads(r.read() or b"{}").get("value")
        except urllib.error.HTTPError as e:
            detail = e.read().decode("utf-8", "replace")
            raise RuntimeError("%s %s: HTTP %d %s" % (method, path, e.code, detail[:400]))

    def s(self, method, path, body=None, timeout=60):
        return self.call(method, "/session/%s%s" % (self.session, path), body, timeout)

    def script(self, source, *args, asynchronous=False):
        kind = "/execute/async" if asynchronous else "/execute/sync"
        return self.s("POST", kind, {"script": source, "args": list(args)})

    def screenshot(self, path):
        png = base64.b64decode(self.s("GET", "/screenshot"))
        with open(path, "wb") as f:
            f.write(png)
        return len(png)


def main(argv):
    if len(argv) != 5:
        print(__doc__, file=sys.stderr)
        return 2
    show_url, episode_url, duration, artifacts = argv[1], argv[2], float(argv[3]), argv[4]
    os.makedirs(artifacts, exist_ok=True)
    driver_bin = shutil.which("chromedriver")
    chrome_bin = "/usr/lib/chromium/chromium"
    if not os.path.exists(chrome_bin):
        chrome_bin = shutil.which("chromium")
    if not driver_bin or not chrome_bin:
        print("browser_check: chromium or chromedriver not found", file=sys.stderr)
        return 2

    port = free_port()
    profile = tempfile.mkdtemp(prefix="briefcast-chromium-")
    log = open(os.path.join(artifacts, "chromedriver.log"), "w")
    proc = subprocess.Popen([driver_bin, "--port=%d" % port], stdout=log, stderr=log)
    wd = WebDriver(port)
    failures = []

    def check(ok, message):
        if not ok:
            failures.append(message)

    try:
        for _ in range(100):
            try:
                if wd.call("GET", "/status", timeout=2).get("ready"):
                    break
            except (OSError, RuntimeError):
                pass
            time.sleep(0.1)
        caps = {"capabilities": {"alwaysMatch": {
            "browserName": "chrome",
            "goog:chromeOptions": {
                "binary": chrome_bin,
                "args": CHROME_FLAGS + ["--user-data-dir=" + profile],
                # A phone's screen: headless windows are never narrower than 500 px.
                "mobileEmulation": {"deviceMetrics": {"width": 390, "height": 844,
                                                      "pixelRatio": 2}}}}}}
        wd.session = wd.call("POST", "/session", caps, timeout=120)["sessionId"]
        wd.s("POST", "/timeouts", {"script": 30000, "pageLoad": 30000})

        # The show page: what a listener opens first.
        wd.s("POST", "/url", {"url": show_url})
        page = wd.script(
            "return {title: document.title, h1: document.querySelector('h1').textContent,"
            " scripts: document.scripts.length, pwned: window.__pwned === 1,"
            " players: document.querySelectorAll('audio[controls][preload=none]').length,"
            " feed: document.getElementById('feed-url').value,"
            " width: document.documentElement.scrollWidth, viewport: window.innerWidth}")
        check(not page["pwned"], "show page: an injected script ran")
        check(page["scripts"] == 1, "show page: %d scripts, expected only its own" % page["scripts"])
        check("<script>" in page["h1"], "show page: the title's markup is not shown as text: %r"
              % page["h1"])
        check(page["players"] >= 1, "show page: no <audio controls preload=none>")
        check(page["feed"].endswith("/feed.xml"), "show page: feed URL %r" % page["feed"])
        check(page["width"] <= page["viewport"],
              "show page: %d px wide in a %d px window (scrolls sideways on a phone)"
              % (page["width"], page["viewport"]))
        wd.screenshot(os.path.join(artifacts, "show-page-390px.png"))

        # The episode page: the player, its metadata, a chapter time that seeks.
        wd.s("POST", "/url", {"url": episode_url})
        got = wd.script(
            "var done = arguments[arguments.length - 1];"
            "var a = document.getElementById('player');"
            "var t = setTimeout(function () { done({error: 'no loadedmetadata in 20 s',"
            " state: a.readyState, err: a.error ? a.error.code : 0}); }, 20000);"
            "a.addEventListener('loadedmetadata', function () { clearTimeout(t);"
            " done({duration: a.duration, preload: a.getAttribute('preload')}); });"
            "a.preload = 'metadata'; a.load();", asynchronous=True)
        if "error" in got:
            check(False, "episode page: %s" % got)
        else:
            check(abs(got["duration"] - duration) <= 0.5,
                  "episode page: audio duration %.3f s, the episode's is %.3f s"
                  % (got["duration"], duration))
        links = wd.s("POST", "/elements", {"using": "css selector",
                                           "value": "ol.chapters a.seek"})
        check(len(links) >= 2, "episode page: %d chapter times" % len(links))
        if len(links) >= 2:
            key = next(iter(links[1]))  # the W3C element reference key
            element = links[1][key]
            start = float(wd.s("GET", "/element/%s/attribute/data-start" % element))
            check(start > 0, "episode page: the second chapter starts at %s" % start)
            wd.s("POST", "/element/%s/click" % element, {})
            time.sleep(0.5)
            now = wd.script("return document.getElementById('player').currentTime;")
            check(start - 0.5 <= now <= start + 10,
                  "episode page: after clicking %.3f s the player is at %.3f s" % (start, now))
            check(wd.script("return location.href;") == episode_url,
                  "episode page: the click navigated away instead of seeking")
        wd.screenshot(os.path.join(artifacts, "episode-page-390px.png"))
    except Exception as e:  # one line naming what could not be driven
        print("browser_check: %s" % e, file=sys.stderr)
        return 2
    finally:
        try:
            if wd.session:
                wd.s("DELETE", "", timeout=20)
        except Exception:
            pass
        proc.terminate()
        try:
            proc.wait(10)
        except subprocess.TimeoutExpired:
            proc.kill()
        log.close()
        shutil.rmtree(profile, ignore_errors=True)

    for f in failures:
        print("browser_check: " + f, file=sys.stderr)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
