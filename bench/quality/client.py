"""A small client of Doppel's REST API for the quality benchmark: one account, a cookie, JSON and one upload."""
import http.cookiejar
import json
import time
import urllib.error
import urllib.parse
import urllib.request
import uuid


class Api:
    def __init__(self, base):
        self.base = base.rstrip("/")
        self.opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar()))

    def call(self, method, path, body=None, raw=None, content_type=None):
        data, headers = None, {"Accept": "application/json"}
        if body is not None:
            data, headers["Content-Type"] = json.dumps(body).encode(), "application/json"
        elif raw is not None:
            data, headers["Content-Type"] = raw, content_type
        request = urllib.request.Request(self.base + path, data=data, method=method, headers=headers)
        try:
            with self.opener.open(request, timeout=120) as response:
                text = response.read()
                return json.loads(text) if text and response.headers.get_content_type().endswith("json") else None
        except urllib.error.HTTPError as e:
            raise RuntimeError(f"{method} {path}: HTTP {e.code} {e.read().decode(errors='replace')[:400]}") from None

    def up(self, seconds=180):
        deadline = time.time() + seconds
        while time.time() < deadline:
            try:
                urllib.request.urlopen(self.base + "/q/health/ready", timeout=5).read()
                return
            except (urllib.error.URLError, ConnectionError, OSError):
                time.sleep(1)
        raise RuntimeError(f"the app at {self.base} did not come up within {seconds} s")

    def sign_up(self, email, password):
        self.call("POST", "/api/auth/register", {"email": email, "password": password})
        form = urllib.parse.urlencode({"j_username": email, "j_password": password}).encode()
        self.call("POST", "/j_security_check", raw=form, content_type="application/x-www-form-urlencoded")
        return self.call("GET", "/api/me")

    def upload(self, path):
        boundary = uuid.uuid4().hex
        with open(path, "rb") as f:
            content = f.read()
        name = path.rsplit("/", 1)[-1]
        body = (f"--{boundary}\r\nContent-Disposition: form-data; name=\"consent\"\r\n\r\ntrue\r\n"
                f"--{boundary}\r\nContent-Disposition: form-data; name=\"file\"; filename=\"{name}\"\r\n"
                f"Content-Type: video/mp4\r\n\r\n").encode() + content + f"\r\n--{boundary}--\r\n".encode()
        return self.call("POST", "/api/videos", raw=body, content_type=f"multipart/form-data; boundary={boundary}")

    def wait(self, path, done, failed, seconds=3600):
        """Polls path until its status is in done (returned) or failed (raised)."""
        deadline = time.time() + seconds
        while time.time() < deadline:
            item = self.call("GET", path)
            if item["status"] in done:
                return item
            if item["status"] in failed:
                raise RuntimeError(f"{path}: {item['status']} {item.get('message')}")
            time.sleep(2)
        raise RuntimeError(f"{path}: still {item['status']} after {seconds} s")
