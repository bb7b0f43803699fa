/// The book's style sheet and script, written into `assets/` by every build.
enum BookAssets {
    static let css = """
    :root { --ink: #1d2330; --muted: #5b6475; --line: #d9dee7; --accent: #1f5fbf; --code-bg: #f4f6f9;
            --term-bg: #14181f; --term-ink: #d7e0ea; --side-bg: #f7f8fa; }
    * { box-sizing: border-box; }
    [hidden] { display: none !important; }
    body { margin: 0; color: var(--ink); font: 17px/1.6 "DejaVu Serif", Georgia, "Noto Serif CJK KR", serif;
           display: grid; grid-template-columns: 17rem minmax(0, 1fr); min-height: 100vh; }
    a { color: var(--accent); }
    .sidebar { background: var(--side-bg); border-right: 1px solid var(--line); padding: 1.2rem 1rem;
               font: 15px/1.45 "DejaVu Sans", Helvetica, Arial, "Noto Sans CJK KR", sans-serif;
               position: sticky; top: 0; height: 100vh; overflow-y: auto; }
    .sidebar .brand { font-weight: bold; font-size: 1.3rem; margin: 0 0 .6rem; }
    .sidebar .brand a { color: var(--ink); text-decoration: none; }
    .sidebar .languages { margin: 0 0 1rem; }
    .sidebar .toc { list-style: none; padding-left: 0; margin: 0; }
    .sidebar .toc li { margin: .25rem 0; }
    .sidebar .toc li.current > a { font-weight: bold; color: var(--ink); }
    .page { max-width: 52rem; padding: 1.5rem 2.5rem 4rem; }
    h1, h2, h3, h4 { font-family: "DejaVu Sans", Helvetica, Arial, "Noto Sans CJK KR", sans-serif; line-height: 1.25; position: relative; }
    h1 { font-size: 1.9rem; } h2 { margin-top: 2.2rem; border-bottom: 1px solid var(--line); padding-bottom: .2rem; }
    .anchor { position: absolute; left: -1.1em; text-decoration: none; color: var(--line); font-weight: normal; }
    h1:hover .anchor, h2:hover .anchor, h3:hover .anchor, h4:hover .anchor { color: var(--accent); }
    code { font: .88em/1.45 "DejaVu Sans Mono", Menlo, Consolas, monospace; background: var(--code-bg); padding: .05em .25em; border-radius: 3px; }
    pre { overflow-x: auto; padding: .8rem 1rem; background: var(--code-bg); border-radius: 6px; }
    pre code { background: none; padding: 0; font-size: .85rem; }
    .command { position: relative; }
    .command pre { border-left: 4px solid var(--accent); }
    .copy { position: absolute; right: .4rem; top: .4rem; font: 12px sans-serif; padding: .2rem .55rem; cursor: pointer;
            border: 1px solid var(--line); background: white; border-radius: 4px; }
    .output { position: relative; }
    .output pre { background: var(--term-bg); color: var(--term-ink); }
    .output-label { position: absolute; right: .6rem; top: .3rem; font: 11px sans-serif; color: #8b96a8; text-transform: uppercase; }
    .equation pre { background: white; border: 1px solid var(--line); }
    .equation pre code { font-size: .95rem; }
    .implemented-in { font-size: .85rem; color: var(--muted); margin-top: -.5rem; }
    .math.display { overflow-x: auto; margin: 1rem 0; }
    figure.lab-figure { margin: 1.5rem 0; }
    figure.lab-figure img { max-width: 100%; height: auto; border: 1px solid var(--line); background: white; }
    figcaption { font-size: .92rem; color: var(--muted); }
    figcaption .alt { font-style: italic; margin: .3rem 0; }
    figcaption details { margin: .3rem 0; } figcaption summary { cursor: pointer; color: var(--accent); }
    .regenerate > span { font-size: .85rem; }
    table { border-collapse: collapse; margin: 1rem 0; font-size: .92rem; }
    th, td { border: 1px solid var(--line); padding: .3rem .55rem; vertical-align: top; }
    blockquote { border-left: 4px solid var(--line); margin-left: 0; padding-left: 1rem; color: var(--muted); }
    .source .line { display: block; } .source .line:target { background: #fff4c2; }
    .source .number { display: inline-block; width: 3.5em; color: #9aa3b2; text-decoration: none; user-select: none; }
    .served-only { display: none; }
    body.served .served-only { display: block; }
    @media (max-width: 800px) { body { display: block; } .sidebar { position: static; height: auto; } .page { padding: 1rem; } }

    /* the lab's experiment pages */
    .lab-form { display: grid; gap: .8rem; font-family: "DejaVu Sans", sans-serif; font-size: .92rem; }
    .lab-field { display: grid; grid-template-columns: 12rem 11rem 1fr; gap: .2rem .8rem; align-items: baseline;
                 border-bottom: 1px solid var(--line); padding-bottom: .5rem; }
    .lab-field label { font-weight: bold; font-family: "DejaVu Sans Mono", monospace; }
    .lab-field input, .lab-field select { font: inherit; padding: .2rem .3rem; width: 100%; }
    .lab-field .doc { color: var(--ink); } .lab-field .range { grid-column: 2 / 4; color: var(--muted); font-size: .85rem; }
    .lab-field.changed label::after { content: " ●"; color: #c0392b; }
    .lab-field button.quick-value { font-size: .8rem; margin-left: .4rem; }
    .lab-actions { display: flex; gap: 1rem; align-items: center; margin: 1rem 0; }
    .lab-actions button#run { font-size: 1rem; padding: .45rem 1.6rem; background: var(--accent); color: white; border: 0; border-radius: 5px; cursor: pointer; }
    .lab-actions button#run:disabled { background: #8aa4cc; }
    #progress { font-family: "DejaVu Sans Mono", monospace; font-size: .85rem; white-space: pre-wrap; background: var(--term-bg);
                color: var(--term-ink); padding: .6rem .8rem; border-radius: 6px; min-height: 2.2rem; }
    #error { color: #b3261e; white-space: pre-wrap; font-family: "DejaVu Sans Mono", monospace; font-size: .85rem; }
    .figure-tabs button { margin-right: .3rem; } .figure-tabs button.current { font-weight: bold; }
    #results-table td:first-child { font-family: "DejaVu Sans Mono", monospace; }
    """

