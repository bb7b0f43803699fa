import Foundation
import Lab

/// The state of an experiment page, all of it in the URL so that a link reproduces the view:
/// `/lab/NAME?quick=1&set.gaussian_gain=1.2&figure=norms&hide=seed,steps&run=1&lang=ko`.
public struct LabQuery: Sendable, Equatable {
    public var quick = false
    /// Settings changed from the experiment file (and from `--quick`), as typed: key → text.
    public var settings: [String: String] = [:]
    public var figure: String?
    /// Keys whose controls are hidden (their values in `set.` still apply); also `quick`
    /// (the --quick switch) and `settings` (every field).
    public var hidden: Set<String> = []
    /// Start the run when the page opens (set once a run was asked for; a cached run shows at once).
    public var run = false
    /// The language of the page's own words and of how to read the figures (`lang=ko`, as the
    /// Korean book links); settings, their docs and results stay as the CLI writes them.
    public var language: Language = .english

    public init() {}

    /// Reads the query items of a page's URL; unknown items are ignored.
    public init(items: [(String, String)]) {
        for (name, value) in items {
            switch name {
            case "quick": quick = value == "1" || value == "true"
            case "figure": figure = value.isEmpty ? nil : value
            case "hide": hidden.formUnion(value.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) })
            case "run": run = value == "1" || value == "true"
            case "lang": language = Language(rawValue: value) ?? .english
            default:
                if name.hasPrefix("set."), name.count > 4 { settings[String(name.dropFirst(4))] = value }
            }
        }
    }
}

/// The lab's pages: the list of experiments and one page per experiment with a form drawn from
/// its typed settings (each field's doc, range, default and `--quick` value), a Run button, the
/// progress, the figures and the `results` lines. Pure HTML; the server fills in nothing else.
public enum LabPages {
    /// The text a field shows for a value: strings without their quotes, everything else as TOML.
    public static func text(_ value: ParameterValue) -> String {
        if case .string(let s) = value { return s }
        return value.literal
    }

    /// The `--set key=value` argument for a field's text: strings and choices quoted as TOML
    /// strings (so a path or a word is never read as another type), other kinds as typed.
    public static func setArgument(key: String, text: String, kind: ParameterKind) -> String {
        switch kind {
        case .string, .choice: return "\(key)=\(ParameterValue.string(text).literal)"
        default: return "\(key)=\(text)"
        }
    }

    static func head(_ title: String, language: Language = .english) -> String {
        """
        <!doctype html>
        <html lang="\(language.rawValue)">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>\(escapeHTML(title)) — rnnlab lab</title>
        <link rel="icon" href="data:,">
        <link rel="stylesheet" href="/assets/book.css">
        <script defer src="/assets/book.js"></script>
        <script defer src="/assets/lab.js"></script>
        </head>

        """
    }

    static func sidebar(_ experiments: [(name: String, title: String)], current: String?, language: Language = .english) -> String {
        // A Korean page leads back to the Korean book and keeps its language from page to page.
        let book = language == .english ? "/" : "/\(language.rawValue)/", lang = language == .english ? "" : "?lang=\(language.rawValue)"
        var html = "<nav class=\"sidebar\">\n<p class=\"brand\"><a href=\"\(book)\">rnnlab</a></p>\n<p><a href=\"\(book)\">← the book</a> · <a href=\"/lab/\">the lab</a></p>\n<ol class=\"toc\">\n"
        for e in experiments {
            let cls = e.name == current ? " class=\"current\" aria-current=\"page\"" : ""
            html += "<li\(cls)><a href=\"/lab/\(escapeHTML(e.name))\(lang)\">\(escapeHTML(e.name))</a></li>\n"
        }
        return html + "</ol>\n</nav>\n"
    }

