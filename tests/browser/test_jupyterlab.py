"""JupyterLab in a real browser: `make lab`, then the four notebooks run through the UI.

The test starts JupyterLab the way a reporter does, through `make lab` (so it uses the
project's .venv and the settings in jupyter-config/), on a free loopback port with a token
and no browser of its own. Headless Chromium (Debian's /usr/bin/chromium, driven by
Playwright) then opens JupyterLab and checks that it opens clean (file browser on
notebooks/, no "get notified about Jupyter news?" toast, no dialog), and opens each notebook
in turn on the default story and runs it with the menu Run -> Run All Cells. After each run:
every code cell has run, no cell shows an error, notebook 02's highlighted articles and
notebook 04's charts are rendered, nothing covers the notebook, and a screenshot is saved
as output/browser/<notebook>.png.

JupyterLab saves open notebooks by itself, so the test never opens the committed ones: it
opens copies, stripped of their outputs, in output/browser/notebooks/ (inside the repository,
so the notebooks find the project from their working directory however they import it) and
checks that notebooks/ is byte for byte unchanged afterwards. It stops the server and its
kernels through the server's API and fails if any process it started is left running.

Skipped, with one line saying why, when Chromium or the playwright package is missing;
.ci/run sets REQUIRE_BROWSER_TEST=1, which turns that skip into a failure.
Run it alone with `pytest -m browser`.
"""
from __future__ import annotations

import hashlib
import importlib.util
import json
import os
import re
import secrets
import shutil
import signal
import socket
import subprocess
import tempfile
import time
import urllib.error
import urllib.request
from contextlib import contextmanager
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
NOTEBOOK_DIR = REPO / "notebooks"
SHOTS = REPO / "output" / "browser"
COPIES = SHOTS / "notebooks"  # inside the repository: the notebooks look for the project upwards
STORY_OUTPUT = REPO / "output" / "meta-scale-ai"
CHROMIUM = Path("/usr/bin/chromium")
JUPYTER = REPO / ".venv" / "bin" / "jupyter"

# The notebooks in the order they must run, and a file each one writes for the next.
NOTEBOOKS = ["01_ingest", "02_extract_figures", "03_compare_sources", "04_narrative_charts"]
WRITES = {"01_ingest": "articles.csv", "02_extract_figures": "figures.csv",
          "03_compare_sources": "findings.csv", "04_narrative_charts": "charts.csv"}
# What the screenshot scrolls to: an output that shows the notebook's result.
SHOT_TARGET = {
    "01_ingest": '.jp-OutputArea-output[data-mime-type="text/html"]',
    "02_extract_figures": '.jp-OutputArea-output[data-mime-type="text/html"]:has(mark)',
    "03_compare_sources": '.jp-OutputArea-output[data-mime-type="text/html"]',
    "04_narrative_charts": '.jp-OutputArea-output[data-mime-type="image/png"]',
}
NEWS = re.compile(r"notified about (official )?Jupyter news", re.I)
VIEWPORT = {"width": 1400, "height": 1000}
SERVER_START_TIMEOUT = 60  # s
RUN_TIMEOUT = 120  # s, per notebook (each runs in a few seconds)

pytestmark = [pytest.mark.browser, pytest.mark.slow]


def _missing_browser() -> str | None:
    """Why the test cannot run here, in one line, or None."""
    if not CHROMIUM.exists():
        return f"{CHROMIUM} not found (apt-get install chromium); the JupyterLab browser test needs it"
    if importlib.util.find_spec("playwright") is None:
        return "the playwright package is not installed (make builds .venv with it); the JupyterLab browser test needs it"
    return None


def _skip_or_fail_without_browser() -> None:
    why = _missing_browser()
    if why is None:
        return
    if os.environ.get("REQUIRE_BROWSER_TEST") == "1":
        pytest.fail(f"REQUIRE_BROWSER_TEST=1 but {why}", pytrace=False)
    pytest.skip(why)


