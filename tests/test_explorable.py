"""The Explorable page computes what shiftlab computes, from its controls, on any screen.

Loads the built page (`SHIFTLAB_SITE_DIR`, or a strict build into a temporary directory:
`tests.test_site.build_site`) from a local server in Debian's Chromium, sets patterns,
paddings, downsamplers and shifts through the page's controls, reads the numbers it shows
and compares them with shiftlab run on the same input: `correlate`, `max_pool`,
`BlurPool`, `aps_downsample`, `equivariance_error` and `invariance_error`.

Each number the page shows carries its unrounded value in `data-value` (the text shows
four significant digits); the maps come from the page's hook
`window.shiftlabExplorable`, which its controls use too. Tolerance: a relative 1e-9
(JavaScript doubles against numpy float64). The page's values are multiples of 1/16
and its weights integers or sixteenths, so the sums are exact on both sides and only
the final division and square root can round differently.

Also checked: the arrow keys move the shift, the keyboard draws, focus is visible, the
page fits a 390-px screen, redraws for the dark palette, and loads nothing from another
host. The site, its server and Chromium are the session's (tests/conftest.py); each job
runs in a fresh tab. Skipped only when Chromium is missing and CI is not set.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from pathlib import Path
from typing import Any, Literal, TypeVar

import numpy as np
import pytest
import torch
from numpy.typing import NDArray
from playwright.sync_api import Browser, Page

from shiftlab.convolution import correlate
from shiftlab.layers import BlurPool, aps_downsample
from shiftlab.measures import ShiftError, equivariance_error, invariance_error
from shiftlab.pooling import max_pool
from shiftlab.shifts import circular_shift, zero_shift
from tests.conftest import keep_local

PATH = "use-it/explorable/"
RTOL = 1e-9
FILTER = np.array([[[[-1.0, 0, 1], [-2, 0, 2], [-1, 0, 1]]]])  # (C_out, C_in, 3, 3)
STRIDE = {"none": 1, "max": 2, "blur": 2, "aps": 2}
SHIFTS = [(0, 1), (1, 1), (2, -2), (-3, 5), (4, 0), (8, -8)]
T = TypeVar("T")
Padding = Literal["circular", "zero"]


def features(x: NDArray[Any], padding: Padding) -> NDArray[Any]:
    """The page's feature map: ReLU of the correlation with its filter."""
    h: NDArray[Any] = np.maximum(correlate(x, FILTER, padding=padding), 0)
    return h


def network(padding: Padding, down: str) -> Callable[[NDArray[Any]], NDArray[Any]]:
    """The page's f in shiftlab: correlate, ReLU, then the downsampler."""

    def f(x: NDArray[Any]) -> NDArray[Any]:
        h = features(x, padding)
        if down == "max":
            return max_pool(h, 2)
        if down == "blur":
            out: NDArray[Any] = BlurPool(3, 2, padding)(torch.from_numpy(h)).numpy()
            return out
        if down == "aps":
            return aps_downsample(torch.from_numpy(h), 2)[0].numpy()
        return h

    return f


def readout(padding: Padding, down: str) -> Callable[[NDArray[Any]], NDArray[Any]]:
    f = network(padding, down)
    return lambda x: f(x).mean(axis=(2, 3))  # (N, C): the global average pool


class Explorable:
    """Opens the Explorable page in a fresh tab of the session's Chromium for each job."""

    def __init__(self, browser: Browser, base_url: str) -> None:
        self.browser = browser
        self.base_url = base_url

    def run(self, job: Callable[[Page], T], *, width: int = 1280) -> T:
        context = self.browser.new_context(
            viewport={"width": width, "height": 900},
            color_scheme="light",
            service_workers="block",
        )
        context.set_default_timeout(30_000)
        foreign, errors = keep_local(context, self.base_url), []
        page = context.new_page()
        page.on("pageerror", lambda error: errors.append(str(error)))
        page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
        try:
            page.goto(self.base_url + PATH, wait_until="load")
            page.wait_for_function("() => window.shiftlabExplorable !== undefined")
            result = job(page)
        finally:
            context.close()
        assert foreign == [], f"requests to other hosts: {foreign}"
        assert errors == [], f"errors in the page: {errors}"
        return result


@pytest.fixture(scope="module")
def explorable(browser: Browser, base_url: str, site: Path) -> Explorable:
    assert (site / PATH / "index.html").is_file(), f"no Explorable page in {site}"
    return Explorable(browser, base_url)