    /// `/lab/`: every experiment with its title and lecture section.
    public static func index(_ experiments: [(name: String, title: String, section: String)]) -> String {
        var body = "<h1>The lab</h1>\n<p>Pick an experiment, change a setting, press Run: the lab computes it on this machine and draws its figures. Every page's URL holds its settings, so a link shows the same run.</p>\n<table class=\"experiments\"><tr><th>experiment</th><th>what it shows</th><th>lecture section</th></tr>\n"
        for e in experiments {
            body += "<tr><td><a href=\"/lab/\(escapeHTML(e.name))?quick=1\"><code>\(escapeHTML(e.name))</code></a></td><td>\(escapeHTML(e.title))</td><td>\(escapeHTML(e.section))</td></tr>\n"
        }
        body += "</table>\n"
        return head("experiments") + "<body>\n" + sidebar(experiments.map { ($0.name, $0.title) }, current: nil)
            + "<main class=\"page\">\n" + body + "</main>\n</body>\n</html>\n"
    }

    /// `/lab/NAME`: the form for `file` (the experiment file as it stands: no --quick, no --set)
    /// with the values `query` carries.
    public static func experiment(file: ExperimentFile, schema: ExperimentSchema, query: LabQuery,
                                  experiments: [(name: String, title: String)]) -> String {
        let name = file.name
        let (title, description) = Localization.texts(of: file, language: query.language)
        var body = "<h1>\(escapeHTML(title))</h1>\n"
        body += "<p class=\"section\"><code>\(escapeHTML(name))</code> — \(escapeHTML(file.section))</p>\n"
        let howToRead = query.language == .korean ? "그림을 읽는 법" : "How to read its figures"
        body += "<details class=\"how-to-read\" open><summary>\(howToRead)</summary><p>\(textWithCode(description))</p></details>\n"
        let hideAll = query.hidden.contains("settings")
        body += "<form id=\"lab-form\" class=\"lab-form\" data-experiment=\"\(escapeHTML(name))\" data-figure=\"\(escapeHTML(query.figure ?? ""))\" data-run=\"\(query.run ? "1" : "0")\" data-hide=\"\(escapeHTML(query.hidden.sorted().joined(separator: ",")))\" data-lang=\"\(query.language == .english ? "" : query.language.rawValue)\">\n"
        body += "<p class=\"quick-switch\"\(query.hidden.contains("quick") ? " hidden" : "")><label><input type=\"checkbox\" id=\"quick\"\(query.quick ? " checked" : "")> <code>--quick</code>: the small sizes (seconds instead of minutes); fields without a quick value keep theirs</label></p>\n"
        for spec in schema.parameters {
            let fileValue = file.parameters[spec.key] ?? spec.defaultValue
            let quickValue = schema.quick[spec.key] ?? fileValue
            let baseline = query.quick ? quickValue : fileValue
            let shown = query.settings[spec.key] ?? text(baseline)
            let hidden = hideAll || query.hidden.contains(spec.key)
            let id = "f-" + spec.key.replacingOccurrences(of: ".", with: "-")
            body += "<div class=\"lab-field\(shown != text(baseline) ? " changed" : "")\" data-key=\"\(escapeHTML(spec.key))\" data-file=\"\(escapeHTML(text(fileValue)))\" data-quick=\"\(escapeHTML(text(quickValue)))\"\(hidden ? " hidden" : "")>\n"
            body += "<label for=\"\(id)\">\(escapeHTML(spec.key))</label>\n"
            switch spec.kind {
            case .choice(let names):
                body += "<select id=\"\(id)\" name=\"\(escapeHTML(spec.key))\">"
                for n in names { body += "<option\(n == shown ? " selected" : "")>\(escapeHTML(n))</option>" }
                body += "</select>\n"
            case .bool:
                body += "<select id=\"\(id)\" name=\"\(escapeHTML(spec.key))\">"
                for n in ["true", "false"] { body += "<option\(n == shown ? " selected" : "")>\(n)</option>" }
                body += "</select>\n"
            default:
                body += "<input id=\"\(id)\" name=\"\(escapeHTML(spec.key))\" value=\"\(escapeHTML(shown))\" spellcheck=\"false\" autocomplete=\"off\">\n"
            }
            body += "<span class=\"doc\">\(escapeHTML(spec.doc))</span>\n"
            var range = "\(escapeHTML(spec.kind.expected)) · default <code>\(escapeHTML(text(fileValue)))</code>"
            if let q = schema.quick[spec.key] {
                range += " · quick <code>\(escapeHTML(text(q)))</code> <button type=\"button\" class=\"quick-value\" data-value=\"\(escapeHTML(text(q)))\">use</button>"
            }
            body += "<span class=\"range\">\(range)</span>\n</div>\n"
        }
        body += "</form>\n<div class=\"lab-actions\"><button id=\"run\" type=\"button\">Run</button><span id=\"status\"></span></div>\n"
        body += "<p>The same run from a terminal:</p><div class=\"command\"><button class=\"copy\" type=\"button\" data-copied=\"Copied\">Copy</button><pre><code id=\"command\" class=\"language-sh\"></code></pre></div>\n"
        body += "<pre id=\"progress\" aria-live=\"polite\"></pre>\n<div id=\"error\" role=\"alert\"></div>\n"
        body += "<section id=\"result\" hidden>\n<h2>Figures</h2>\n<div class=\"figure-tabs\" id=\"figure-tabs\"></div>\n<figure class=\"lab-figure\"><img id=\"figure\" alt=\"\"></figure>\n"
        body += "<h2>Results</h2>\n<p>What <code>rnnlab results</code> prints for this run:</p>\n<table id=\"results-table\"></table>\n<pre id=\"results-text\" hidden></pre>\n</section>\n"
        return head(title, language: query.language) + "<body>\n" + sidebar(experiments, current: name, language: query.language) + "<main class=\"page\">\n" + body + "</main>\n</body>\n</html>\n"
    }

