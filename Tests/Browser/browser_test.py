"""The web book and the lab server in a real browser (Debian's chromium + chromedriver, driven by
selenium). Run by scripts/browser-tests.sh after `swift build` made .build/debug/rnnlab and
.build/debug/rnnlab-web; screenshots are written to .build/browser/screenshots/.

Checks, each failing the run:
  book   every page of every edition loads from file:// with no console error, its math is
         typeset by KaTeX (no raw $ left outside code), and every image has a nonzero natural size;
         the fixture chapter's $x^2$ and $$…$$ become KaTeX markup;
  serve  on the lab page of backprop-through-whh (--quick), changing gaussian_gain and pressing
         Run shows a new figure and results equal to `rnnlab results` for the same settings; the
         page's URL, opened in a new tab, shows the same view; a POST from another origin is refused.
"""
import json
import os
import re
import shutil
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
from http.server import HTTPServer, SimpleHTTPRequestHandler
from pathlib import Path

from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait

ROOT = Path(__file__).resolve().parents[2]
OUT = ROOT / ".build" / "browser"
SHOTS = OUT / "screenshots"
BIN = Path(os.environ.get("RNNLAB_BIN", ROOT / ".build" / "debug"))
failures = []


def check(condition, message):
    if not condition:
        failures.append(message)
        print("FAIL:", message, flush=True)
    return condition


def browser():
    options = webdriver.ChromeOptions()
    options.binary_location = "/usr/bin/chromium"
    for arg in ["--headless", "--no-sandbox", "--disable-gpu", "--window-size=1280,1600", "--allow-file-access-from-files"]:
        options.add_argument(arg)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    return webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=options)


def console_errors(driver):
    return [e for e in driver.get_log("browser") if e.get("level") == "SEVERE"]


# The text a reader sees outside code and typeset math.
PROSE_JS = """
const clone = document.querySelector('main').cloneNode(true);
clone.querySelectorAll('pre, code, .katex, script, .math').forEach(e => e.remove());
return clone.textContent;
"""

IMAGES_JS = """
return Array.from(document.images).map(i => ({src: i.getAttribute('src'), complete: i.complete, w: i.naturalWidth, h: i.naturalHeight}));
"""


def wait_images(driver):
    WebDriverWait(driver, 20).until(lambda d: d.execute_script("return Array.from(document.images).every(i => i.complete)"))


def check_book(driver):
    book = OUT / "book"
    shutil.rmtree(book, ignore_errors=True)
    subprocess.run([str(BIN / "rnnlab"), "book", "--output", str(book)], cwd=ROOT, check=True)
    pages = sorted(book.glob("*.html")) + sorted(book.glob("*/index.html")) + sorted(p for p in book.glob("??/*.html"))
    pages = [p for p in dict.fromkeys(pages) if "repo" not in p.parts]
    check(len(pages) >= 11, f"book: only {len(pages)} pages")
    for page in pages:
        name = str(page.relative_to(book))
        driver.get(page.as_uri())
        WebDriverWait(driver, 20).until(lambda d: d.execute_script("return document.readyState") == "complete")
        WebDriverWait(driver, 20).until(lambda d: d.execute_script(
            "return Array.from(document.querySelectorAll('.math')).every(e => e.dataset.typeset)"))
        wait_images(driver)
        errors = console_errors(driver)
        check(not errors, f"{name}: console errors {errors}")
        prose = driver.execute_script(PROSE_JS)
        check("$" not in prose, f"{name}: raw $ left: …{prose[max(0, prose.find('$') - 60):prose.find('$') + 40]}…")
        maths = driver.execute_script("return document.querySelectorAll('.math').length")
        katex = driver.execute_script("return document.querySelectorAll('.math .katex').length")
        check(maths == katex, f"{name}: {maths} formulas, {katex} typeset")
        for image in driver.execute_script(IMAGES_JS):
            check(image["complete"] and image["w"] > 0 and image["h"] > 0, f"{name}: image {image['src']} has no size")
        if name.startswith("ko/"):
            # A Korean page tells how to read each figure in Korean (the experiment's Korean description).
            captions = driver.execute_script(
                "return Array.from(document.querySelectorAll('details.how-to-read p')).map(p => p.textContent)")
            for caption in captions:
                check(re.search("[\uac00-\ud7a3]", caption), f"{name}: an English caption on a Korean page: {caption[:80]}")
        shot = "book-" + name.replace("/", "-").replace(".html", "")
        driver.save_screenshot(str(SHOTS / (shot + ".png")))
        if driver.execute_script("const f = document.querySelector('figure.lab-figure'); if (!f) return false; "
                                 "f.querySelector('details').open = true; f.scrollIntoView(); return true"):
            driver.save_screenshot(str(SHOTS / (shot + "-figure.png")))
        print(f"book: {name} ok ({maths} formulas, {len(driver.execute_script(IMAGES_JS))} images)", flush=True)

    # The fixture chapter has math; the lab's chapters write their equations in Unicode.
    fixture_book = OUT / "fixture-book"
    shutil.rmtree(fixture_book, ignore_errors=True)
    subprocess.run([str(BIN / "rnnlab"), "book", "--root", "Tests/BookTests/Fixtures/lab", "--output", str(fixture_book)], cwd=ROOT, check=True)
    for name in ["01-squares.html", "ko/01-squares.html"]:
        driver.get((fixture_book / name).as_uri())
        WebDriverWait(driver, 20).until(lambda d: d.execute_script(
            "return document.querySelectorAll('.math').length > 0 && Array.from(document.querySelectorAll('.math')).every(e => e.dataset.typeset)"))
        katex = driver.execute_script("return document.querySelectorAll('.math .katex-html').length")
        check(katex >= 1, f"fixture {name}: math not typeset by KaTeX")
        tex = driver.execute_script("return Array.from(document.querySelectorAll('.math')).map(e => e.dataset.tex)")
        check("x^2" in tex, f"fixture {name}: $x^2$ not among the formulas {tex}")
        check(not console_errors(driver), f"fixture {name}: console errors")
        driver.save_screenshot(str(SHOTS / ("fixture-" + name.replace("/", "-").replace(".html", ".png"))))
    print("book: fixture math typeset", flush=True)


