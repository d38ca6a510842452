"""A minimal W3C WebDriver client for tauri-driver: one keep-alive HTTP
connection (a new connection per request proved flaky with WebKitWebDriver),
a timeout on every call, and wait-for-condition helpers instead of sleeps."""

import base64
import http.client
import json
import time

ELEMENT = "element-6066-11e4-a52e-4f735466cecf"


class WebDriverError(Exception):
    pass


class Session:
    def __init__(self, application, port=4444, timeout=30.0, args=()):
        self.conn = http.client.HTTPConnection("127.0.0.1", port, timeout=timeout)
        options = {"application": application}
        if args:
            options["args"] = list(args)
        caps = {"capabilities": {"alwaysMatch": {"tauri:options": options}}}
        value = self._call("POST", "/session", caps)
        self.id = value["sessionId"]

    def _call(self, method, path, body=None):
        payload = json.dumps(body).encode() if body is not None else None
        headers = {"Content-Type": "application/json"} if payload is not None else {}
        try:
            self.conn.request(method, path, body=payload, headers=headers)
            response = self.conn.getresponse()
            data = json.loads(response.read() or b"{}")
        except (OSError, http.client.HTTPException) as e:
            raise WebDriverError(f"{method} {path}: {e}") from e
        value = data.get("value")
        if response.status >= 400:
            raise WebDriverError(f"{method} {path}: {response.status} {value}")
        return value

    def _session(self, method, path, body=None):
        return self._call(method, f"/session/{self.id}{path}", body)

    def find(self, css):
        found = self._session("POST", "/element", {"using": "css selector", "value": css})
        return found[ELEMENT]

    def text(self, css):
        return self._session("GET", f"/element/{self.find(css)}/text")

    def click(self, css):
        # WebKitWebDriver clicks at the element's centre without scrolling it
        # into view first: below the fold, the click lands on nothing.
        self.script("document.querySelector(arguments[0]).scrollIntoView({block: 'center'})", css)
        self._session("POST", f"/element/{self.find(css)}/click", {})

    def type(self, css, text):
        self._session("POST", f"/element/{self.find(css)}/value", {"text": text})

    def press(self, key):
        """One key press (W3C key code, e.g. TAB) through the actions API."""
        codes = {"TAB": "\ue004", "ENTER": "\ue007", "SPACE": "\ue00d"}
        value = codes.get(key, key)
        self._session("POST", "/actions", {"actions": [{"type": "key", "id": "keyboard", "actions": [
            {"type": "keyDown", "value": value}, {"type": "keyUp", "value": value}]}]})

    def clear(self, css):
        self._session("POST", f"/element/{self.find(css)}/clear", {})

    def replace(self, css, text):
        """Clears a field, then types into it like a person (input events)."""
        self.clear(css)
        self.type(css, text)

    def script(self, source, *args):
        return self._session("POST", "/execute/sync", {"script": source, "args": list(args)})

    def async_script(self, source, *args):
        return self._session("POST", "/execute/async", {"script": source, "args": list(args)})

    def screenshot(self, path):
        png = base64.b64decode(self._session("GET", "/screenshot"))
        with open(path, "wb") as f:
            f.write(png)

    def quit(self):
        try:
            self._session("DELETE", "")
        except WebDriverError:
            pass
        self.conn.close()


def wait_for(condition, timeout=10.0, what="condition", interval=0.1):
    """Polls `condition` until it returns a truthy value; fails after `timeout` s."""
    deadline = time.monotonic() + timeout
    last = None
    while True:
        try:
            value = condition()
            if value:
                return value
            last = value
        except Exception as e:  # noqa: BLE001 — retried until the deadline
            last = e
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out after {timeout} s waiting for {what} (last: {last!r})")
        time.sleep(interval)