def _tree_digest(folder: Path) -> dict[str, str]:
    """sha256 of every file under folder, by relative path."""
    return {str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file()}


def _copy_without_outputs(src: Path, dest: Path) -> None:
    """The notebook as committed but with no outputs, so every output seen comes from this run."""
    nb = json.loads(src.read_text(encoding="utf-8"))
    for cell in nb["cells"]:
        if cell["cell_type"] == "code":
            cell["outputs"] = []
            cell["execution_count"] = None
    dest.write_text(json.dumps(nb, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Lab:
    """A JupyterLab server started by `make lab`, and its REST API."""

    def __init__(self, proc: subprocess.Popen, port: int, token: str, log: Path, log_file):
        self.proc, self.port, self.token, self.log, self.log_file = proc, port, token, log, log_file
        self.base = f"http://127.0.0.1:{port}"
        self.seen: dict[int, object] = {}  # every process started for the test, pid -> psutil.Process

    def api(self, method: str, path: str, body: dict | None = None, timeout: float = 10):
        req = urllib.request.Request(f"{self.base}{path}", method=method,
                                     data=None if body is None else json.dumps(body).encode(),
                                     headers={"Authorization": f"token {self.token}",
                                              "Content-Type": "application/json"})
        with urllib.request.urlopen(req, timeout=timeout) as resp:
            data = resp.read()
        return json.loads(data) if data else None

    def url(self, path: str, query: str = "") -> str:
        return f"{self.base}{path}?token={self.token}" + (f"&{query}" if query else "")

    def log_tail(self, n: int = 40) -> str:
        lines = self.log.read_text(errors="replace").splitlines() if self.log.exists() else []
        return "\n".join(lines[-n:])

    def record_processes(self) -> None:
        """Remember every process below this one (make, the server, kernels, the browser)."""
        import psutil
        for p in psutil.Process().children(recursive=True):
            self.seen.setdefault(p.pid, p)

    def stop_kernels(self) -> None:
        for session in self.api("GET", "/api/sessions"):
            self.api("DELETE", f"/api/sessions/{session['id']}")
        deadline = time.monotonic() + 20
        while self.api("GET", "/api/kernels") and time.monotonic() < deadline:
            time.sleep(0.2)

    def stop(self) -> None:
        """Shut the server down (it shuts down its kernels), then make exits."""
        try:
            self.api("POST", "/api/shutdown")
        except (urllib.error.URLError, OSError):
            pass
        try:
            self.proc.wait(timeout=30)
        except subprocess.TimeoutExpired:
            for sig in (signal.SIGTERM, signal.SIGKILL):
                try:
                    os.killpg(self.proc.pid, sig)
                    self.proc.wait(timeout=10)
                    break
                except (ProcessLookupError, subprocess.TimeoutExpired):
                    continue
        self.log_file.close()

    def left_running(self) -> list[str]:
        """Processes started for the test that still run; they are killed, and named."""
        import psutil
        left = []
        for p in self.seen.values():
            try:
                if p.is_running() and p.status() != psutil.STATUS_ZOMBIE:
                    left.append(f"{p.pid} {' '.join(p.cmdline())[:120]}")
                    p.kill()
            except psutil.NoSuchProcess:
                continue
        return left


@contextmanager
def running_lab(home: Path):
    """`make lab` on a free loopback port with a token and no browser; yields a Lab.

    Jupyter's user folders (config, data, runtime, settings, workspaces, IPython) point into
    `home`, so the test neither reads nor changes the user's own JupyterLab setup: what it
    sees comes from the project (make lab, jupyter-config/, .venv).
    """
    env = dict(os.environ)
    for var, sub in [("JUPYTER_CONFIG_DIR", "config"), ("JUPYTER_DATA_DIR", "data"),
                     ("JUPYTER_RUNTIME_DIR", "runtime"), ("JUPYTERLAB_SETTINGS_DIR", "user-settings"),
                     ("JUPYTERLAB_WORKSPACES_DIR", "workspaces"), ("IPYTHONDIR", "ipython")]:
        env[var] = str(home / sub)
    env.pop("JUPYTER_CONFIG_PATH", None)
    env.pop("JUPYTER_PATH", None)
    token = secrets.token_hex(24)
    lab = None
    for attempt in range(3):  # a port taken between choosing and binding: try another one
        port = _free_port()
        opts = (f"--no-browser --ServerApp.ip=127.0.0.1 --ServerApp.port={port} --ServerApp.port_retries=0 "
                f"--IdentityProvider.token={token}")
        log = home / f"lab-{attempt}.log"
        # -o .venv/.ready: use the environment as it is, never reinstall it from inside a test
        log_file = log.open("wb")
        proc = subprocess.Popen(["make", "--no-print-directory", "-o", ".venv/.ready", "lab", f"LAB_OPTS={opts}"],
                                cwd=REPO, env=env, stdin=subprocess.DEVNULL, stdout=log_file,
                                stderr=subprocess.STDOUT, start_new_session=True)
        lab = Lab(proc, port, token, log, log_file)
        deadline = time.monotonic() + SERVER_START_TIMEOUT
        while time.monotonic() < deadline and proc.poll() is None:
            try:
                lab.api("GET", "/api/status", timeout=2)
                break
            except (urllib.error.URLError, OSError, ValueError):
                time.sleep(0.2)
        else:
            if proc.poll() is not None and "already in use" in lab.log_tail() and attempt < 2:
                log_file.close()
                continue
            lab.stop()
            pytest.fail(f"`make lab` did not serve JupyterLab within {SERVER_START_TIMEOUT} s "
                        f"(exit code {proc.poll()}); its log ends:\n{lab.log_tail()}", pytrace=False)
        break
    try:
        lab.record_processes()
        yield lab
    finally:
        lab.record_processes()
        lab.stop()


# ---------------------------------------------------------------------------
# What the page shows
# ---------------------------------------------------------------------------
_PANEL = ".jp-NotebookPanel:not(.lm-mod-hidden)"

_STATE_JS = """() => {
  const panel = document.querySelector('%s');
  const prompts = panel ? [...panel.querySelectorAll('.jp-CodeCell .jp-InputArea-prompt')]
                            .map(e => e.textContent.trim()) : [];
  const status = panel && panel.querySelector('.jp-Notebook-ExecutionIndicator');
  const bar = document.querySelector('.jp-StatusBar-TextItem[title^="Change kernel"]');
  return {prompts, kernel: status ? status.dataset.status : null, status_bar: bar ? bar.textContent.trim() : null,
          dialogs: [...document.querySelectorAll('.jp-Dialog')].map(e => e.innerText.trim()),
          toasts: [...document.querySelectorAll('.Toastify__toast')].map(e => e.innerText.trim())};
}""" % _PANEL


def _state(page) -> dict:
    return page.evaluate(_STATE_JS)


def _describe(page) -> str:
    s = _state(page)
    return (f"execution indicator {s['kernel']!r}; status bar {s['status_bar']!r}; prompts {s['prompts']}; "
            f"dialogs {s['dialogs']}; toasts {s['toasts']}")


def _wait(page, js: str, timeout_s: float, what: str, shot: Path) -> None:
    """Wait for a page condition; on time-out fail with what the page shows and a screenshot."""
    from playwright.sync_api import TimeoutError as PlaywrightTimeout
    try:
        page.wait_for_function(js, timeout=timeout_s * 1000, polling=200)
    except PlaywrightTimeout:
        page.screenshot(path=str(shot))
        pytest.fail(f"{what} not seen within {timeout_s:.0f} s ({_describe(page)}); screenshot {shot}",
                    pytrace=False)


def _assert_nothing_covers(page, where: str) -> None:
    s = _state(page)
    news = [t for t in s["toasts"] if NEWS.search(t)]
    assert not news, f"{where}: the Jupyter news popup is shown: {news}"
    assert not s["toasts"], f"{where}: a notification toast covers the page: {s['toasts']}"
    assert not s["dialogs"], f"{where}: a dialog covers the page: {s['dialogs']}"


def _error_outputs(page) -> list[str]:
    """Texts of the error outputs the page shows (JupyterLab renders errors as stderr)."""
    return page.evaluate("""() => [...document.querySelectorAll(
        '.jp-OutputArea-output[data-mime-type="application/vnd.jupyter.stderr"]')]
        .map(e => e.textContent)
        .filter(t => /Traceback|\\b\\w*(Error|Exception)\\b/.test(t))
        .map(t => t.trim().slice(0, 800))""")


def _saved_notebook_problems(path: Path) -> list[str]:
    """From the copy as JupyterLab saved it: cells that did not run, and error outputs."""
    nb = json.loads(path.read_text(encoding="utf-8"))
    problems = []
    for i, cell in enumerate(nb["cells"]):
        if cell["cell_type"] != "code":
            continue
        if cell.get("execution_count") is None:
            problems.append(f"cell {i} did not run: {''.join(cell['source'])[:80]!r}")
        for out in cell.get("outputs", []):
            if out.get("output_type") == "error":
                problems.append(f"cell {i} error {out.get('ename')}: {out.get('evalue')}"[:300])
    return problems


def _saved_png_count(path: Path) -> int:
    nb = json.loads(path.read_text(encoding="utf-8"))
    return sum("image/png" in out.get("data", {}) for cell in nb["cells"] if cell["cell_type"] == "code"
               for out in cell.get("outputs", []))


def _open_clean(page, lab: Lab) -> None:
    """/lab as `make lab` opens it: file browser on notebooks/, nothing on top."""
    page.goto(lab.url("/lab", "reset"))
    shot = SHOTS / "lab.failed.png"
    _wait(page, """() => [...document.querySelectorAll('.jp-DirListing-item')]
                 .some(e => e.textContent.includes('01_ingest.ipynb'))""",
          30, "the file browser listing notebooks/", shot)
    crumbs = page.locator(".jp-BreadCrumbs").inner_text()
    assert crumbs.strip().strip("/").strip().endswith("notebooks"), \
        f"make lab should open the file browser on notebooks/, it shows {crumbs!r}"
    listed = page.locator(".jp-DirListing-item").all_inner_texts()
    for name in NOTEBOOKS:
        assert any(f"{name}.ipynb" in t for t in listed), f"{name}.ipynb not in the file browser: {listed}"
    page.wait_for_timeout(1500)  # the news toast, when enabled, shows right after the app is restored
    _assert_nothing_covers(page, "make lab")


def _run_notebook(page, lab: Lab, name: str) -> None:
    shot = SHOTS / f"{name}.png"
    failed = SHOTS / f"{name}.failed.png"
    copy = COPIES / f"{name}.ipynb"
    page.goto(lab.url(f"/lab/tree/{copy.relative_to(REPO).as_posix()}", "reset"))
    # Ready when the kernel is connected and idle. The toolbar's execution indicator says
    # 'idle' before any kernel exists, and Run All Cells then runs nothing without a word;
    # the status bar says "No Kernel | Initializing", "... | Connecting", then "<kernel> | Idle".
    _wait(page, f"""() => {{ const p = document.querySelector('{_PANEL}');
                  const i = p && p.querySelector('.jp-Notebook-ExecutionIndicator');
                  const s = document.querySelector('.jp-StatusBar-TextItem[title^="Change kernel"]');
                  return p && p.querySelector('.jp-CodeCell') && i && i.dataset.status === 'idle'
                         && s && /\\|\\s*Idle$/.test(s.textContent.trim()) && !/No Kernel/.test(s.textContent); }}""",
          45, f"{name}: the notebook open with its kernel connected and idle", failed)
    _assert_nothing_covers(page, f"{name} opened")
    n_code = len(_state(page)["prompts"])
    assert n_code > 0, f"{name}: no code cells shown"

    # Run -> Run All Cells, as a reporter would
    started = time.time()
    page.get_by_role("menubar").get_by_role("menuitem", name="Run", exact=True).click()
    page.locator('#jp-mainmenu-run li[data-command="runmenu:run-all"]').click()  # "Run All Cells"
    prompts = f"[...document.querySelectorAll('{_PANEL} .jp-CodeCell .jp-InputArea-prompt')].map(e => e.textContent)"
    _wait(page, f"() => {prompts}.some(t => /\\*|\\d/.test(t))", 30, f"{name}: Run All Cells starting", failed)
    _wait(page, f"""() => {{ const i = document.querySelector('{_PANEL} .jp-Notebook-ExecutionIndicator');
                  return !{prompts}.some(t => t.includes('*')) && i && i.dataset.status === 'idle'; }}""",
          RUN_TIMEOUT, f"{name}: every cell run and the kernel idle", failed)

    state = _state(page)
    not_run = [i for i, p in enumerate(state["prompts"]) if not re.fullmatch(r"\[\d+\]:", p)]
    errors = _error_outputs(page)
    if not_run or errors:
        page.screenshot(path=str(failed))
    assert not errors, f"{name}: error output in the notebook (screenshot {failed}):\n" + "\n---\n".join(errors)
    assert not not_run, f"{name}: code cells {not_run} of {n_code} did not run (prompts {state['prompts']})"
    written = STORY_OUTPUT / WRITES[name]
    assert written.exists() and written.stat().st_mtime >= started - 1, \
        f"{name}: did not write {written.relative_to(REPO)} for the next notebook"

    if name == "02_extract_figures":  # helpers.highlight_story_html: <h4> per article, <mark> per figure
        marks = page.locator('.jp-OutputArea-output[data-mime-type="text/html"] mark')
        assert marks.count() > 0, f"{name}: the highlighted articles (<mark> spans) are not rendered"
        heads = page.locator('.jp-OutputArea-output[data-mime-type="text/html"]:has(mark) h4')
        assert heads.count() > 0, f"{name}: the highlighted articles have no per-article headings"
    if name == "04_narrative_charts":
        images = page.locator('.jp-OutputArea-output[data-mime-type="image/png"] img')
        assert images.count() > 0, f"{name}: no chart is rendered"
        _wait(page, f"""() => [...document.querySelectorAll('{_PANEL} .jp-OutputArea-output[data-mime-type="image/png"] img')]
                      .every(i => i.complete && i.naturalWidth > 0)""", 30, f"{name}: every chart decoded", failed)
        # each chart's title and alt text is Markdown: a "$" in "10 bis 15 Mrd. $" must show as a dollar
        # sign, not start LaTeX math (MathJax typesets after the Markdown is rendered, so give it a moment)
        captions = page.locator(f'{_PANEL} .jp-OutputArea-output[data-mime-type="text/markdown"]')
        assert captions.count() > 0, f"{name}: no chart titles (Markdown outputs) are rendered"
        page.wait_for_timeout(1500)
        math = page.locator(f"{_PANEL} .jp-OutputArea-output mjx-container")
        if math.count():
            page.screenshot(path=str(failed))
        assert math.count() == 0, \
            f"{name}: {math.count()} pieces of output rendered as LaTeX math (MathJax), e.g. in " \
            f"{math.first.evaluate('e => e.closest(`.jp-OutputArea-output`).innerText')!r} (screenshot {failed})"
        assert any("Mrd. $" in t for t in captions.all_inner_texts()), \
            f"{name}: no chart title shows its dollar sign: {captions.all_inner_texts()[:2]}"

    target = page.locator(SHOT_TARGET[name]).first
    target.evaluate("e => e.scrollIntoView({block: 'start'})")
    page.wait_for_timeout(300)  # let the cells scrolled into view paint
    _assert_nothing_covers(page, f"{name} after Run All Cells")
    if name == "02_extract_figures":
        assert page.locator(SHOT_TARGET[name]).first.locator("mark").first.is_visible(), \
            f"{name}: the highlighted articles are not visible"
    page.screenshot(path=str(shot))

    # Save the copy (the committed notebook is never open) and read what ran from the file.
    page.get_by_role("menubar").get_by_role("menuitem", name="File", exact=True).click()
    page.locator('#jp-mainmenu-file li[data-command="docmanager:save"]').click()  # "Save Notebook"
    _wait(page, "() => !document.querySelector('.lm-TabBar-tab.jp-mod-dirty')",
          20, f"{name}: the copy saved", failed)
    problems = _saved_notebook_problems(copy)
    assert not problems, f"{name}: " + "; ".join(problems)
    if name == "04_narrative_charts":
        assert images.count() == _saved_png_count(copy), \
            f"{name}: {_saved_png_count(copy)} charts in the notebook, {images.count()} rendered"


def _check_news_detector(page, lab: Lab) -> None:
    """The news check is not blind: with the setting at 'ask', the same page shows the toast."""
    lab.api("PUT", "/lab/api/settings/@jupyterlab/apputils-extension:notification",
            {"raw": json.dumps({"fetchNews": "none", "checkForUpdates": False})})
    page.goto(lab.url("/lab", "reset"))
    _wait(page, "() => [...document.querySelectorAll('.Toastify__toast')].some(e => /Jupyter news/i.test(e.innerText))",
          30, "control: the news toast with fetchNews='none' (the check for it would be blind)",
          SHOTS / "lab-news-control.failed.png")


def test_jupyterlab_runs_the_notebooks_in_a_real_browser(tmp_path_factory):
    _skip_or_fail_without_browser()
    from playwright.sync_api import sync_playwright

    assert JUPYTER.exists(), f"{JUPYTER.relative_to(REPO)} missing: run make first"
    missing = [n for n in NOTEBOOKS if not (NOTEBOOK_DIR / f"{n}.ipynb").exists()]
    assert not missing, f"notebooks missing: {missing}"
    committed = _tree_digest(NOTEBOOK_DIR)

    shutil.rmtree(COPIES, ignore_errors=True)
    COPIES.mkdir(parents=True)
    for old in SHOTS.glob("*.png"):
        old.unlink()
    for name in NOTEBOOKS:
        _copy_without_outputs(NOTEBOOK_DIR / f"{name}.ipynb", COPIES / f"{name}.ipynb")

    home = Path(tempfile.mkdtemp(prefix="jlab-browser-test-"))
    lab = None
    try:
        with running_lab(home) as lab, sync_playwright() as pw:
            browser = pw.chromium.launch(
                executable_path=str(CHROMIUM),
                args=["--disable-gpu", "--disable-quic", "--disable-dev-shm-usage"])
            try:
                context = browser.new_context(viewport=VIEWPORT)
                context.set_default_timeout(30_000)
                page = context.new_page()
                lab.record_processes()
                _open_clean(page, lab)
                for name in NOTEBOOKS:
                    _run_notebook(page, lab, name)
                    lab.record_processes()
                    page.goto("about:blank")  # leave the notebook before its kernel goes
                    lab.stop_kernels()
                _check_news_detector(page, lab)
                context.close()
            finally:
                lab.record_processes()
                browser.close()
    finally:
        left = lab.left_running() if lab else []
        shutil.rmtree(home, ignore_errors=True)
    assert not left, f"processes left running after the test (now killed): {left}"
    assert _tree_digest(NOTEBOOK_DIR) == committed, "the committed notebooks/ changed during the browser test"
    for name in NOTEBOOKS:
        assert (SHOTS / f"{name}.png").stat().st_size > 0