READ = """() => {
  const read = (id) => {
    const el = document.getElementById("ex-" + id);
    return { value: el.dataset.value, status: el.dataset.status, text: el.textContent };
  };
  const ids = ["v", "s", "u", "crop", "eq", "inv", "g0", "g1"];
  return { shown: Object.fromEntries(ids.map((id) => [id, read(id)])),
    state: window.shiftlabExplorable.state(), maps: window.shiftlabExplorable.maps() };
}"""
# Each shift through the page's hook, then READ: one round trip for a list of shifts.
READ_SHIFTS = f"""(shifts) => shifts.map((v) => {{
  window.shiftlabExplorable.set({{ shift: v }});
  return ({READ})();
}})"""


def choose(page: Page, *, pattern: str, padding: Padding, down: str, shift_mode: Padding) -> None:
    """Set the controls as a reader does; choosing a padding also picks its shift."""
    page.select_option("#ex-pattern", pattern)
    page.select_option("#ex-padding", padding)
    page.select_option("#ex-down", down)
    assert page.input_value("#ex-shiftmode") == padding
    page.select_option("#ex-shiftmode", shift_mode)


def close(shown: float, expected: float) -> bool:
    if math.isnan(expected):
        return math.isnan(shown)
    if math.isinf(expected):
        return shown == expected
    return abs(shown - expected) <= RTOL * abs(expected)


def assert_error(shown: dict[str, str], error: ShiftError) -> None:
    """The page's number (or its reason for having none) against the library's."""
    value = float(shown["value"])
    if not error.defined:
        assert shown["status"] == "undefined", shown
        assert shown["text"] == "undefined"
    elif math.isnan(error.relative_l2):
        assert shown["status"] in ("no-evidence", "empty"), shown
        assert math.isnan(value)
    else:
        assert shown["status"] == "value", shown
        assert close(value, error.relative_l2), (shown, error)
        if math.isfinite(value):  # the text is the value to four significant digits
            assert float(shown["text"]) == float(f"{value:.4g}")


def check_against_shiftlab(
    seen: dict[str, Any], padding: Padding, down: str, mode: Padding
) -> None:
    state, shown, maps = seen["state"], seen["shown"], seen["maps"]
    x = np.array(state["cells"], dtype=np.float64).reshape(1, 1, 16, 16)  # (N, C, H, W)
    v = tuple(state["shift"])
    s, crop = STRIDE[down], 1 if mode == "zero" else 0
    f = network(padding, down)
    shifted = (zero_shift if mode == "zero" else circular_shift)(x, v)
    assert np.array_equal(maps["xs"], shifted[0, 0])
    for name, ours in (("f", f(x)), ("fs", f(shifted))):
        np.testing.assert_allclose(maps[name], ours[0, 0], rtol=RTOL, atol=1e-12)
    h = features(x, padding)
    np.testing.assert_allclose(maps["h"], h[0, 0], rtol=RTOL, atol=1e-12)
    if down == "aps":
        phases = [int(aps_downsample(torch.from_numpy(h), 2)[1])]
        h_shifted = features(shifted, padding)
        phases.append(int(aps_downsample(torch.from_numpy(h_shifted), 2)[1]))
        assert maps["phase"] == phases
    eq = equivariance_error(f, x, [v], stride=s, crop=crop, shift_mode=mode).errors[0]
    inv = invariance_error(readout(padding, down), x, [v], shift_mode=mode).errors[0]
    assert shown["s"]["value"] == str(s)
    assert shown["crop"]["value"] == str(crop)
    u = "none" if eq.output_shift is None else ",".join(map(str, eq.output_shift))
    assert shown["u"]["value"] == u
    assert_error(shown["eq"], eq)
    assert_error(shown["inv"], inv)
    for key, value in (("g0", f(x).mean()), ("g1", f(shifted).mean())):
        assert close(float(shown[key]["value"]), float(value)), (key, shown[key], value)
    # The page: exact wherever defined with matching shifts (APS: not under zero fill).
    if mode == padding and (mode == "circular" or down != "aps"):
        assert shown["eq"]["status"] != "value" or float(shown["eq"]["value"]) == 0


PADDINGS: tuple[Padding, ...] = ("circular", "zero")
CASES = [(p, d) for p in PADDINGS for d in ("none", "max", "blur", "aps")]


@pytest.mark.parametrize(("padding", "down"), CASES, ids=["-".join(c) for c in CASES])
def test_numbers_match_shiftlab(explorable: Explorable, padding: Padding, down: str) -> None:
    other: Padding = "zero" if padding == "circular" else "circular"

    def job(page: Page) -> list[tuple[Padding, dict[str, Any]]]:
        seen = []
        for pattern in ("letter", "bar", "blob", "noise"):
            for mode in (padding, other):  # the matching shift, then the mixed test
                choose(page, pattern=pattern, padding=padding, down=down, shift_mode=mode)
                seen += [(mode, one) for one in page.evaluate(READ_SHIFTS, SHIFTS)]
        return seen

    seen = explorable.run(job)
    assert len(seen) == 4 * 2 * len(SHIFTS)
    for mode, one in seen:
        check_against_shiftlab(one, padding, down, mode)


