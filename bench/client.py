"""The baseline of bench/run: what a minimal Python client of Partner Center does, with the same token.

  client.py page URL TOKEN   GET one page of 100 customers, parse the JSON, print four columns
  client.py walk URL TOKEN   follow links.next from the first page to the last, one JSON line per customer

Standard library only; one connection kept alive, as any client would.
"""
import http.client
import json
import sys
import urllib.parse


def main():
    mode, url, token = sys.argv[1:4]
    base = urllib.parse.urlsplit(url)
    conn = http.client.HTTPConnection(base.hostname, base.port)
    headers = {"Authorization": "Bearer " + token, "Accept": "application/json", "MS-Contract-Version": "v1"}
    path = "/v1/customers?size=100"
    out = sys.stdout
    while path:
        conn.request("GET", path, headers=headers)
        response = conn.getresponse()
        body = response.read()
        if response.status != 200:
            sys.exit(f"{response.status}: {body[:200]!r}")
        page = json.loads(body)
        for c in page.get("items", []):
            if mode == "page":
                p = c.get("companyProfile", {})
                out.write(f"{p.get('companyName', '')}\t{p.get('domain', '')}\t{c.get('id', '')}\t"
                          f"{c.get('relationshipToPartner', '')}\n")
            else:
                out.write(json.dumps(c, ensure_ascii=False) + "\n")
        path = None
        if mode == "walk":
            following = page.get("links", {}).get("next")
            if following:
                uri = following["uri"]
                path = uri if uri.startswith("/v1/") else "/v1" + (uri if uri.startswith("/") else "/" + uri)
                for h in following.get("headers", []):
                    headers[h["key"]] = h["value"]
    out.flush()


if __name__ == "__main__":
    main()
