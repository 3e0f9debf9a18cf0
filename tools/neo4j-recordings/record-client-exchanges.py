#!/usr/bin/env python3
"""Record more Neo4j Query API v2 exchanges: the requests this project's client sends, and the answers it must handle.

Usage: record-client-exchanges.py BASE_URL USER PASSWORD OUT_DIR [FIRST_NUMBER]
Same fixture format as the team's recorder (../shared/tools/record-neo4j-transcripts.py), numbered from FIRST_NUMBER
(default 42) so the two sets sit in one folder: {"name", "note", "request", "response"}, plus "concurrent": true on
exchanges that only happen with another transaction running at once (a replay that sends one request at a time skips
them against a live server). Writes only nodes labelled TranscriptProbe and removes them at the end.
"""
import base64, json, os, sys, threading, time, urllib.request, urllib.error

base, user, password, out = sys.argv[1:5]
number = int(sys.argv[5]) if len(sys.argv) > 5 else 42
os.makedirs(out, exist_ok=True)
auth = "Basic " + base64.b64encode(f"{user}:{password}".encode()).decode()
KEEP = {"content-type", "content-length", "location", "neo4j-cluster-affinity", "www-authenticate"}
J = {"Content-Type": "application/json"}
Q = "/db/neo4j/query/v2"


def send(method, path, body=None, headers=None, authz=auth, raw=None):
    h = {"Accept": "application/json"}
    if authz:
        h["Authorization"] = authz
    h.update(headers or {})
    data = raw if raw is not None else (json.dumps(body).encode() if body is not None else None)
    req = urllib.request.Request(base + path, data=data, method=method, headers=h)
    try:
        with urllib.request.urlopen(req, timeout=30) as r:
            status, rh, rb = r.status, dict(r.headers), r.read()
    except urllib.error.HTTPError as e:
        status, rh, rb = e.code, dict(e.headers), e.read()
    try:
        parsed = json.loads(rb) if rb else None
    except ValueError:
        parsed = rb.decode(errors="replace")
    shown = {k: v for k, v in h.items() if k.lower() != "authorization"}
    if authz:
        # Only the real credentials are masked; a malformed header is shown as it was sent.
        shown["Authorization"] = "Basic <user:password>" if authz == auth else authz
    request = {"method": method, "path": path, "headers": shown,
               "body": body if raw is None else raw.decode(errors="replace")}
    response = {"status": status, "headers": {k: v for k, v in rh.items() if k.lower() in KEEP}, "body": parsed}
    return request, response


def save(name, note, request, response, concurrent=False):
    global number
    fx = {"name": name, "note": note, "request": request, "response": response}
    if concurrent:
        fx["concurrent"] = True
    with open(os.path.join(out, f"{number:02d}-{name}.json"), "w") as f:
        json.dump(fx, f, indent=2, ensure_ascii=False)
        f.write("\n")
    number += 1
    return response


def call(name, note, method, path, body=None, headers=None, authz=auth, raw=None):
    return save(name, note, *send(method, path, body, headers, authz, raw))


def tx_id(response):
    return response["body"]["transaction"]["id"]


# A transaction begun as the client begins it: no statement, only the access mode.
r = call("tx-open-without-statement", "open a transaction with no statement, as the client does", "POST", Q + "/tx",
         {"accessMode": "Write"}, J)
t = tx_id(r)
call("tx-run-with-counters", "a write inside a transaction, asking for counters", "POST", f"{Q}/tx/{t}",
     {"statement": "CREATE (n:TranscriptProbe {id: 'probe-client'}) RETURN n.id AS id", "includeCounters": True}, J)
call("tx-commit-empty-object", "commit with Content-Type and the body {}", "POST", f"{Q}/tx/{t}/commit", {}, J)

r = call("tx-open-read", "open a read transaction", "POST", Q + "/tx", {"accessMode": "Read"}, J)
t = tx_id(r)
call("tx-write-in-read", "a write inside a read transaction", "POST", f"{Q}/tx/{t}",
     {"statement": "CREATE (n:TranscriptProbe {id: 'probe-read'})"}, J)
call("tx-commit-after-error", "commit a transaction that an error closed", "POST", f"{Q}/tx/{t}/commit", {}, J)

r = call("tx-open-6", "open a transaction", "POST", Q + "/tx", {"accessMode": "Write"}, J)
t = tx_id(r)
call("tx-commit-no-content-type-again", "commit with no body and no Content-Type", "POST", f"{Q}/tx/{t}/commit")
call("tx-rollback-after-failed-commit", "roll back the transaction that the failed commit left open", "DELETE", f"{Q}/tx/{t}")