@pytest.mark.parametrize(("padding", "down"), CASES, ids=["-".join(c) for c in CASES])
def test_the_shift_pad_shows_the_readout_change_of_every_shift(
    explorable: Explorable, padding: Padding, down: str
) -> None:
    def job(page: Page) -> dict[str, Any]:
        choose(page, pattern="noise", padding=padding, down=down, shift_mode=padding)
        return dict(page.evaluate(READ), sweep=page.evaluate("window.shiftlabExplorable.sweep()"))

    seen = explorable.run(job)
    x = np.array(seen["state"]["cells"], dtype=np.float64).reshape(1, 1, 16, 16)
    shifts = [(dy, dx) for dy in range(-8, 9) for dx in range(-8, 9)]
    report = invariance_error(readout(padding, down), x, shifts, shift_mode=padding)
    pad = seen["sweep"]
    assert len(pad) == len(shifts)
    for shown, error in zip(pad, report, strict=True):
        assert close(shown, error.relative_l2), (error.shift, shown, error.relative_l2)
    if padding == "zero":  # the page: noise fills the frame, every shift changes the read-out
        assert all(e.relative_l2 > 0 for e in report if e.shift != (0, 0))
    if padding == "circular" and down in ("none", "blur", "aps"):  # the page: never changes
        assert report.max_relative_l2 == 0
    if padding == "circular" and down == "max":  # the page: both components even, blank
        assert all(e.relative_l2 == 0 for e in report if e.shift[0] % 2 == e.shift[1] % 2 == 0)


def test_the_claims_of_the_page_hold_on_the_page(explorable: Explorable) -> None:
    def job(page: Page) -> dict[str, Any]:
        seen = {"default": page.evaluate(READ)}  # the letter, max-pool, v = (0, 1)
        seen["letter-pad"] = page.evaluate("window.shiftlabExplorable.sweep()")
        for down in ("aps", "max"):
            choose(page, pattern="noise", padding="zero", down=down, shift_mode="zero")
            page.evaluate("() => window.shiftlabExplorable.set({ shift: [0, 4] })")
            seen[f"{down}-zero-fill"] = page.evaluate(READ)
        choose(page, pattern="bar", padding="circular", down="aps", shift_mode="circular")
        seen["bar"] = page.evaluate(READ_SHIFTS, SHIFTS)
        return seen

    seen = explorable.run(job)
    default = seen["default"]
    assert default["state"] == {
        "pattern": "letter",
        "cells": default["state"]["cells"],
        "shift": [0, 1],
        "padding": "circular",
        "down": "max",
        "shiftMode": "circular",
    }
    assert default["shown"]["eq"]["status"] == "undefined"
    assert default["shown"]["inv"]["text"] == "0.2727"  # as the page's snippet prints
    check_against_shiftlab(default, "circular", "max", "circular")
    pad = np.array(seen["letter-pad"]).reshape(17, 17)  # rows dy = -8..8, columns dx
    odd_dx = np.arange(-8, 9) % 2 == 1
    assert (pad[:, odd_dx] > 0).all()
    assert (pad[:, ~odd_dx] == 0).all()
    aps, max_pool = seen["aps-zero-fill"], seen["max-zero-fill"]
    assert float(aps["shown"]["eq"]["value"]) > 0.1  # APS under an even zero-fill shift
    assert max_pool["shown"]["eq"]["text"] == "0"
    check_against_shiftlab(aps, "zero", "aps", "zero")
    check_against_shiftlab(max_pool, "zero", "max", "zero")
    for one in seen["bar"]:  # four tied norms: component (0, 0), and the same read-out
        assert one["maps"]["phase"] == [0, 0]
        assert one["shown"]["inv"]["text"] == "0"
        check_against_shiftlab(one, "circular", "aps", "circular")
    h = features(np.array(seen["bar"][0]["state"]["cells"]).reshape(1, 1, 16, 16), "circular")
    norms = {float((h[0, 0, i::2, j::2] ** 2).sum()) for i in (0, 1) for j in (0, 1)}
    assert len(norms) == 1