    static let script = """
    // rnnlab book: typeset math with KaTeX, copy buttons, links that only work when served.
    (function () {
      "use strict";
      function typeset() {
        if (!window.katex) return;
        document.querySelectorAll(".math").forEach(function (el) {
          if (el.dataset.typeset) return;
          var tex = el.textContent;
          try {
            window.katex.render(tex, el, { displayMode: el.classList.contains("display"), throwOnError: false });
            el.dataset.typeset = "1";
            el.setAttribute("data-tex", tex);
          } catch (e) { el.classList.add("math-error"); }
        });
      }
      function copyText(text, done) {
        if (navigator.clipboard && window.isSecureContext) {
          navigator.clipboard.writeText(text).then(done, function () { fallback(text); done(); });
        } else { fallback(text); done(); }
      }
      function fallback(text) {
        var area = document.createElement("textarea");
        area.value = text; area.setAttribute("readonly", ""); area.style.position = "absolute"; area.style.left = "-9999px";
        document.body.appendChild(area); area.select();
        try { document.execCommand("copy"); } catch (e) { /* nothing to copy to */ }
        document.body.removeChild(area);
      }
      function wireCopyButtons() {
        document.querySelectorAll("button.copy").forEach(function (button) {
          if (button.dataset.wired) return;
          button.dataset.wired = "1";
          var label = button.textContent;
          button.addEventListener("click", function () {
            var code = button.parentElement.querySelector("pre code");
            // Only the commands: lines that are comments stay on the page.
            var text = code.textContent.split("\\n").filter(function (l) { return l.trim() && !l.trim().startsWith("#"); }).join("\\n");
            copyText(text, function () {
              button.textContent = button.dataset.copied || "Copied";
              setTimeout(function () { button.textContent = label; }, 1500);
            });
          });
        });
      }
      function pngFallbacks() {
        document.querySelectorAll("img[data-png]").forEach(function (img) {
          function usepng() { img.removeAttribute("data-png"); img.src = img.getAttribute("data-png-src"); }
          img.setAttribute("data-png-src", img.dataset.png);
          if (img.complete && img.naturalWidth === 0) usepng(); else img.addEventListener("error", usepng, { once: true });
        });
      }
      window.rnnlabBook = { typeset: typeset, wireCopyButtons: wireCopyButtons };
      function start() {
        if (location.protocol === "http:" || location.protocol === "https:") document.body.classList.add("served");
        typeset();
        wireCopyButtons();
        pngFallbacks();
      }
      if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start); else start();
    })();
    """
}
