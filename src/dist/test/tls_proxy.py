"""A loopback HTTPS front for a plain-http pcx sandbox, for src/dist/test-dist.sh: it terminates TLS
with the certificate it is given and forwards each request to the sandbox as it came.

  tls_proxy.py CERT.pem KEY.pem http://127.0.0.1:PORT     prints its own https URL, then serves
"""
import http.client
import http.server
import ssl
import sys
import urllib.parse

CERT, KEY, UPSTREAM = sys.argv[1:4]
UP = urllib.parse.urlsplit(UPSTREAM)
HOP = {"connection", "keep-alive", "transfer-encoding", "content-length", "host"}


class Forward(http.server.BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def forward(self):
        length = int(self.headers.get("Content-Length") or 0)
        body = self.rfile.read(length) if length else None
        upstream = http.client.HTTPConnection(UP.hostname, UP.port, timeout=60)
        headers = {k: v for k, v in self.headers.items() if k.lower() not in HOP}
        upstream.request(self.command, self.path, body=body, headers=headers)
        answer = upstream.getresponse()
        data = answer.read()
        upstream.close()
        self.send_response(answer.status)
        for k, v in answer.getheaders():
            if k.lower() not in HOP:
                self.send_header(k, v)
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    do_GET = do_POST = do_PUT = do_PATCH = do_DELETE = forward

    def log_message(self, *args):
        pass


server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Forward)
context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
context.load_cert_chain(CERT, KEY)
server.socket = context.wrap_socket(server.socket, server_side=True)
print(f"https://127.0.0.1:{server.server_address[1]}", flush=True)
server.serve_forever()