call("query-empty-body-no-content-type", "an auto-commit query with no body and no Content-Type", "POST", Q)
call("query-empty-object", "an auto-commit query whose body is {}", "POST", Q, {}, J)
call("query-unknown-field", "a body with a field the API does not know", "POST", Q,
     {"statement": "RETURN 1 AS x", "bogus": 1}, J)
call("query-access-mode-mixed-case", "accessMode Read, as the client writes it", "POST", Q,
     {"statement": "RETURN 1 AS x", "accessMode": "Read"}, J)
call("query-bad-access-mode", "an accessMode that is neither read nor write", "POST", Q,
     {"statement": "RETURN 1 AS x", "accessMode": "Sometimes"}, J)
call("query-read-counters", "a read asking for counters", "POST", Q,
     {"statement": "RETURN 1 AS x", "includeCounters": True}, J)
call("query-json-charset", "Content-Type application/json; charset=utf-8", "POST", Q,
     {"statement": "RETURN 1 AS x"}, {"Content-Type": "application/json; charset=utf-8"})
call("query-get", "GET on the query endpoint", "GET", Q)
call("query-not-acceptable", "an Accept header the API cannot answer", "POST", Q,
     {"statement": "RETURN 1 AS x"}, {"Content-Type": "application/json", "Accept": "application/xml"})
call("query-invalid-auth-header", "an Authorization header that is not base64", "POST", Q,
     {"statement": "RETURN 1 AS x"}, J, authz="Basic !!!")
call("query-unknown-path", "a path that is not an endpoint", "POST", "/db/neo4j/query/v3", {"statement": "RETURN 1 AS x"}, J)
call("query-bad-bookmark", "a bookmark the server did not issue", "POST", Q,
     {"statement": "RETURN 1 AS x", "bookmarks": ["nope"]}, J)
call("query-typed-error", "an error asked for in typed JSON", "POST", Q, {"statement": "RETURN RETURN"},
     {"Content-Type": "application/vnd.neo4j.query", "Accept": "application/vnd.neo4j.query"})
call("query-typed-answer-to-json", "a plain JSON request that accepts typed JSON", "POST", Q, {"statement": "RETURN 1 AS x"},
     {"Content-Type": "application/json", "Accept": "application/vnd.neo4j.query"})
call("tx-commit-unknown-without-content-type", "commit an unknown transaction with no body and no Content-Type", "POST",
     f"{Q}/tx/nosuchtx/commit")
call("tx-open-unknown-database", "open a transaction in a database that does not exist", "POST",
     "/db/nosuchdb/query/v2/tx", {}, J)
call("query-unwind-rows", "UNWIND over a list of maps, as the projection sends its rows", "POST", Q,
     {"statement": "UNWIND $rows AS row MERGE (n:TranscriptProbe {id: row.id}) SET n += row.properties RETURN count(*) AS rows",
      "parameters": {"rows": [{"id": "probe-row-1", "properties": {"name": "one", "aliases": ["a", "b"]}},
                              {"id": "probe-row-2", "properties": {"name": "two", "aliases": []}}]},
      "includeCounters": True}, J)

# A deadlock: A locks probe-dl-1, B locks probe-dl-2, then each wants the other's. Neo4j refuses one with a transient error.
send("POST", Q, {"statement": "MERGE (:TranscriptProbe {id: 'probe-dl-1'}) MERGE (:TranscriptProbe {id: 'probe-dl-2'})"}, J)
ra = call("tx-open-a", "transaction A locks probe-dl-1", "POST", Q + "/tx",
          {"statement": "MATCH (n:TranscriptProbe {id: 'probe-dl-1'}) SET n.by = 'a'"}, J)
rb = call("tx-open-b", "transaction B locks probe-dl-2", "POST", Q + "/tx",
          {"statement": "MATCH (n:TranscriptProbe {id: 'probe-dl-2'}) SET n.by = 'b'"}, J)
a, b = tx_id(ra), tx_id(rb)
waiting = {}
thread = threading.Thread(target=lambda: waiting.update(exchange=send(
    "POST", f"{Q}/tx/{a}", {"statement": "MATCH (n:TranscriptProbe {id: 'probe-dl-2'}) SET n.by = 'a'"}, J)))
thread.start()
time.sleep(1)
save("tx-deadlock", "transaction B wants probe-dl-1 while A waits for probe-dl-2", *send(
    "POST", f"{Q}/tx/{b}", {"statement": "MATCH (n:TranscriptProbe {id: 'probe-dl-1'}) SET n.by = 'b'"}, J), concurrent=True)
thread.join()
save("tx-deadlock-survivor", "transaction A gets its lock once B is refused", *waiting["exchange"], concurrent=True)
call("tx-rollback-a", "roll back A", "DELETE", f"{Q}/tx/{a}")

send("POST", Q, {"statement": "MATCH (n:TranscriptProbe) DETACH DELETE n"}, J)
