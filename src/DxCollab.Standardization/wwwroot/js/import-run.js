// 取り込みの状況: progressive enhancement of a page that refreshes itself without JavaScript (noscript meta refresh).
// Polls the import's API, updates the bar and the text in place, and reloads once the run has finished for the report.
(function () {
    var section = document.getElementById("import-run");
    if (!section || section.dataset.finished === "true") return;
    var bar = document.getElementById("import-progress");
    var text = document.getElementById("progress-text");
    var status = document.getElementById("run-status");
    function describe(r) {
        if (r.status === "Queued") return "順番を待っています。";
        if (r.status === "Running" && r.rowsTotal == null) return "ファイルを読み取っています（" + r.rowsRead + " 行）。";
        if (r.status === "Running" && r.rowsApplied > 0) return "反映しています: " + r.rowsApplied + " / " + r.rowsTotal + " 行。";
        if (r.status === "Running") return "検証しています: " + r.rowsValidated + " / " + r.rowsTotal + " 行（読み取り " + r.rowsRead + " 行）。";
        return "";
    }
    function poll() {
        fetch(section.dataset.statusUrl, { credentials: "same-origin", headers: { "Accept": "application/json" } })
            .then(function (res) { return res.ok ? res.json() : null; })
            .then(function (r) {
                if (!r) return setTimeout(poll, 3000);
                if (r.finished) { window.location.reload(); return; }
                status.textContent = r.statusText;
                if (r.rowsTotal) { bar.max = 2 * r.rowsTotal; bar.value = r.rowsValidated + r.rowsApplied; }
                var t = describe(r);
                if (t && text.textContent !== t) text.textContent = t;
                setTimeout(poll, 1000);
            })
            .catch(function () { setTimeout(poll, 3000); });
    }
    setTimeout(poll, 1000);
})();
