"""The language server's protocol, edge by edge (check-lsp-protocol.sh)."""
import os
import shutil
import sys
import tempfile
import time
import urllib.parse

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from lsp_client import Server  # noqa: E402

BIN = os.path.abspath(sys.argv[1])
HERE = os.path.dirname(os.path.abspath(__file__))
passed = failed = 0


def check(what, cond, detail=""):
    global passed, failed
    if cond:
        passed += 1
        print("ok:", what)
    else:
        failed += 1
        print("FAIL:", what, detail)


def rng(l1, c1, l2, c2):
    return {"start": {"line": l1, "character": c1}, "end": {"line": l2, "character": c2}}


def uri_of(path):
    return "file://" + urllib.parse.quote(path)


def find(diags, code, line):
    return [d for d in diags if d.get("code") == code and d["range"]["start"]["line"] == line]


tmp = tempfile.mkdtemp(prefix="backuplint-lsp-")
try:
    plan_text = open(os.path.join(HERE, "plan.yaml"), encoding="utf-8").read()
    plan_path = os.path.join(tmp, "my plan ü.yaml")   # percent-encoded in the URI
    with open(plan_path, "w", encoding="utf-8") as f:
        f.write(plan_text)
    uri = uri_of(plan_path)
    check("the URI is percent-encoded", "%20" in uri and "%C3%BC" in uri, uri)

    # ---- UTF-16 (the default) ----
    s = Server(BIN, cwd=tmp)
    init = s.initialize()
    caps = init["result"]["capabilities"]
    check("initialize: utf-16 without an offer", caps.get("positionEncoding") == "utf-16", caps)
    check("initialize: incremental sync", caps["textDocumentSync"]["change"] == 2, caps)
    check("initialize: code actions", "codeActionProvider" in caps, caps)

    s.notify("textDocument/didOpen", {"textDocument": {
        "uri": uri, "languageId": "yaml", "version": 1, "text": plan_text}})
    diags = s.diagnostics(uri)
    d1 = find(diags, "BKP501", 6)
    check("didOpen: BKP501 at 6:67-70", len(d1) == 1 and d1[0]["range"] == rng(6, 67, 6, 70), diags)
    if d1:
        d = d1[0]
        check("severity error = 1, source, message",
              d["severity"] == 1 and d["source"] == "backuplint" and
              d["message"].startswith("DeleteAfterDays is 179 but must be at least 180"), d)
    d2 = find(diags, "BKP501", 7)
    check("UTF-16: after ü😀 the column counts 😀 as two units",
          len(d2) == 1 and d2[0]["range"] == rng(7, 156, 7, 159), d2)
    d3 = find(diags, "BKP105", 7)
    check("UTF-16: the span of \"ü😀x\"", len(d3) == 1 and d3[0]["range"] == rng(7, 17, 7, 23), d3)

    check("initialize: hover", caps.get("hoverProvider") is True, caps)
    r = s.request("textDocument/hover", {"textDocument": {"uri": uri},
                  "position": {"line": 6, "character": 68}})
    h = r.get("result") or {}
    check("hover on a finding: its rule, message and range",
          h.get("contents", {}).get("value", "").startswith(
              "**BKP501** `cold-storage-minimum` (error): DeleteAfterDays is 179") and
          h.get("range") == rng(6, 67, 6, 70), r)
    r = s.request("textDocument/hover", {"textDocument": {"uri": uri},
                  "position": {"line": 0, "character": 0}})
    check("hover where there is no finding: null", "result" in r and r["result"] is None, r)

    # code actions on line 6
    r = s.request("textDocument/codeAction", {"textDocument": {"uri": uri},
                  "range": rng(6, 68, 6, 68), "context": {"diagnostics": []}})
    acts = r.get("result") or []
    titles = [a["title"] for a in acts]
    line_act = [a for a in acts if a["title"] == "Disable BKP501 for this line"]
    file_act = [a for a in acts if a["title"] == "Disable BKP501 for this file"]
    check("codeAction: disable for this line and file", line_act and file_act, titles)
    check("codeAction: nothing about line 7", not any("BKP105" in t for t in titles), titles)
    if line_act:
        e = line_act[0]["edit"]["changes"][uri]
        check("the line action appends the comment at the end of line 6",
              e == [{"range": rng(6, 71, 6, 71), "newText": " # backuplint: disable=BKP501"}], e)
    if file_act:
        e = file_act[0]["edit"]["changes"][uri]
        check("the file action inserts the directive at the top",
              e == [{"range": rng(0, 0, 0, 0), "newText": "# backuplint: disable-file=BKP501\n"}], e)

    # incremental changes: fix line 6, delete line 7
    s.notify("textDocument/didChange", {"textDocument": {"uri": uri, "version": 2},
             "contentChanges": [{"range": rng(6, 67, 6, 70), "text": "180"},
                                {"range": rng(7, 0, 8, 0), "text": ""}]})
    diags = s.diagnostics(uri)
    check("didChange (incremental) fixing it: empty diagnostics", diags == [], diags)

    # a full change back to the bad text, then the line action applied
    s.notify("textDocument/didChange", {"textDocument": {"uri": uri, "version": 3},
             "contentChanges": [{"text": plan_text}]})
    check("didChange (full): the findings again", len(s.diagnostics(uri)) == 3)
    s.notify("textDocument/didChange", {"textDocument": {"uri": uri, "version": 4},
             "contentChanges": [{"range": rng(6, 71, 6, 71),
                                 "text": " # backuplint: disable=BKP501"}]})
    diags = s.diagnostics(uri)
    check("the disable comment silences line 6 only",
          not find(diags, "BKP501", 6) and len(find(diags, "BKP501", 7)) == 1, diags)

    # a directive that silences nothing: tagged Unnecessary
    s.notify("textDocument/didChange", {"textDocument": {"uri": uri, "version": 5},
             "contentChanges": [{"range": rng(1, 26, 1, 26),
                                 "text": " # backuplint: disable=BKP301"}]})
    diags = s.diagnostics(uri)
    unused = [d for d in diags if d["range"]["start"]["line"] == 1]
    check("an unused suppression: tagged Unnecessary (1)",
          len(unused) == 1 and unused[0].get("tags") == [1], diags)
    check("other findings: no tags", all("tags" not in d for d in diags if d not in unused), diags)
    s.notify("textDocument/didChange", {"textDocument": {"uri": uri, "version": 6},
             "contentChanges": [{"range": rng(1, 26, 1, 55), "text": ""}]})
    s.diagnostics(uri)

    # nearest configuration: a .backuplint.yaml beside the plan turns BKP105 off
    with open(os.path.join(tmp, ".backuplint.yaml"), "w") as f:
        f.write("rules:\n  BKP105: off\n")
    s.notify("textDocument/didSave", {"textDocument": {"uri": uri}})
    diags = s.diagnostics(uri)
    check("the nearest .backuplint.yaml applies", not find(diags, "BKP105", 7) and
          len(find(diags, "BKP501", 7)) == 1, diags)
    os.unlink(os.path.join(tmp, ".backuplint.yaml"))

    # not a backup document: no diagnostics, no error
    other = uri_of(os.path.join(tmp, "package.json"))
    s.notify("textDocument/didOpen", {"textDocument": {
        "uri": other, "languageId": "json", "version": 1, "text": '{"name": "x"}'}})
    check("not a backup document: empty diagnostics", s.diagnostics(other) == [])

    # JSON has no comments: fixes only, no disable actions
    juri = uri_of(os.path.join(tmp, "plan.json"))
    jtext = ('{"BackupPlan": {"BackupPlanName": "j", "Rules": [{"RuleName": "r", '
             '"TargetBackupVaultName": "v", "Lifecycle": {"MoveToColdStorageAfterDays": 90, '
             '"DeleteAfterDays": 179}}]}}')
    s.notify("textDocument/didOpen", {"textDocument": {
        "uri": juri, "languageId": "json", "version": 1, "text": jtext}})
    jd = s.diagnostics(juri)
    check("a JSON plan: its finding", len([d for d in jd if d["code"] == "BKP501"]) == 1, jd)
    r = s.request("textDocument/codeAction", {"textDocument": {"uri": juri},
                  "range": rng(0, 0, 0, len(jtext)), "context": {"diagnostics": []}})
    check("JSON: no suppression comment offered",
          not any(a["title"].startswith("Disable") for a in r["result"]), r)

    # didClose: empty diagnostics
    s.notify("textDocument/didClose", {"textDocument": {"uri": juri}})
    check("didClose: empty diagnostics", s.diagnostics(juri) == [])

    # protocol errors
    r = s.request("textDocument/nonsense", {})
    check("unknown method: -32601", r.get("error", {}).get("code") == -32601, r)
    s.send_raw('{"jsonrpc": "2.0", "id": 99, "method": ')
    r = s.wait(lambda m: "error" in m and m.get("id") is None)
    check("malformed JSON: -32700", r["error"]["code"] == -32700, r)
    r = s.request("textDocument/codeAction", {"textDocument": {"uri": uri},
                  "range": rng(0, 0, 0, 0), "context": {"diagnostics": []}})
    check("the server survives malformed JSON", "result" in r, r)
    s.send_raw("[1, 2]")
    r = s.wait(lambda m: "error" in m and m.get("id") is None)
    check("not a message: -32600", r["error"]["code"] == -32600, r)

    r = s.request("shutdown")
    check("shutdown: null result", "result" in r and r["result"] is None, r)
    r = s.request("textDocument/codeAction", {})
    check("after shutdown: requests refused", r.get("error", {}).get("code") == -32600, r)
    s.notify("exit")
    try:
        rc = s.p.wait(10)
    except Exception:
        rc = None
    check("exit after shutdown: status 0", rc == 0, rc)
    s.close()

    # ---- UTF-8 when the client offers it ----
    s = Server(BIN, cwd=tmp)
    init = s.initialize(encodings=["utf-8", "utf-16"])
    check("initialize: utf-8 when offered",
          init["result"]["capabilities"].get("positionEncoding") == "utf-8", init)
    s.notify("textDocument/didOpen", {"textDocument": {
        "uri": uri, "languageId": "yaml", "version": 1, "text": plan_text}})
    diags = s.diagnostics(uri)
    check("UTF-8: the column counts bytes", [d["range"] for d in find(diags, "BKP501", 7)] ==
          [rng(7, 159, 7, 162)], diags)
    check("UTF-8: the span of \"ü😀x\"", [d["range"] for d in find(diags, "BKP105", 7)] ==
          [rng(7, 17, 7, 26)], diags)
    # an incremental change in UTF-8 units: "x" after 😀 becomes "y"
    s.notify("textDocument/didChange", {"textDocument": {"uri": uri, "version": 2},
             "contentChanges": [{"range": rng(7, 24, 7, 25), "text": "y"}]})
    diags = s.diagnostics(uri)
    check("UTF-8: an incremental change lands on the right byte",
          any("ü😀y" in d["message"] for d in find(diags, "BKP105", 7)), diags)
    # the client dies: standard input closed, the server exits
    t = time.time()
    rc = s.close()
    check("stdin closed: the server exits (status 1 without shutdown)", rc == 1, rc)
    check("stdin closed: promptly", time.time() - t < 5)

    # ---- sizes: refused over the limit, the server goes on ----
    s = Server(BIN, "--max-file-size", "100000", cwd=tmp)
    s.initialize()
    s.notify("textDocument/didOpen", {"textDocument": {
        "uri": uri, "languageId": "yaml", "version": 1, "text": plan_text}})
    check("small limit: the plan is linted", len(s.diagnostics(uri)) == 3)
    over = "# " + "x" * 200000 + "\n" + plan_text
    s.notify("textDocument/didChange", {"textDocument": {"uri": uri, "version": 2},
             "contentChanges": [{"text": over}]})
    diags = s.diagnostics(uri)
    check("200 kB over a 100 kB limit: one BKP005 finding, not linted",
          [d["code"] for d in diags] == ["BKP005"] and "over the limit" in diags[0]["message"], diags)
    big = "# " + "x" * (5 << 20) + "\n" + plan_text
    s.notify("textDocument/didChange", {"textDocument": {"uri": uri, "version": 2},
             "contentChanges": [{"text": big}]})
    m = s.wait(lambda m: m.get("method") == "window/showMessage" and "over the limit"
               in m["params"]["message"])
    check("a 5 MB change over a 100 kB limit: refused with a message", m["params"]["type"] == 1, m)
    check("refused: its diagnostics cleared (out of step)", s.diagnostics(uri) == [])
    r = s.request("textDocument/nonsense", {})
    check("the server answers after the refusal", r.get("error", {}).get("code") == -32601, r)
    s.notify("textDocument/didChange", {"textDocument": {"uri": uri, "version": 3},
             "contentChanges": [{"text": plan_text}]})
    check("the whole text again: linted again", len(s.diagnostics(uri)) == 3)
    s.request("shutdown")
    s.notify("exit")
    check("exit", s.close() == 0)

    # ---- never blocked: a 10 MB document, then a request answered at once ----
    s = Server(BIN, cwd=tmp)
    s.initialize()
    big = plan_text + "".join("# comment line %d %s\n" % (i, "z" * 60) for i in range(140000))
    t = time.time()
    s.notify("textDocument/didOpen", {"textDocument": {
        "uri": uri, "languageId": "yaml", "version": 1, "text": big}})
    r = s.request("textDocument/nonsense", {}, timeout=60)
    diags = s.diagnostics(uri, timeout=60)
    check("a %d MB document: linted, %.1f s" % (len(big) >> 20, time.time() - t),
          len(diags) == 3, diags)
    s.request("shutdown")
    s.notify("exit")
    check("exit", s.close() == 0)

    # ---- the workspace: a plan open, its selections on disk ----
    ws = os.path.join(tmp, "ws")
    os.mkdir(ws)
    ctx = os.path.join(HERE, "..", "context")
    for n in ("selection-prod.json", "selection-scratch.json"):
        shutil.copy(os.path.join(ctx, "repo.ctx", n), os.path.join(ws, n))
    plan_json = open(os.path.join(ctx, "changed-plan.json"), encoding="utf-8").read()
    wplan = os.path.join(ws, "plan.json")
    with open(wplan, "w", encoding="utf-8") as f:
        f.write(plan_json)
    wuri, suri = uri_of(wplan), uri_of(os.path.join(ws, "selection-scratch.json"))
    s = Server(BIN, cwd=tmp)
    s.initialize(root=uri_of(ws))
    s.notify("textDocument/didOpen", {"textDocument": {
        "uri": wuri, "languageId": "json", "version": 1, "text": plan_json}})
    diags = s.diagnostics(wuri)
    check("workspace: the plan linked with its selections on disk (BKP402)",
          [d["code"] for d in diags] == ["BKP402"] and
          "'prod-fs' and 'scratch fs!'" in diags[0]["message"], diags)
    check("workspace: nothing published for the files on disk",
          not any(m.get("method") == "textDocument/publishDiagnostics" and
                  m["params"]["uri"] != wuri for m in s.queue), s.queue)
    # the selection opened and pointed at another plan: the open buffer,
    # not the file on disk, is what the plan links with
    sel_text = open(os.path.join(ws, "selection-scratch.json"), encoding="utf-8").read()
    s.notify("textDocument/didOpen", {"textDocument": {
        "uri": suri, "languageId": "json", "version": 1, "text": sel_text}})
    sd = s.diagnostics(suri)
    check("workspace: the open selection gets its own findings (BKP105)",
          [d["code"] for d in sd] == ["BKP105"], sd)
    other = sel_text.replace("5b1f0c2e-9a8d-4e7f-a6b5-c4d3e2f1a0b9",
                             "00000000-0000-4000-8000-000000000000")
    t = time.time()
    s.notify("textDocument/didChange", {"textDocument": {"uri": suri, "version": 2},
             "contentChanges": [{"text": other}]})
    diags = s.diagnostics(wuri)
    check("workspace: an edit in the selection's buffer relints the plan: BKP402 gone",
          diags == [], diags)
    check("debounce: a change is linted after a pause (%.2f s)" % (time.time() - t),
          time.time() - t >= 0.15)
    check("workspace: the file on disk is untouched",
          "5b1f0c2e" in open(os.path.join(ws, "selection-scratch.json")).read())
    # closing the buffer: the plan links with the file on disk again
    s.notify("textDocument/didClose", {"textDocument": {"uri": suri}})
    diags = s.diagnostics(wuri)
    check("workspace: the selection closed, its file on disk counts again",
          [d["code"] for d in diags] == ["BKP402"], diags)
    # typing: changes in quick succession are linted once, for the last text
    bad = plan_json.replace('"DeleteAfterDays": 35', '"DeleteAfterDays": 3x5')
    for v, text in enumerate((bad, plan_json.replace("35", "36"), bad), start=2):
        s.notify("textDocument/didChange", {"textDocument": {"uri": wuri, "version": v},
                 "contentChanges": [{"text": text}]})
    diags = s.diagnostics(wuri)
    check("debounce: three quick changes, the last one's findings",
          [d["code"] for d in diags] == ["BKP001"], diags)
    try:
        extra = s.wait(lambda m: m.get("method") == "textDocument/publishDiagnostics"
                       and m["params"]["uri"] == wuri, timeout=0.6)
    except TimeoutError:
        extra = None
    check("debounce: and no other publication", extra is None, extra)
    # the pause restarts with each change: changes 100 ms apart are linted
    # once, 200 ms after the last
    t = time.time()
    for v, text in enumerate((plan_json, bad, plan_json), start=10):
        if v > 10:
            time.sleep(0.1)
        s.notify("textDocument/didChange", {"textDocument": {"uri": wuri, "version": v},
                 "contentChanges": [{"text": text}]})
    diags = s.diagnostics(wuri)
    check("debounce: each change restarts the pause (%.2f s)" % (time.time() - t),
          [d["code"] for d in diags] == ["BKP402"] and time.time() - t >= 0.35, diags)
    # --no-context: the open documents alone
    s.request("shutdown")
    s.notify("exit")
    s.close()
    s = Server(BIN, "--no-context", cwd=tmp)
    s.initialize(root=uri_of(ws))
    s.notify("textDocument/didOpen", {"textDocument": {
        "uri": wuri, "languageId": "json", "version": 1, "text": plan_json}})
    check("--no-context: the plan alone", s.diagnostics(wuri) == [])
    s.request("shutdown")
    s.notify("exit")
    check("exit", s.close() == 0)

    # ---- watched files: a selection created on disk, outside the editor ----
    ws2 = os.path.join(tmp, "ws2")
    os.mkdir(ws2)
    shutil.copy(os.path.join(ctx, "repo.ctx", "selection-prod.json"), ws2)
    w2plan = os.path.join(ws2, "plan.json")
    with open(w2plan, "w", encoding="utf-8") as f:
        f.write(plan_json)
    w2uri = uri_of(w2plan)
    s = Server(BIN, cwd=tmp)
    r = s.request("initialize", {"processId": os.getpid(), "rootUri": uri_of(ws2),
                  "capabilities": {"workspace": {"didChangeWatchedFiles": {
                      "dynamicRegistration": True}}}})
    s.notify("initialized", {})
    reg = s.wait(lambda m: m.get("method") == "client/registerCapability")
    regs = reg["params"]["registrations"]
    check("watchers registered when the editor can",
          regs[0]["method"] == "workspace/didChangeWatchedFiles" and
          any("json" in w["globPattern"] for w in regs[0]["registerOptions"]["watchers"]), reg)
    s.send({"id": reg["id"], "result": None})
    s.notify("textDocument/didOpen", {"textDocument": {
        "uri": w2uri, "languageId": "json", "version": 1, "text": plan_json}})
    check("one EFS selection on disk: no BKP402", s.diagnostics(w2uri) == [])
    shutil.copy(os.path.join(ctx, "repo.ctx", "selection-scratch.json"), ws2)
    s.notify("workspace/didChangeWatchedFiles", {"changes": [
        {"uri": uri_of(os.path.join(ws2, "selection-scratch.json")), "type": 1}]})
    diags = s.diagnostics(w2uri)
    check("a selection created on disk and announced: the plan's BKP402",
          [d["code"] for d in diags] == ["BKP402"], diags)
    s.request("shutdown")
    s.notify("exit")
    check("exit", s.close() == 0)

    # ---- a workspace too big to read (a home folder): not walked past
    # 20,000 entries, said once, the open documents still linted ----
    ws3 = os.path.join(tmp, "ws3")
    os.makedirs(os.path.join(ws3, "junk"))
    for n in ("selection-prod.json", "selection-scratch.json"):
        shutil.copy(os.path.join(ctx, "repo.ctx", n), ws3)
    for i in range(20001):
        open(os.path.join(ws3, "junk", "f%05d.txt" % i), "w").close()
    w3uri = uri_of(os.path.join(ws3, "plan.json"))
    s = Server(BIN, cwd=tmp)
    s.initialize(root=uri_of(ws3))
    t = time.time()
    s.notify("textDocument/didOpen", {"textDocument": {
        "uri": w3uri, "languageId": "json", "version": 1, "text": plan_json}})
    m = s.wait(lambda m: m.get("method") == "window/showMessage")
    check("a workspace over 20,000 entries: said so",
          "more than 20000 files and folders" in m["params"]["message"], m)
    check("... and the plan linted alone, at once (%.2f s)" % (time.time() - t),
          s.diagnostics(w3uri) == [] and time.time() - t < 10)
    s.request("shutdown")
    s.notify("exit")
    check("exit", s.close() == 0)
    # no workspace named and no configuration: the open documents alone,
    # whatever folder the server runs in
    s = Server(BIN, cwd=ws)
    s.initialize()
    s.notify("textDocument/didOpen", {"textDocument": {
        "uri": wuri, "languageId": "json", "version": 1, "text": plan_json}})
    check("no workspace named: the server's folder is not read", s.diagnostics(wuri) == [])
    s.request("shutdown")
    s.notify("exit")
    check("exit", s.close() == 0)

    # ---- hover over values: a lifecycle's dates, a schedule's firings ----
    hov = ("BackupPlan:\n"
           "  BackupPlanName: nightly\n"
           "  Rules:\n"
           "    - RuleName: daily\n"
           "      TargetBackupVaultName: main\n"
           "      ScheduleExpression: cron(0 5 ? * MON-FRI *)\n"
           "      ScheduleExpressionTimezone: Europe/Paris\n"
           "      Lifecycle:\n"
           "        MoveToColdStorageAfterDays: 30\n"
           "        DeleteAfterDays: 120\n"
           "      CopyActions:\n"
           "        - DestinationBackupVaultArn: arn:aws:backup:eu-west-1:111122223333:backup-vault:dr\n"
           "          Lifecycle: {DeleteAfterDays: 35}\n"
           "    - RuleName: hourly\n"
           "      TargetBackupVaultName: main\n"
           "      ScheduleExpression: cron(30 */6 * * ? *)\n"
           "      Lifecycle: {DeleteAfterDays: 7}\n")
    huri = uri_of(os.path.join(tmp, "hover.yaml"))
    s = Server(BIN, cwd=tmp)
    s.initialize()
    s.notify("textDocument/didOpen", {"textDocument": {
        "uri": huri, "languageId": "yaml", "version": 1, "text": hov}})
    check("hover plan: clean", s.diagnostics(huri) == [])

    def hover(line, ch):
        r = s.request("textDocument/hover", {"textDocument": {"uri": huri},
                      "position": {"line": line, "character": ch}})
        return ((r.get("result") or {}).get("contents") or {}).get("value")
    # BACKUPLINT_NOW=2026-01-01 (lsp_client.py): a Thursday
    v = hover(9, 27)
    check("hover over DeleteAfterDays 120: cold on day 30, deleted on day 120",
          v and "made on 2026-01-01" in v and
          "goes to cold storage after 30 days, on 2026-01-31" in v and
          "is deleted after 120 days, on 2026-05-01" in v and
          "after 90 days in cold storage" in v, v)
    check("hover over the MoveToColdStorageAfterDays key: the same", hover(8, 10) == v, hover(8, 10))
    v = hover(12, 40)
    check("hover over a copy's lifecycle: its destination and dates",
          v and "the copies of rule 'daily' to eu-west-1" in v and
          "stays in warm storage" in v and "deleted after 35 days, on 2026-02-05" in v, v)
    v = hover(5, 30)
    check("hover over a cron: its next firings in its time zone, weekdays only",
          v and "in Europe/Paris" in v and
          "- Thu 2026-01-01 05:00\n- Fri 2026-01-02 05:00\n- Mon 2026-01-05 05:00" in v, v)
    check("hover over the time zone: the same firings", hover(6, 35) == v, hover(6, 35))
    v = hover(15, 30)
    check("hover over a cron without a time zone: UTC, every 6 hours at :30",
          v and "in UTC (no ScheduleExpressionTimezone)" in v and
          "- Thu 2026-01-01 00:30\n- Thu 2026-01-01 06:30\n- Thu 2026-01-01 12:30" in v, v)
    check("hover over RuleName: nothing", hover(3, 16) is None)
    s.request("shutdown")
    s.notify("exit")
    check("exit", s.close() == 0)
finally:
    shutil.rmtree(tmp)

print("%d passed, %d failed" % (passed, failed))
sys.exit(1 if failed else 0)