def start_server():
    scratch = OUT / "web"
    shutil.rmtree(scratch, ignore_errors=True)
    # Through `rnnlab serve`, which execs the rnnlab-web built beside it.
    process = subprocess.Popen([str(BIN / "rnnlab"), "serve", "--port", "0", "--scratch", str(scratch)], cwd=ROOT,
                               stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    deadline = time.time() + 120
    while time.time() < deadline:
        line = process.stdout.readline()
        match = re.search(r"http://127\.0\.0\.1:(\d+)/", line)
        if match:
            threading.Thread(target=lambda: [None for _ in process.stdout], daemon=True).start()
            return process, int(match.group(1)), scratch
        if not line and process.poll() is not None:
            break
    raise SystemExit("rnnlab-web did not start")


def cli_results(settings):
    folder = OUT / "cli-run"
    shutil.rmtree(folder, ignore_errors=True)
    sets = sum((["--set", f"{k}={v}"] for k, v in settings.items()), [])
    subprocess.run([str(BIN / "rnnlab"), "run", "backprop-through-whh", "--quick", *sets, "--output", str(folder)],
                   cwd=ROOT, check=True, capture_output=True)
    out = subprocess.run([str(BIN / "rnnlab"), "results", "backprop-through-whh", "--output", str(folder)],
                         cwd=ROOT, check=True, capture_output=True, text=True).stdout
    return out.strip().splitlines()


def check_serve(driver):
    process, port, scratch = start_server()
    base = f"http://127.0.0.1:{port}"
    try:
        driver.get(f"{base}/lab/backprop-through-whh?quick=1&figure=norms")
        field = WebDriverWait(driver, 20).until(lambda d: d.find_element(By.ID, "f-gaussian_gain"))
        field.clear()
        field.send_keys("1.3")
        started = time.time()
        driver.find_element(By.ID, "run").click()
        WebDriverWait(driver, 120).until(lambda d: d.execute_script("return document.body.dataset.state") in ("done", "failed"))
        seconds = time.time() - started
        check(driver.execute_script("return document.body.dataset.state") == "done",
              f"serve: the run failed: {driver.find_element(By.ID, 'error').text}")
        WebDriverWait(driver, 20).until(lambda d: d.execute_script(
            "const i = document.getElementById('figure'); return i.complete && i.naturalWidth > 0"))
        shown = driver.execute_script("return document.getElementById('results-text').textContent").strip().splitlines()
        expected = cli_results({"gaussian_gain": "1.3"})
        check(shown == expected, f"serve: results differ from `rnnlab results`:\n{shown[:5]}\n{expected[:5]}")
        check(any(l.startswith("cases.gaussian.") for l in shown), "serve: no cases.gaussian results")
        url = driver.current_url
        check("set.gaussian_gain=1.3" in url and "quick=1" in url and "figure=norms" in url, f"serve: URL lacks the state: {url}")
        figure = driver.execute_script("return document.getElementById('figure').getAttribute('src')")
        check(not console_errors(driver), f"serve: console errors {console_errors(driver)}")
        driver.save_screenshot(str(SHOTS / "serve-run.png"))
        print(f"serve: run with gaussian_gain=1.3 done in {seconds:.1f} s; {len(shown)} result lines equal rnnlab results", flush=True)

        # The same URL in a new tab: the same settings, figure and results (the cached run).
        driver.switch_to.new_window("tab")
        driver.get(url)
        WebDriverWait(driver, 60).until(lambda d: d.execute_script("return document.body.dataset.state") == "done")
        WebDriverWait(driver, 20).until(lambda d: d.execute_script(
            "const i = document.getElementById('figure'); return i.complete && i.naturalWidth > 0"))
        check(driver.find_element(By.ID, "f-gaussian_gain").get_attribute("value") == "1.3", "new tab: gaussian_gain not 1.3")
        again = driver.execute_script("return document.getElementById('results-text').textContent").strip().splitlines()
        check(again == shown, "new tab: other results")
        check(driver.execute_script("return document.getElementById('figure').getAttribute('src')") == figure, "new tab: other figure")
        check("cached" in driver.find_element(By.ID, "status").text, f"new tab: not the cached run: {driver.find_element(By.ID, 'status').text}")
        driver.save_screenshot(str(SHOTS / "serve-new-tab.png"))
        print("serve: the URL in a new tab shows the same view (cached run)", flush=True)

        # The Korean book's lab link: the same page with its figures' description in Korean.
        driver.get(f"{base}/lab/backprop-through-whh?quick=1&lang=ko")
        how = driver.find_element(By.CSS_SELECTOR, "details.how-to-read").text
        check("그림을 읽는 법" in how and "스펙트럼 반지름" in how, f"lang=ko: the description is not Korean: {how[:80]}")
        driver.save_screenshot(str(SHOTS / "serve-ko.png"))

        # hide= hides a control.
        driver.get(f"{base}/lab/backprop-through-whh?quick=1&hide=seed,steps")
        check(not driver.find_element(By.ID, "f-seed").is_displayed(), "hide=seed: the seed field shows")
        check(driver.find_element(By.ID, "f-gaussian_gain").is_displayed(), "hide=seed: gaussian_gain hidden too")

        # A page on another origin cannot start a run: the browser's POST carries its Origin.
        class Quiet(SimpleHTTPRequestHandler):
            def log_message(self, *args):
                pass
        foreign = HTTPServer(("127.0.0.1", 0), Quiet)
        threading.Thread(target=foreign.serve_forever, daemon=True).start()
        before = set(os.listdir(scratch / "runs"))
        driver.get(f"http://127.0.0.1:{foreign.server_address[1]}/")
        status = driver.execute_async_script("""
            const done = arguments[arguments.length - 1];
            fetch(arguments[0] + '/api/run', {method: 'POST', mode: 'no-cors', headers: {'Content-Type': 'text/plain'},
                  body: JSON.stringify({experiment: 'backprop-through-whh', quick: true, settings: {seed: '777'}})})
              .then(r => done('sent ' + r.type), e => done('error ' + e));
        """, base)
        time.sleep(2)
        check(set(os.listdir(scratch / "runs")) == before, "cross-origin POST started a run")
        foreign.shutdown()
        request = urllib.request.Request(f"{base}/api/run", method="POST",
                                         data=json.dumps({"experiment": "backprop-through-whh", "quick": True}).encode(),
                                         headers={"Content-Type": "application/json", "Origin": "http://evil.example"})
        try:
            urllib.request.urlopen(request)
            check(False, "cross-origin POST answered 200")
        except urllib.error.HTTPError as e:
            check(e.code == 403, f"cross-origin POST answered {e.code}")
        print(f"serve: cross-origin POST refused (browser: {status}; HTTP 403)", flush=True)
    finally:
        process.terminate()
        process.wait(timeout=20)


def main():
    SHOTS.mkdir(parents=True, exist_ok=True)
    driver = browser()
    started = time.time()
    try:
        if "serve" not in sys.argv[1:]:
            check_book(driver)
        if "book" not in sys.argv[1:]:
            check_serve(driver)
    finally:
        driver.quit()
    print(f"browser tests: {len(failures)} failures in {time.time() - started:.0f} s; screenshots in {SHOTS}")
    sys.exit(1 if failures else 0)


if __name__ == "__main__":
    main()
