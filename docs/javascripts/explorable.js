/* The Explorable (docs/use-it/explorable.md): a 16 x 16 input, a fixed 3 x 3 filter, ReLU,
   a downsampler and a global mean, with the errors that shiftlab.measures reports.
   Plain ES2017, no dependencies, nothing loaded from anywhere. Each function names the
   library function it mirrors; tests/test_explorable.py compares the numbers this page
   shows with shiftlab's. A map is {h, w, d: Float64Array}, row-major. */
(() => {
  "use strict";
  const root = document.getElementById("shiftlab-explorable");
  if (!root) return;
  const N = 16, V = 8; // grid size; shifts from -V to V on each axis
  const FILTER = [-1, 0, 1, -2, 0, 2, -1, 0, 1]; // a vertical-edge filter, row-major
  const BLUR = [1, 2, 1, 2, 4, 2, 1, 2, 1].map((b) => b / 16); // binomial_filter(3)
  // Per downsampler: the stride, and the window's reach on one side (for the crop).
  const DOWN = { none: [1, 0], max: [2, 1], blur: [2, 1], aps: [2, 0] };
  const mod = (a, n) => ((a % n) + n) % n;
  const map = (h, w) => ({ h, w, d: new Float64Array(h * w) });
  const $ = (id) => document.getElementById("ex-" + id);

  // shifts.circular_shift (np.roll) and shifts.zero_shift, v = (dy, dx).
  function shift(m, dy, dx, mode) {
    const out = map(m.h, m.w);
    for (let i = 0; i < m.h; i++) for (let j = 0; j < m.w; j++) {
      let y = i - dy, x = j - dx;
      if (mode === "circular") { y = mod(y, m.h); x = mod(x, m.w); }
      else if (y < 0 || y >= m.h || x < 0 || x >= m.w) continue;
      out.d[i * m.w + j] = m.d[y * m.w + x];
    }
    return out;
  }

  // convolution.correlate(m, k, padding=pad, stride=s) for a 3 x 3 kernel, one sample of
  // padding per side: (n - 1) // s + 1 outputs per axis, as torch's conv2d.
  function correlate3(m, k, pad, s) {
    const out = map(Math.floor((m.h - 1) / s) + 1, Math.floor((m.w - 1) / s) + 1);
    for (let i = 0; i < out.h; i++) for (let j = 0; j < out.w; j++) {
      let sum = 0;
      for (let a = 0; a < 3; a++) for (let b = 0; b < 3; b++) {
        let y = s * i + a - 1, x = s * j + b - 1;
        if (pad === "circular") { y = mod(y, m.h); x = mod(x, m.w); }
        else if (y < 0 || y >= m.h || x < 0 || x >= m.w) continue; // zero padding
        sum += k[3 * a + b] * m.d[y * m.w + x];
      }
      out.d[i * out.w + j] = sum;
    }
    return out;
  }

  // The four polyphase components of stride 2, k = 2 i + j for h[i::2, j::2].
  function component(m, k) {
    const out = map(m.h >> 1, m.w >> 1);
    for (let i = 0; i < out.h; i++) for (let j = 0; j < out.w; j++) {
      out.d[i * out.w + j] = m.d[(2 * i + (k >> 1)) * m.w + 2 * j + (k & 1)];
    }
    return out;
  }

  // The network: h = ReLU(correlate(x)), f = downsample(h), g = mean of f (global_avg_pool).
  function forward(x, pad, down) {
    const h = correlate3(x, FILTER, pad, 1);
    h.d.forEach((v, i) => { h.d[i] = Math.max(v, 0); });
    let f = h, phase = null;
    if (down === "max") { // pooling.max_pool(h, 2): the max of each 2 x 2 block
      const c = [0, 1, 2, 3].map((k) => component(h, k));
      f = c[0];
      f.d.forEach((_, i) => { f.d[i] = Math.max(c[0].d[i], c[1].d[i], c[2].d[i], c[3].d[i]); });
    }
    if (down === "blur") f = correlate3(h, BLUR, pad, 2); // layers.BlurPool(3, 2, pad)
    if (down === "aps") { // layers.aps_downsample(h, 2): the largest L2 norm, first on ties
      let best = -1;
      for (let k = 0; k < 4; k++) {
        const c = component(h, k), norm = Math.sqrt(c.d.reduce((a, v) => a + v * v, 0));
        if (norm > best) { best = norm; f = c; phase = k; }
      }
    }
    return { h, f, phase, g: f.d.reduce((a, b) => a + b, 0) / f.d.length };
  }

  // measures._compare: relative L2 of a against the reference b; nan without evidence
  // (nothing to compare, or both sides zero), inf when only b is zero.
  function compare(a, b) {
    if (!a.length) return { value: NaN, status: "empty" };
    let peak = 0, diff = 0, scale = 0;
    a.forEach((v, i) => { peak = Math.max(peak, Math.abs(v), Math.abs(b[i])); });
    if (peak === 0) return { value: NaN, status: "no-evidence" };
    a.forEach((v, i) => { diff += ((v - b[i]) / peak) ** 2; scale += (b[i] / peak) ** 2; });
    return { value: scale ? Math.sqrt(diff) / Math.sqrt(scale) : Infinity, status: "value" };
  }

  // measures._window: `crop` off both sides; under zero fill, also the band of width |u|
  // (and the crop beyond it) on the side the zeros come in from.
  function window1(crop, n, band) {
    const lo = Math.min(n, crop + Math.max(band, 0));
    return [lo, Math.max(lo, Math.min(n, n - crop + Math.min(band, 0)))];
  }

  // Everything the page shows for one state.
  function measure(st) {
    const x = { h: N, w: N, d: Float64Array.from(st.cells) };
    const [dy, dx] = st.shift, mode = st.shiftMode, [s, reach] = DOWN[st.down];
    const xs = shift(x, dy, dx, mode);
    const a = forward(x, st.padding, st.down), b = forward(xs, st.padding, st.down);
    // The interior crop ceil(R / s) for zero-fill shifts, R = 1 (conv) + the pool's reach.
    const crop = mode === "zero" ? Math.ceil((1 + reach) / s) : 0;
    // equivariance_error decides on v mod N for circular shifts; s | N, so then s | v.
    const rep = mode === "circular" ? [mod(dy, N), mod(dx, N)] : [dy, dx];
    const out = { x, xs, a, b, s, crop, u: null, expected: null, win: null };
    out.eq = { value: NaN, status: "undefined" };
    if (rep.every((c) => c % s === 0)) {
      out.u = [dy / s, dx / s];
      out.expected = shift(a.f, out.u[0], out.u[1], mode); // T_{v/s} f(x)
      const band = mode === "zero" ? out.u : [0, 0], p = [], q = [];
      out.win = [window1(crop, a.f.h, band[0]), window1(crop, a.f.w, band[1])];
      const [[r0, r1], [c0, c1]] = out.win;
      for (let i = r0; i < r1; i++) for (let j = c0; j < c1; j++) {
        p.push(b.f.d[i * a.f.w + j]);
        q.push(out.expected.d[i * a.f.w + j]);
      }
      out.eq = compare(p, q);
    }
    out.inv = compare([b.g], [a.g]); // invariance_error of the read-out
    return out;
  }

  // Presets: multiples of 1/16, so that with the integer filter and the blur's sixteenths
  // every sum on the page is exact in floating point.
  function preset(name) {
    const c = new Array(N * N).fill(0);
    const set = (i, j, v = 1) => { c[i * N + j] = v; };
    if (name === "bar") for (let i = 4; i < 11; i++) { set(i, 7); set(i, 8); }
    if (name === "letter") {
      for (let i = 3; i < 13; i++) set(i, 5);
      for (let j = 6; j < 11; j++) set(3, j);
      for (let j = 6; j < 10; j++) set(7, j);
    }
    if (name === "blob") for (let i = 0; i < N; i++) for (let j = 0; j < N; j++) {
      set(i, j, Math.round(16 * Math.exp(-((i - 7.3) ** 2 + (j - 8.1) ** 2) / 8)) / 16);
    }
    if (name === "noise") { // mulberry32 with seed 1: the same noise on every visit
      let t = 1;
      for (let k = 0; k < N * N; k++) {
        t = (t + 0x6d2b79f5) | 0;
        let r = Math.imul(t ^ (t >>> 15), 1 | t);
        r = (r + Math.imul(r ^ (r >>> 7), 61 | r)) ^ r;
        c[k] = Math.floor((((r ^ (r >>> 14)) >>> 0) / 4294967296) * 17) / 16;
      }
    }
    return c;
  }

  const state = {
    pattern: "letter", cells: preset("letter"), shift: [0, 1],
    padding: "circular", down: "max", shiftMode: "circular",
  };
  let sweepKey = "", sweep = [], timer = 0, last = null, cursor = -1;

  // The read-out's invariance error at every shift of the pad: 290 forward passes, so
  // it runs once the controls have been still for 50 ms, not for every drawn cell.
  function sweepLater() {
    const key = JSON.stringify([state.cells, state.padding, state.down, state.shiftMode]);
    if (key === sweepKey) return;
    sweepKey = key;
    clearTimeout(timer);
    timer = setTimeout(sweepNow, 50);
  }
  function sweepNow() {
    clearTimeout(timer);
    timer = 0;
    const x = { h: N, w: N, d: Float64Array.from(state.cells) };
    const g = forward(x, state.padding, state.down).g;
    sweep = [];
    for (let dy = -V; dy <= V; dy++) for (let dx = -V; dx <= V; dx++) {
      sweep.push(compare([forward(shift(x, dy, dx, state.shiftMode), state.padding,
        state.down).g], [g]).value);
    }
    paintPad();
  }

  // Drawing, in the palette's colours: Material's CSS variables and the page's own.
  function colours() {
    const css = getComputedStyle(root), get = (n) => css.getPropertyValue(n).trim();
    return { fg: get("--md-default-fg-color"), bg: get("--md-default-bg-color"),
      line: get("--md-default-fg-color--lightest"), hot: get("--shiftlab-ex-hot"),
      mark: get("--md-accent-fg-color") };
  }

  // A map as cells whose opacity is |value| / vmax, a grid, then `extra` on top.
  function paint(canvas, m, vmax, colour, extra) {
    const ctx = canvas.getContext("2d"), S = canvas.width, c = S / m.w, col = colours();
    ctx.fillStyle = col.bg;
    ctx.fillRect(0, 0, S, S);
    ctx.fillStyle = colour || col.fg;
    m.d.forEach((v, k) => {
      ctx.globalAlpha = Math.min(1, Math.abs(v) / vmax);
      if (v) ctx.fillRect((k % m.w) * c, Math.floor(k / m.w) * c, c, c);
    });
    ctx.globalAlpha = 1;
    ctx.strokeStyle = col.line;
    ctx.lineWidth = 1;
    ctx.beginPath();
    for (let k = 0; k <= m.w; k++) {
      ctx.moveTo(k * c, 0); ctx.lineTo(k * c, S); ctx.moveTo(0, k * c); ctx.lineTo(S, k * c);
    }
    ctx.stroke();
    if (extra) extra(ctx, c, col);
  }
  const ring = (ctx, colour, width, x, y, c) => {
    ctx.strokeStyle = colour;
    ctx.lineWidth = width;
    ctx.strokeRect(x * c, y * c, c, c);
  };

  const peak = (...ms) => Math.max(1e-300, ...ms.map((m) => Math.max(...m.d.map(Math.abs))));
  const fmt4 = (v) => (v === 0 ? "0" : String(Number(v.toPrecision(4))));
  const WHY = { undefined: "undefined", "no-evidence": "no evidence (both zero)",
    empty: "nothing to compare" };
  const fmt = (r) => WHY[r.status] || (r.value === Infinity ? "∞" : fmt4(r.value));
  // A number as text, with its unrounded value (and its status) in data attributes.
  function show(id, value, text) {
    const el = $(id);
    el.dataset.value = String(value.status ? value.value : value);
    if (value.status) el.dataset.status = value.status;
    el.textContent = text;
  }

  function render() {
    sweepLater();
    const m = (last = measure(state)), [dy, dx] = state.shift;
    for (const el of root.querySelectorAll("select")) el.value = state[el.dataset.key];
    $("dy").value = dy;
    $("dx").value = dx;
    $("pad").setAttribute("aria-valuenow", String(dx));
    $("pad").setAttribute("aria-valuetext", `v = (${dy}, ${dx}): ${dy} down, ${dx} right`);
    const vx = peak(m.x, m.xs), vh = peak(m.a.h, m.b.h), vf = peak(m.a.f, m.b.f);
    paint($("x"), m.x, vx, null, (ctx, c, col) => {
      if (cursor >= 0 && document.activeElement === $("x")) {
        ring(ctx, col.mark, c / 5, cursor % N, Math.floor(cursor / N), c);
      }
    });
    const maps = { xs: [m.xs, vx], h0: [m.a.h, vh], h1: [m.b.h, vh], f0: [m.a.f, vf],
      f1: [m.b.f, vf] };
    for (const id in maps) paint($(id), ...maps[id]);
    const diff = map(m.a.f.h, m.a.f.w);
    if (m.expected) diff.d.forEach((_, i) => { diff.d[i] = m.b.f.d[i] - m.expected.d[i]; });
    paint($("diff"), diff, vf, colours().hot, (ctx, c, col) => {
      if (!m.win) return;
      const [[r0, r1], [c0, c1]] = m.win; // the compared window: dashed, the rest dimmed
      ctx.fillStyle = col.bg;
      ctx.globalAlpha = 0.6;
      ctx.beginPath();
      ctx.rect(0, 0, diff.w * c, diff.h * c);
      ctx.rect(c0 * c, r0 * c, (c1 - c0) * c, (r1 - r0) * c);
      ctx.fill("evenodd");
      ctx.globalAlpha = 1;
      ctx.strokeStyle = col.mark;
      ctx.lineWidth = c / 6;
      ctx.setLineDash([c / 2, c / 3]);
      ctx.strokeRect(c0 * c, r0 * c, (c1 - c0) * c, (r1 - r0) * c);
      ctx.setLineDash([]);
    });
    paintPad();
    const ph = (p) => (p === null ? "" : ` (component (${p >> 1}, ${p & 1}))`);
    show("v", `${dy},${dx}`, `v = (${dy}, ${dx})`);
    show("s", m.s, String(m.s));
    show("u", m.u ? m.u.join(",") : "none", m.u ? `(${m.u.join(", ")})` : "none");
    show("crop", m.crop, String(m.crop));
    show("eq", m.eq, fmt(m.eq));
    show("inv", m.inv, fmt(m.inv));
    show("g0", m.a.g, fmt4(m.a.g) + ph(m.a.phase));
    show("g1", m.b.g, fmt4(m.b.g) + ph(m.b.phase));
    // The texts are in the page; show the ones that apply.
    for (const el of root.querySelectorAll("[data-when]")) {
      const [key, value] = el.dataset.when.split("=");
      const now = key === "match" ? String(state.shiftMode === state.padding)
        : key === "defined" ? String(!!m.u) : state[key];
      el.hidden = now !== value;
    }
  }

  // The pad: colour is the read-out change, scaled to the largest finite one; an infinite
  // change (from a read-out of 0) is full colour, and a dot marks no evidence (both 0).
  function paintPad() {
    const n = 2 * V + 1, finite = sweep.filter(Number.isFinite), m = map(n, n);
    const big = Math.max(0, ...finite), inf = sweep.includes(Infinity);
    const nan = sweep.length - finite.length - sweep.filter((e) => e === Infinity).length;
    sweep.forEach((e, i) => { m.d[i] = e === e ? Math.min(e, big || 1) : 0; });
    paint($("padcanvas"), m, big || 1, colours().hot, (ctx, c, col) => {
      ctx.fillStyle = col.fg;
      sweep.forEach((e, i) => {
        if (e !== e) ctx.fillRect((i % n + 0.4) * c, (Math.floor(i / n) + 0.4) * c, c / 5, c / 5);
      });
      ring(ctx, col.fg, c / 8, V, V, c); // v = (0, 0)
      ring(ctx, col.mark, c / 4, state.shift[1] + V, state.shift[0] + V, c);
    });
    const note = [];
    if (big) note.push(`Darkest cell: a read-out change of ${fmt4(big)}.`);
    else if (finite.length && !inf) note.push("No shift of the pad changes the read-out.");
    if (inf) note.push("Full colour also marks an infinite change, from a read-out of 0.");
    if (nan) note.push("A dot: the read-out is 0 before and after, no evidence.");
    $("pad-note").textContent = note.join(" ");
  }

  // The one way in, for the controls and for tests: merge a partial state and redraw.
  function set(partial) {
    Object.assign(state, partial);
    if (partial.pattern && partial.pattern !== "drawn" && !partial.cells) {
      state.cells = preset(partial.pattern);
    }
    state.shift = state.shift.map((v) => Math.max(-V, Math.min(V, Math.round(v))));
    render();
  }
  const rows = (m) => Array.from({ length: m.h },
    (_, i) => Array.from(m.d.slice(i * m.w, (i + 1) * m.w)));
  window.shiftlabExplorable = {
    set,
    state: () => JSON.parse(JSON.stringify(state)),
    // The maps behind the pictures, and the pad's numbers, for the tests.
    maps: () => ({ h: rows(last.a.h), f: rows(last.a.f), fs: rows(last.b.f), xs: rows(last.xs),
      phase: [last.a.phase, last.b.phase] }),
    sweep: () => (timer && sweepNow(), sweep.slice()),
  };

  // Controls; choosing a padding also chooses its shift.
  for (const el of root.querySelectorAll("select")) {
    el.addEventListener("change", () => {
      set(Object.assign({ [el.dataset.key]: el.value },
        el.dataset.key === "padding" ? { shiftMode: el.value } : {}));
    });
  }
  for (const axis of ["dy", "dx"]) {
    $(axis).addEventListener("input", () => set({ shift: [+$("dy").value, +$("dx").value] }));
  }

  // A drag on an element: `press` on pointer down (false: not here), `move` while held.
  function drag(el, press, move) {
    el.addEventListener("pointerdown", (ev) => {
      if (press(ev) !== false) el.setPointerCapture(ev.pointerId);
    });
    el.addEventListener("pointermove", (ev) => el.hasPointerCapture(ev.pointerId) && move(ev));
  }

  // The shift pad: drag or click to pick v; the arrow keys step it, Home resets it.
  const pad = $("pad"), STEP = { ArrowUp: [-1, 0], ArrowDown: [1, 0], ArrowLeft: [0, -1],
    ArrowRight: [0, 1] };
  const padShift = (ev) => {
    const r = $("padcanvas").getBoundingClientRect();
    const at = (p, lo, size) => Math.floor(((p - lo) / size) * (2 * V + 1)) - V;
    set({ shift: [at(ev.clientY, r.top, r.height), at(ev.clientX, r.left, r.width)] });
  };
  drag(pad, padShift, padShift);
  pad.addEventListener("keydown", (ev) => {
    const d = STEP[ev.key];
    if (d) set({ shift: [state.shift[0] + d[0], state.shift[1] + d[1]] });
    else if (ev.key === "Home") set({ shift: [0, 0] });
    else return;
    ev.preventDefault(); // the arrows move the shift, not the page
  });

  // Drawing on the input: a click or a drag sets cells (to 0 if the first one was set);
  // on the keyboard the arrow keys move a cursor, Space or Enter toggles its cell.
  const input = $("x");
  let ink = 1;
  const cellAt = (ev) => {
    const r = input.getBoundingClientRect();
    const i = Math.floor(((ev.clientY - r.top) / r.height) * N);
    const j = Math.floor(((ev.clientX - r.left) / r.width) * N);
    return i >= 0 && i < N && j >= 0 && j < N ? i * N + j : -1;
  };
  const draw = (k, value) => {
    const cells = state.cells.slice();
    cells[k] = value;
    set({ pattern: "drawn", cells });
  };
  drag(input, (ev) => {
    const k = cellAt(ev);
    if (k < 0) return false;
    ink = state.cells[k] > 0 ? 0 : 1;
    draw(k, ink);
  }, (ev) => {
    const k = cellAt(ev);
    if (k >= 0 && state.cells[k] !== ink) draw(k, ink);
  });
  input.addEventListener("focus", () => { cursor = Math.max(cursor, 0); render(); });
  input.addEventListener("blur", render);
  input.addEventListener("keydown", (ev) => {
    const d = STEP[ev.key];
    if (d) {
      cursor = mod(Math.floor(cursor / N) + d[0], N) * N + mod((cursor % N) + d[1], N);
      render();
    } else if (ev.key === " " || ev.key === "Enter") draw(cursor, state.cells[cursor] > 0 ? 0 : 1);
    else return;
    ev.preventDefault();
  });

  // Redraw when the reader switches between the light and the dark palette.
  new MutationObserver(render).observe(document.body, {
    attributes: true, attributeFilter: ["data-md-color-scheme"],
  });
  render();
})();