    /// The experiment pages' script: the URL follows the form, Run posts the settings and
    /// follows the run's server-sent events, figures and results are shown when it is done.
    public static let script = """
    (function () {
      "use strict";
      var form = document.getElementById("lab-form");
      if (!form) return;
      var experiment = form.dataset.experiment, quick = document.getElementById("quick");
      var chosenFigure = form.dataset.figure || null, source = null;
      function fields() { return Array.prototype.slice.call(form.querySelectorAll(".lab-field")); }
      function control(field) { return field.querySelector("input, select"); }
      function baseline(field) { return quick.checked ? field.dataset.quick : field.dataset.file; }
      function changed() {
        var out = {};
        fields().forEach(function (f) { var v = control(f).value.trim(); if (v !== baseline(f)) out[f.dataset.key] = v; });
        return out;
      }
      function shellWord(s) { return /^[A-Za-z0-9_.,=+\\-\\[\\]\\/]+$/.test(s) ? s : "'" + s.replace(/'/g, "'\\\\''") + "'"; }
      function updateURL(run) {
        var params = new URLSearchParams();
        if (quick.checked) params.set("quick", "1");
        var c = changed();
        Object.keys(c).sort().forEach(function (k) { params.set("set." + k, c[k]); });
        if (chosenFigure) params.set("figure", chosenFigure);
        if (form.dataset.hide) params.set("hide", form.dataset.hide);
        if (run) params.set("run", "1");
        if (form.dataset.lang) params.set("lang", form.dataset.lang);
        history.replaceState(null, "", location.pathname + (params.toString() ? "?" + params.toString() : ""));
        var cmd = "rnnlab run " + experiment + (quick.checked ? " --quick" : "");
        Object.keys(c).sort().forEach(function (k) { cmd += " --set " + shellWord(k + "=" + c[k]); });
        document.getElementById("command").textContent = cmd + "\\nrnnlab results " + experiment + (quick.checked ? " --quick" : "");
        fields().forEach(function (f) { f.classList.toggle("changed", control(f).value.trim() !== baseline(f)); });
      }
      function setStatus(text) { document.getElementById("status").textContent = text; }
      function progress(text) { var p = document.getElementById("progress"); p.textContent += text + "\\n"; p.scrollTop = p.scrollHeight; }
      function showFigure(figures) {
        var tabs = document.getElementById("figure-tabs"), img = document.getElementById("figure");
        tabs.textContent = "";
        var names = figures.map(function (f) { return f.name; });
        if (!chosenFigure || names.indexOf(chosenFigure) < 0) chosenFigure = names[0] || null;
        figures.forEach(function (f) {
          var b = document.createElement("button");
          b.type = "button"; b.textContent = f.name; b.dataset.figure = f.name;
          if (f.name === chosenFigure) { b.classList.add("current"); img.src = f.url; img.alt = f.name; img.dataset.figure = f.name; }
          b.addEventListener("click", function () { chosenFigure = f.name; showFigure(figures); updateURL(true); });
          tabs.appendChild(b);
        });
      }
      function showResults(lines) {
        var table = document.getElementById("results-table");
        table.textContent = "";
        lines.forEach(function (line) {
          var at = line.indexOf(" = "), tr = document.createElement("tr");
          var k = document.createElement("td"), v = document.createElement("td");
          k.textContent = at < 0 ? line : line.slice(0, at); v.textContent = at < 0 ? "" : line.slice(at + 3);
          tr.appendChild(k); tr.appendChild(v); table.appendChild(tr);
        });
        document.getElementById("results-text").textContent = lines.join("\\n");
      }
      function finish() { document.getElementById("run").disabled = false; if (source) { source.close(); source = null; } }
      function run() {
        var button = document.getElementById("run");
        button.disabled = true;
        document.getElementById("error").textContent = "";
        document.getElementById("progress").textContent = "";
        updateURL(true);
        fetch("/api/run", { method: "POST", headers: { "Content-Type": "application/json" }, credentials: "same-origin",
                            body: JSON.stringify({ experiment: experiment, quick: quick.checked, settings: changed() }) })
          .then(function (r) { return r.json().then(function (body) { return { ok: r.ok, body: body }; }); })
          .then(function (answer) {
            if (!answer.ok) { document.getElementById("error").textContent = answer.body.error || "refused"; setStatus(""); finish(); return; }
            var cached = answer.body.state === "done";
            setStatus(cached ? "cached: the identical run was already computed" : answer.body.state);
            source = new EventSource("/api/runs/" + answer.body.id + "/events");
            source.addEventListener("progress", function (e) { progress(e.data); });
            source.addEventListener("state", function (e) { setStatus(e.data); });
            source.addEventListener("done", function (e) {
              var result = JSON.parse(e.data);
              document.getElementById("result").hidden = false;
              showFigure(result.figures); showResults(result.results);
              setStatus(result.cached || cached ? "cached: the identical run, computed before in " + result.seconds.toFixed(1) + " s"
                                                : "done in " + result.seconds.toFixed(1) + " s");
              document.body.dataset.runId = answer.body.id;
              document.body.dataset.state = "done";
              finish();
            });
            source.addEventListener("failed", function (e) {
              document.getElementById("error").textContent = e.data; setStatus("failed");
              document.body.dataset.state = "failed"; finish();
            });
            source.onerror = function () { if (source && source.readyState === 2) finish(); };
          })
          .catch(function (err) { document.getElementById("error").textContent = String(err); finish(); });
      }
      fields().forEach(function (f) {
        control(f).addEventListener("input", function () { updateURL(false); });
        control(f).addEventListener("change", function () { updateURL(false); });
        var q = f.querySelector("button.quick-value");
        if (q) q.addEventListener("click", function () { control(f).value = q.dataset.value; updateURL(false); });
      });
      quick.addEventListener("change", function () {
        // Fields the student did not change follow the switch.
        fields().forEach(function (f) {
          var before = quick.checked ? f.dataset.file : f.dataset.quick;
          if (control(f).value.trim() === before) control(f).value = baseline(f);
        });
        updateURL(false);
      });
      form.addEventListener("submit", function (e) { e.preventDefault(); });
      document.getElementById("run").addEventListener("click", run);
      updateURL(form.dataset.run === "1");
      if (form.dataset.run === "1") run();
    })();
    """
}
