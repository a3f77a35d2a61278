"""A small HTTP server on 127.0.0.1 whose pages a test rewrites between checks.

Runs in a thread of the test process on an ephemeral port. Each page may send
an ETag (derived from its body) and then answers If-None-Match with 304,
like nginx does for static files.
"""
import hashlib
import http.server
import threading


class PageServer:
    def __init__(self):
        self.pages = {}          # path -> (status, body bytes, content type)
        self.etags = True        # send ETag and honour If-None-Match
        self.requests = []       # (path, If-None-Match header) per request
        self._lock = threading.Lock()
        server = self

        class Handler(http.server.BaseHTTPRequestHandler):
            def do_GET(self):
                with server._lock:
                    server.requests.append((self.path, self.headers.get("If-None-Match")))
                    entry = server.pages.get(self.path)
                    etags = server.etags
                if entry is None:
                    entry = (404, b"<html><body>Not found</body></html>", "text/html")
                status, body, content_type = entry
                etag = '"%s"' % hashlib.sha1(body).hexdigest()[:16]
                if etags and status == 200 and self.headers.get("If-None-Match") == etag:
                    self.send_response(304)
                    self.send_header("ETag", etag)
                    self.end_headers()
                    return
                self.send_response(status)
                self.send_header("Content-Type", content_type)
                self.send_header("Content-Length", str(len(body)))
                if etags and status == 200:
                    self.send_header("ETag", etag)
                self.end_headers()
                try:
                    self.wfile.write(body)
                except (BrokenPipeError, ConnectionResetError):
                    pass  # the client stopped reading (a body over its limit)

            def log_message(self, *args):
                pass

        self._httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.port = self._httpd.server_address[1]
        self._thread = threading.Thread(target=self._httpd.serve_forever, daemon=True)

    def __enter__(self):
        self._thread.start()
        return self

    def __exit__(self, *exc):
        self._httpd.shutdown()
        self._httpd.server_close()

    def url(self, path):
        return "http://127.0.0.1:%d%s" % (self.port, path)

    def serve(self, path, body, status=200, content_type="text/html; charset=utf-8"):
        if isinstance(body, str):
            body = body.encode("utf-8")
        with self._lock:
            self.pages[path] = (status, body, content_type)

    def requests_for(self, path):
        with self._lock:
            return [r for r in self.requests if r[0] == path]