def test_drawing_with_the_mouse_and_the_keyboard(explorable: Explorable) -> None:
    def job(page: Page) -> dict[str, Any]:
        choose(page, pattern="empty", padding="circular", down="aps", shift_mode="circular")
        box = page.locator("#ex-x").bounding_box()
        assert box is not None
        cell = box["width"] / 16

        def at(i: float, j: float) -> tuple[float, float]:
            return box["x"] + (j + 0.5) * cell, box["y"] + (i + 0.5) * cell

        page.mouse.click(*at(2, 3))  # one cell
        page.mouse.move(*at(9, 4))  # a stroke along row 9, columns 4 to 8
        page.mouse.down()
        for j in range(5, 9):
            page.mouse.move(*at(9, j), steps=2)
        page.mouse.up()
        page.mouse.click(*at(9, 6))  # clicking a set cell clears it
        page.focus("#ex-x")  # the keyboard: a cursor at (0, 0), Space toggles
        for key in ("Space", "ArrowDown", "ArrowRight", "ArrowRight", "Enter"):
            page.keyboard.press(key)
        page.evaluate("() => window.shiftlabExplorable.set({ shift: [1, 3] })")
        return dict(page.evaluate(READ), pattern=page.input_value("#ex-pattern"))

    seen = explorable.run(job)
    cells = np.array(seen["state"]["cells"]).reshape(16, 16)
    expected = np.zeros((16, 16))
    expected[2, 3] = expected[9, [4, 5, 7, 8]] = expected[0, 0] = expected[1, 2] = 1
    assert np.array_equal(cells, expected)
    assert seen["pattern"] == "drawn"
    check_against_shiftlab(seen, "circular", "aps", "circular")


def test_arrow_keys_move_the_shift_and_focus_is_visible(explorable: Explorable) -> None:
    def job(page: Page) -> dict[str, Any]:
        page.focus("#ex-dx")
        page.keyboard.press("Tab")  # to the pad, as a keyboard user gets there
        focused = page.evaluate("() => document.activeElement.id")
        outline = page.evaluate("() => getComputedStyle(document.activeElement).outlineStyle")
        steps = {}
        for keys, name in (
            (["ArrowRight"] * 3 + ["ArrowDown"] * 2 + ["ArrowLeft"], "moved"),
            (["Home"], "home"),
            (["ArrowUp"] * 12, "clamped"),
        ):
            for key in keys:
                page.keyboard.press(key)
            steps[name] = page.evaluate("() => window.shiftlabExplorable.state().shift")
        steps["valuetext"] = page.get_attribute("#ex-pad", "aria-valuetext")
        steps["range"] = [page.input_value("#ex-dy"), page.input_value("#ex-dx")]
        page.focus("#ex-dx")
        page.keyboard.press("ArrowLeft")  # the range inputs move one axis each
        steps["range-key"] = page.evaluate("() => window.shiftlabExplorable.state().shift")
        return {"focused": focused, "outline": outline, **steps}

    seen = explorable.run(job)
    assert seen["focused"] == "ex-pad"
    assert seen["outline"] not in ("none", "")
    assert seen["moved"] == [2, 3]  # from the opening shift (0, 1)
    assert seen["home"] == [0, 0]
    assert seen["clamped"] == [-8, 0]
    assert seen["valuetext"] == "v = (-8, 0): -8 down, 0 right"
    assert seen["range"] == ["-8", "0"]
    assert seen["range-key"] == [-8, -1]


def test_fits_a_phone_and_follows_the_dark_palette(explorable: Explorable) -> None:
    def job(page: Page) -> dict[str, Any]:
        corner = """() => Array.from(
            document.getElementById("ex-f0").getContext("2d").getImageData(2, 2, 1, 1).data)"""
        light = page.evaluate(corner)
        page.locator('label[title="Switch to dark mode"]').click()
        page.wait_for_function("() => document.body.dataset.mdColorScheme === 'slate'")
        return {
            "scroll_width": page.evaluate("() => document.documentElement.scrollWidth"),
            "right_edges": page.evaluate(
                """() => Array.from(document.querySelectorAll('#shiftlab-explorable canvas,'
                  + ' #shiftlab-explorable select, #shiftlab-explorable input'))
                  .map((el) => el.getBoundingClientRect().right)"""
            ),
            "widths": page.evaluate(
                """() => Array.from(document.querySelectorAll('#shiftlab-explorable canvas'))
                  .map((el) => el.getBoundingClientRect().width)"""
            ),
            "light": light,
            "dark": page.evaluate(corner),
        }

    seen = explorable.run(job, width=390)
    assert seen["scroll_width"] <= 390
    assert max(seen["right_edges"]) <= 390
    assert min(seen["widths"]) >= 80  # every map readable: at least 5 px per cell
    assert sum(seen["light"][:3]) > 600  # the background drawn in the palette's colour
    assert sum(seen["dark"][:3]) < 200
