// EcosystemSim lab: the page of `ecosim serve` (docs/lab.md, docs/api.md).
// Plain JavaScript, no library and nothing fetched from outside: it works offline. Every string
// that comes from the server goes into the page as text (textContent), never as markup.
'use strict';

(function () {
  // ================================================================ token and API

  const TOKEN_KEY = 'ecosim_lab_token';

  // The token comes in the address ecosim serve prints (?token=...); it is kept for this tab only
  // and taken out of the address bar so that it does not end up in bookmarks or screenshots.
  function readToken() {
    const params = new URLSearchParams(location.search);
    const fromUrl = params.get('token');
    if (fromUrl) {
      sessionStorage.setItem(TOKEN_KEY, fromUrl);
      params.delete('token');
      const rest = params.toString();
      history.replaceState(null, '', location.pathname + (rest ? '?' + rest : '') + location.hash);
    }
    return sessionStorage.getItem(TOKEN_KEY);
  }

  const token = readToken();

  class ApiError extends Error {
    constructor(status, body) {
      super((body && body.error) || ('HTTP ' + status));
      this.status = status;
      this.body = body || {};
      this.problems = (body && Array.isArray(body.problems)) ? body.problems : [];
    }
  }

  let pending = 0;
  function busy(delta) {
    pending += delta;
    const b = document.getElementById('busy');
    if (b) b.hidden = pending <= 0;
  }

  async function api(method, path, body) {
    const headers = { 'Accept': 'application/json' };
    if (token) headers['Authorization'] = 'Bearer ' + token;
    const init = { method, headers, cache: 'no-store' };
    if (body !== undefined) {
      headers['Content-Type'] = 'application/json';
      init.body = JSON.stringify(body);
    }
    busy(1);
    try {
      let res;
      try { res = await fetch(path, init); } catch (e) {
        throw new ApiError(0, { error: 'the server does not answer (is ecosim serve still running?)' });
      }
      const text = await res.text();
      let data = null;
      if (text) {
        try { data = JSON.parse(text); } catch (e) { data = { error: text.slice(0, 300) }; }
      }
      if (!res.ok) {
        const err = new ApiError(res.status, data);
        if (res.status === 401) onUnauthorised(err);
        throw err;
      }
      return data;
    } finally {
      busy(-1);
    }
  }

  const get = (path) => api('GET', path);
  const post = (path, body) => api('POST', path, body === undefined ? {} : body);
  const runPath = (id, rest) => '/api/runs/' + encodeURIComponent(id) + (rest || '');

  // ================================================================ DOM helpers

  const SVG_NS = 'http://www.w3.org/2000/svg';
  const SVG_TAGS = new Set(['svg', 'g', 'path', 'line', 'circle', 'text', 'rect', 'polyline', 'polygon', 'title', 'tspan']);

  // el('div', {class: 'x', testid: 'y', onclick: f}, child, 'text', ...): strings become text nodes.
  function el(tag, attrs, ...children) {
    const svg = SVG_TAGS.has(tag) && (tag !== 'title' || (attrs && attrs.svg));
    const node = svg ? document.createElementNS(SVG_NS, tag) : document.createElement(tag);
    if (attrs) {
      for (const [k, v] of Object.entries(attrs)) {
        if (v === undefined || v === null || v === false || k === 'svg') continue;
        if (k === 'dataset') { for (const [dk, dv] of Object.entries(v)) node.dataset[dk] = String(dv); }
        else if (k === 'testid') node.setAttribute('data-testid', v);
        else if (k.startsWith('on') && typeof v === 'function') node.addEventListener(k.slice(2), v);
        else if (k === 'text') node.textContent = String(v);
        else if (k === 'value' && !svg) node.value = v;
        else if (k === 'checked' || k === 'disabled' || k === 'readOnly' || k === 'selected' || k === 'open' || k === 'hidden') node[k] = !!v;
        else node.setAttribute(k, v === true ? '' : String(v));
      }
    }
    append(node, children);
    return node;
  }

  // An SVG <title> (a tooltip), which el() would otherwise make in HTML.
  const svgTitle = (text) => el('title', { svg: true, text });

  function append(node, children) {
    for (const c of children) {
      if (c === null || c === undefined || c === false) continue;
      if (Array.isArray(c)) append(node, c);
      else if (c instanceof Node) node.appendChild(c);
      else node.appendChild(document.createTextNode(String(c)));
    }
  }

  function clear(node) { while (node.firstChild) node.removeChild(node.firstChild); return node; }

  function showError(err) {
    const box = document.getElementById('error');
    if (!box) return;
    clear(box);
    if (!err) { box.hidden = true; return; }
    const msg = err instanceof ApiError ? err.message + (err.status ? ' (HTTP ' + err.status + ')' : '') : String(err.message || err);
    box.appendChild(el('span', { text: msg, testid: 'error-text' }));
    box.appendChild(el('button', { class: 'link', text: 'dismiss', onclick: () => showError(null) }));
    box.hidden = false;
  }

  // Runs an async action for a button: disables it meanwhile and shows errors in the banner.
  async function act(button, fn) {
    if (button) button.disabled = true;
    try { showError(null); return await fn(); }
    catch (e) { if (!(e instanceof ApiError && e.status === 401)) showError(e); return undefined; }
    finally { if (button && button.isConnected) button.disabled = false; }
  }

  // ================================================================ formatting

  const isShare = (unit) => /^share/.test(unit || '');

  function fmt(v, unit) {
    if (v === null || v === undefined || (typeof v === 'number' && !isFinite(v))) return '—';
    if (typeof v === 'boolean') return v ? 'yes' : 'no';
    if (typeof v !== 'number') return String(v);
    if (isShare(unit)) return trim(v * 100, Math.abs(v) < 0.1 ? 2 : 1) + '%';
    return fmtNumber(v);
  }

  function fmtNumber(v) {
    const a = Math.abs(v);
    if (a >= 1e12) return trim(v / 1e12, 2) + ' tn';
    if (a >= 1e9) return trim(v / 1e9, 2) + ' bn';
    if (a >= 1e6) return trim(v / 1e6, 2) + ' M';
    if (a >= 1e4) return Math.round(v).toLocaleString('en');
    if (a >= 100) return trim(v, 1);
    if (a >= 1) return trim(v, 2);
    if (a === 0) return '0';
    return trim(v, 4);
  }

  const trim = (v, digits) => String(Number(v.toFixed(digits)));

  // Money in fen (the model's integer cents) as yuan.
  const yuan = (fen) => (typeof fen === 'number' ? fen / 100 : fen);
  const yuanText = (fen) => (typeof fen === 'number' ? fmtYuan(fen / 100) : '—');
  function fmtYuan(v) {
    if (v === null || v === undefined || !isFinite(v)) return '—';
    return Math.abs(v) >= 1e6 ? fmtNumber(v) : v.toLocaleString('en', { maximumFractionDigits: Math.abs(v) >= 100 ? 0 : 2 });
  }
  const pct = (v) => (typeof v === 'number' && isFinite(v) ? trim(v * 100, 1) + '%' : '—');

  function jsonText(v) {
    try { return JSON.stringify(v); } catch (e) { return String(v); }
  }

  // A value as it reads in a field or a sentence: objects and lists as JSON, the rest as text.
  const valueText = (v) => (v === undefined ? '' : v !== null && typeof v === 'object' ? jsonText(v) : String(v));

  // ================================================================ shared data (cached)

  const cache = {};
  function cached(key, loader) {
    if (!cache[key]) cache[key] = loader().catch((e) => { delete cache[key]; throw e; });
    return cache[key];
  }
  const scenarios = () => cached('scenarios', () => get('/api/scenarios'));
  const parameters = () => cached('parameters', () => get('/api/parameters'));
  const metricsInfo = () => cached('metrics', () => get('/api/metrics').then((list) => {
    const m = {};
    for (const x of list || []) m[x.name] = x;
    return m;
  }));
  const scenarioDetail = (name) => cached('scenario:' + name, () => get('/api/scenarios/' + encodeURIComponent(name)));

  // Households for runs started from the catalogue; blank keeps each scenario's own (the teaching
  // scenarios are sized so that a year takes well under a second and the lesson shows).
  const HOUSEHOLDS_KEY = 'ecosim_lab_households';
  const startHouseholds = () => sessionStorage.getItem(HOUSEHOLDS_KEY) || '';

  // ================================================================ routing

  let cleanup = [];
  function onLeave(fn) { cleanup.push(fn); }

  function route() {
    for (const fn of cleanup) { try { fn(); } catch (e) { /* a view's cleanup never stops the next view */ } }
    cleanup = [];
    showError(null);
    document.body.classList.remove('classroom');
    const app = clear(document.getElementById('app'));
    if (!token || refused) { renderNoToken(app, refused); return; }
    const parts = (location.hash.replace(/^#\/?/, '') || '').split('/').map(decodeURIComponent);
    const view = parts[0] || '';
    const go = {
      '': () => renderCatalogue(app),
      'runs': () => renderRuns(app),
      'new': () => renderForm(app, parts[1]),
      'run': () => renderRun(app, parts[1], parts[2] || 'charts'),
      'compare': () => renderCompare(app, parts[1], parts[2]),
      'class': () => renderClassroom(app, parts[1]),
    }[view];
    document.body.dataset.view = go ? (view || 'catalogue') : 'catalogue';
    for (const a of document.querySelectorAll('header.top nav a')) a.classList.toggle('active', a.getAttribute('href') === '#/' + (view === 'runs' ? 'runs' : ''));
    Promise.resolve(go ? go() : renderCatalogue(app)).catch((e) => {
      if (e instanceof ApiError && e.status === 401) return;
      showError(e);
      app.appendChild(el('p', { class: 'muted', text: 'This view could not be loaded.' }));
    });
  }

  function navigate(hash) {
    if (location.hash === hash) route(); else location.hash = hash;
  }

  // ================================================================ no token, or a token the server refuses

  let refused = null; // the 401 that refused this page's token
  function onUnauthorised(err) {
    if (refused) return;
    refused = err;
    for (const fn of cleanup) { try { fn(); } catch (e) { /* leaving */ } }
    cleanup = [];
    renderNoToken(clear(document.getElementById('app')), err);
  }

  async function renderNoToken(app, err) {
    const box = el('section', { class: 'card notice', testid: 'no-token' });
    app.appendChild(box);
    if (!err && !token) {
      // Ask the server anyway (it may know this browser by its cookie), to say exactly what it answers.
      try {
        const res = await fetch('/api/scenarios', { headers: { 'Accept': 'application/json' }, cache: 'no-store' });
        let body = null;
        try { body = await res.json(); } catch (e) { body = null; }
        if (!res.ok) err = new ApiError(res.status, body);
      } catch (e) {
        err = new ApiError(0, { error: 'the server does not answer' });
      }
    }
    const code = err ? err.status : 0;
    box.appendChild(el('h1', { testid: 'no-token-title', text: token
      ? 'The server refused this page\'s token' + (code ? ' (HTTP ' + code + ')' : '')
      : 'This page has no token' + (code ? ' (HTTP ' + code + ' Unauthorized)' : '') }));
    box.appendChild(el('p', { text: 'The lab only works from the address that ecosim serve printed when it started, ' +
      'http://127.0.0.1:PORT/?token=…. The token in it lets this page drive the simulation; without it every call is refused.' }));
    if (err && err.message) box.appendChild(el('p', null, el('strong', { text: 'The server said: ' }), el('span', { testid: 'no-token-server', text: err.message })));
    box.appendChild(el('p', { text: 'Start the server and open the address from its first line of output:' }));
    box.appendChild(el('pre', { text: 'ecosim serve\n# or, from the source tree:\ndotnet run --project Host -c Release -- serve' }));
    if (token) box.appendChild(el('p', { class: 'muted', text: 'A server that was restarted has a new token: open its new address.' }));
  }

  // ================================================================ catalogue

  async function renderCatalogue(app) {
    const list = await scenarios();
    const households = el('input', { type: 'number', min: 1, step: 100, value: startHouseholds(), placeholder: 'the scenario\'s own', testid: 'start-households', class: 'narrow' });
    households.addEventListener('change', () => {
      const n = Math.round(Number(households.value));
      sessionStorage.setItem(HOUSEHOLDS_KEY, households.value.trim() !== '' && n > 0 ? String(n) : '');
    });
    app.appendChild(el('div', { class: 'page-head' },
      el('h1', { text: 'Scenarios' }),
      el('p', { class: 'lead', text: 'Start a scenario and steer it year by year, or open its form to change levers before it starts. ' +
        'Teaching scenarios also have a classroom view: one question, one chart, large type.' }),
      el('label', { class: 'opt inline' }, el('span', { text: 'Runs started here have' }), households,
        el('span', { text: 'households (blank: the scenario\'s own; fewer run faster but vary more)' }))));
    const start = (name, view) => (ev) => act(ev.currentTarget, async () => {
      const n = Math.round(Number(households.value));
      const st = await post('/api/runs', households.value.trim() !== '' && n > 0 ? { scenario: name, households: n } : { scenario: name });
      navigate('#/' + view + '/' + encodeURIComponent(st.id));
    });
    const card = (s) => el('article', { class: 'card scenario' + (s.teaching ? ' teaching' : ''), testid: 'scenario-card', dataset: { name: s.name } },
      el('header', null,
        el('h2', { text: s.name }),
        s.teaching ? el('span', { class: 'badge', text: 'teaching', testid: 'teaching-badge' }) : null),
      s.question ? el('p', { class: 'question', text: s.question }) : null,
      s.description ? el('p', { class: 'desc', text: s.description }) : null,
      el('div', { class: 'actions' },
        el('button', { class: 'primary', testid: 'btn-start', text: 'Start', onclick: start(s.name, 'run') }),
        el('a', { class: 'button', href: '#/new/' + encodeURIComponent(s.name), testid: 'btn-form', text: 'Change levers first' }),
        s.lesson ? el('button', { testid: 'btn-class', text: 'Classroom view', onclick: start(s.name, 'class') }) : null));
    const teaching = list.filter((s) => s.teaching), reforms = list.filter((s) => !s.teaching);
    if (teaching.length) {
      app.appendChild(el('h2', { class: 'section-title', text: 'Teaching scenarios' }));
      app.appendChild(el('div', { class: 'cards', testid: 'catalogue-teaching' }, teaching.map(card)));
    }
    app.appendChild(el('h2', { class: 'section-title', text: 'The baseline and the reforms' }));
    app.appendChild(el('div', { class: 'cards', testid: 'catalogue' }, reforms.map(card)));
  }

  async function renderRuns(app) {
    const runs = await get('/api/runs');
    app.appendChild(el('div', { class: 'page-head' }, el('h1', { text: 'Runs' }),
      el('p', { class: 'lead', text: 'The runs this server holds. A run nobody has looked at for a while is removed (ecosim serve --idle-minutes).' })));
    if (!runs.length) { app.appendChild(el('p', { class: 'muted', text: 'No runs yet: start one from the scenarios.' })); return; }
    const head = ['run', 'scenario', 'state', 'year', 'households', 'replications', 'seed', ''];
    const numeric = new Set(['households', 'replications', 'seed']);
    const table = el('table', { class: 'data', testid: 'runs-table' },
      el('thead', null, el('tr', null, head.map((h) => el('th', { text: h, class: numeric.has(h) ? 'num' : null })))));
    const body = el('tbody');
    for (const r of runs) {
      body.appendChild(el('tr', null,
        el('td', null, el('a', { href: '#/run/' + encodeURIComponent(r.id), text: r.id })),
        el('td', { text: r.scenario }),
        el('td', null, el('span', { class: 'pill state-' + r.state, text: r.state })),
        el('td', { text: r.year === null || r.year === undefined ? 'not started' : r.year + ' of ' + r.end_year }),
        el('td', { class: 'num', text: r.households.toLocaleString('en') }), el('td', { class: 'num', text: String(r.replications) }),
        el('td', { class: 'num', text: String(r.seed) }),
        el('td', null, el('button', { class: 'link danger', text: 'delete', onclick: (ev) => act(ev.currentTarget, async () => {
          await api('DELETE', runPath(r.id));
          route();
        }) }))));
    }
    table.appendChild(body);
    app.appendChild(el('div', { class: 'table-wrap card' }, table));
  }

  // ================================================================ the parameter tree

  const REGIONS = ['east', 'central', 'west', 'northeast'];

  // The tree with its record lists (market.products[ID].field) expanded for each element the
  // scenario has (ids: {'market.products': ['open_cover'], ...}); the element's id field is left out.
  function expandParams(params, ids) {
    const out = [];
    const done = new Set();
    for (const p of params) {
      const m = /^(.+)\[ID\]\.(.+)$/.exec(p.path);
      if (!m) { out.push(p); continue; }
      const list = m[1];
      if (done.has(list)) continue;
      done.add(list);
      const fields = params.filter((q) => q.path.startsWith(list + '[ID].') && !q.path.endsWith('[ID].id'));
      for (const id of ids[list] || []) {
        for (const q of fields) {
          out.push(Object.assign({}, q, { path: list + '[' + id + ']' + q.path.slice(list.length + 4), element: list + '[' + id + ']', default: undefined }));
        }
      }
    }
    return out;
  }

  // Element ids by record list, from paths such as market.products[open_cover].premium_yuan.
  function elementIds(paths) {
    const ids = {};
    for (const k of paths) {
      const m = /^(.+)\[([^\]]+)\]\./.exec(k);
      if (!m) continue;
      const list = (ids[m[1]] = ids[m[1]] || []);
      if (!list.includes(m[2])) list.push(m[2]);
    }
    return ids;
  }

  function rangeText(p) {
    const lo = p.min === null || p.min === undefined ? null : p.min;
    const hi = p.max === null || p.max === undefined ? null : p.max;
    if (lo === null && hi === null) return '';
    if (lo === null) return 'at most ' + fmtBound(hi);
    if (hi === null) return 'at least ' + fmtBound(lo);
    return fmtBound(lo) + ' to ' + fmtBound(hi);
  }
  const fmtBound = (v) => (Math.abs(v) >= 1e4 ? v.toLocaleString('en') : String(v));

  function hintText(p) {
    const unit = p.unit && p.unit !== p.kind && p.unit !== 'text' && p.unit !== 'choice' ? p.unit : '';
    const kind = p.kind === 'by_region' ? 'one value per region' : p.kind === 'schedule' ? 'values by year, as JSON {"YEAR": value}'
      : p.kind === 'list' ? 'a list, as JSON [a, b, …]' : '';
    return [unit, rangeText(p), kind].filter(Boolean).join(' · ');
  }

  // The problem with a typed value, or null: numbers, whole numbers, ranges, JSON for lists and schedules.
  function checkValue(p, raw) {
    const text = String(raw).trim();
    if (p.kind === 'schedule' || p.kind === 'list') {
      let v;
      try { v = JSON.parse(text); } catch (e) { return 'not valid JSON: ' + (p.kind === 'list' ? 'write [a, b, …]' : 'write {"2025": value, …}'); }
      if (p.kind === 'list' && !Array.isArray(v)) return 'a list is needed: [a, b, …]';
      if (p.kind === 'schedule' && (v === null || typeof v !== 'object' || Array.isArray(v))) return 'a mapping of year to value is needed: {"2025": value}';
      const items = Array.isArray(v) ? v : Object.values(v);
      for (const x of items) if (typeof x === 'number') { const m = rangeProblem(p, x); if (m) return m; }
      if (p.kind === 'schedule') for (const y of Object.keys(v)) if (!/^\d{4}$/.test(y)) return '"' + y + '" is not a year';
      return null;
    }
    if (p.kind !== 'number' && p.kind !== 'integer' && p.kind !== 'by_region') return null;
    if (text === '') return 'a value is needed';
    const v = Number(text);
    if (!isFinite(v)) return 'not a number';
    if (p.kind === 'integer' && !Number.isInteger(v)) return 'a whole number is needed';
    return rangeProblem(p, v);
  }

  function rangeProblem(p, v) {
    const unit = p.unit && p.unit !== 'share' ? ' ' + p.unit : '';
    if (p.min !== null && p.min !== undefined && v < p.min) return v + ' is below the minimum, ' + fmtBound(p.min) + unit;
    if (p.max !== null && p.max !== undefined && v > p.max) return v + ' is above the maximum, ' + fmtBound(p.max) + unit;
    return null;
  }

  // A value typed in a text field: JSON where it parses (numbers, true, lists, {...}), text otherwise.
  function parseTyped(p, text) {
    const t = String(text).trim();
    if (p && (p.kind === 'text' || p.kind === 'choice')) return t;
    try { return JSON.parse(t); } catch (e) { return t; }
  }

  // ================================================================ scenario form

  // One lever's field: {node, path, changes(), validate(), showProblem(msg), isChanged(), reset()}.
  function paramField(p, value) {
    const name = p.element ? p.path.slice(p.element.length + 1) : p.path.split('.').slice(1).join('.') || p.path;
    const wrap = el('div', { class: 'field', dataset: { path: p.path, kind: p.kind }, testid: 'field' });
    const problem = el('div', { class: 'problem', testid: 'field-problem', role: 'status' });
    const inputs = []; // {input, path, initial, current(), read()}
    const scenarioSet = p.default !== undefined && p.default !== null && jsonText(value) !== jsonText(p.default);

    function textInput(path, v, attrs) {
      const input = el('input', Object.assign({ type: 'text', value: valueText(v), testid: 'param-' + path, 'aria-label': path, spellcheck: 'false' }, attrs || {}));
      inputs.push({ input, path, initial: input.value, read: () => parseTyped(p, input.value) });
      return input;
    }
    function numberInput(path, v) {
      const input = textInput(path, v, { inputmode: 'decimal', class: 'number' });
      inputs[inputs.length - 1].read = () => Number(input.value);
      return input;
    }

    let control;
    switch (p.kind) {
      case 'number':
      case 'integer':
        control = numberInput(p.path, value);
        break;
      case 'bool': {
        const input = el('input', { type: 'checkbox', checked: !!value, testid: 'param-' + p.path, 'aria-label': p.path });
        inputs.push({ input, path: p.path, initial: String(!!value), current: () => String(input.checked), read: () => input.checked });
        control = el('label', { class: 'check' }, input, el('span', { text: 'yes' }));
        break;
      }
      case 'choice': {
        const select = el('select', { testid: 'param-' + p.path, 'aria-label': p.path },
          (p.choices || []).map((c) => el('option', { value: c, text: c, selected: c === value })));
        inputs.push({ input: select, path: p.path, initial: select.value, read: () => select.value });
        control = select;
        break;
      }
      case 'by_region':
        control = el('div', { class: 'regions' }, REGIONS.map((r) =>
          el('label', { class: 'region' }, el('span', { text: r }), numberInput(p.path + '.' + r, value && typeof value === 'object' ? value[r] : undefined))));
        break;
      case 'schedule':
      case 'list':
        control = textInput(p.path, value === undefined ? null : value, { class: 'json' });
        break;
      default:
        control = textInput(p.path, value);
    }
    const reset = el('button', { class: 'link reset', type: 'button', text: 'reset', title: 'back to the scenario\'s value', hidden: true,
      onclick: () => resetAll() });
    const head = el('div', { class: 'field-head' },
      el('label', { class: 'name', text: name, title: p.path }),
      scenarioSet ? el('span', { class: 'tag scenario-tag', text: 'set by the scenario', title: 'default: ' + valueText(p.default) }) : null,
      el('span', { class: 'tag changed-tag', text: 'changed', testid: 'changed-tag' }),
      reset);
    const hint = hintText(p);
    append(wrap, [head, control,
      hint ? el('small', { class: 'hint', testid: 'field-hint', text: hint }) : null,
      p.description ? el('small', { class: 'desc', text: p.description }) : null,
      p.source ? el('small', { class: 'source', text: 'Source: ' + p.source }) : null,
      problem]);
    if (scenarioSet) wrap.classList.add('scenario-set');

    for (const i of inputs) {
      if (!i.current) i.current = () => i.input.value;
      const update = () => { isChanged(); validate(); };
      i.input.addEventListener('input', update);
      i.input.addEventListener('change', update);
    }

    function isChanged() {
      let any = false;
      for (const i of inputs) {
        const ch = i.current() !== i.initial;
        i.input.classList.toggle('changed', ch);
        any = any || ch;
      }
      wrap.classList.toggle('changed', any);
      reset.hidden = !any;
      return any;
    }

    function resetAll() {
      for (const i of inputs) {
        if (i.input.type === 'checkbox') i.input.checked = i.initial === 'true';
        else i.input.value = i.initial;
      }
      isChanged();
      validate();
      wrap.dispatchEvent(new Event('change', { bubbles: true }));
    }

    function validate() {
      let msg = null;
      for (const i of inputs) {
        if (i.input.tagName !== 'INPUT' || i.input.type !== 'text') continue;
        const m = i.current() === i.initial && p.kind !== 'number' && p.kind !== 'integer' ? null : checkValue(p, i.input.value);
        i.input.classList.toggle('invalid', !!m);
        i.input.setAttribute('aria-invalid', m ? 'true' : 'false');
        if (m && !msg) msg = (inputs.length > 1 ? i.path.split('.').pop() + ': ' : '') + m;
      }
      showProblem(msg);
      return !msg;
    }

    function showProblem(msg) {
      problem.textContent = msg || '';
      wrap.classList.toggle('invalid', !!msg);
    }

    function changes() {
      const out = {};
      for (const i of inputs) if (i.current() !== i.initial) out[i.path] = i.read();
      return out;
    }

    return { node: wrap, path: p.path, changes, validate, showProblem, isChanged, reset: resetAll };
  }

  async function renderForm(app, name) {
    const [params, detail, list] = await Promise.all([parameters(), scenarioDetail(name), scenarios()]);
    const values = detail.values || {};
    const entry = list.find((s) => s.name === name) || {};

    app.appendChild(el('div', { class: 'page-head' },
      el('a', { href: '#/', class: 'back', text: '← all scenarios' }),
      el('h1', { text: name, testid: 'form-title' }),
      entry.question ? el('p', { class: 'lead', text: entry.question }) : null,
      entry.description ? el('p', { class: 'muted', text: entry.description }) : null));

    // Run settings
    const opts = {
      households: el('input', { type: 'number', min: 1, step: 1, value: startHouseholds(), placeholder: 'the scenario\'s', testid: 'opt-households', id: 'opt-households' }),
      years: el('input', { type: 'number', min: 1, step: 1, value: '', placeholder: 'the scenario\'s', testid: 'opt-years', id: 'opt-years' }),
      seed: el('input', { type: 'text', value: '', placeholder: 'the scenario\'s', testid: 'opt-seed', id: 'opt-seed', inputmode: 'numeric' }),
      replications: el('input', { type: 'number', min: 1, step: 1, value: '1', testid: 'opt-replications', id: 'opt-replications' }),
      engine: el('select', { testid: 'opt-engine', id: 'opt-engine' },
        el('option', { value: '', text: 'the server\'s default' }), el('option', { value: 'orleans', text: 'orleans' }), el('option', { value: 'inprocess', text: 'inprocess' })),
    };
    const settings = el('section', { class: 'card settings', testid: 'run-settings' },
      el('h2', { text: 'Run settings' }),
      el('div', { class: 'grid-opts' },
        Object.entries(opts).map(([k, input]) => el('label', { class: 'opt', for: input.id }, el('span', { text: k }), input))),
      el('p', { class: 'muted small', text: 'Blank fields keep the scenario\'s own settings. Two runs with the same seed use the same random numbers, so their differences come from the levers alone.' }));

    function runOptions() {
      const o = {};
      const int = (v) => (String(v).trim() === '' ? undefined : Number(v));
      o.households = int(opts.households.value);
      o.years = int(opts.years.value);
      const seed = opts.seed.value.trim();
      if (seed !== '') o.seed = /^\d{1,15}$/.test(seed) ? Number(seed) : seed;
      o.replications = int(opts.replications.value);
      if (opts.engine.value) o.engine = opts.engine.value;
      for (const k of Object.keys(o)) if (o[k] === undefined) delete o[k];
      return o;
    }

    // Levers, grouped by their first path segment (a record list's elements get a group each)
    const tree = expandParams(params, elementIds(Object.keys(values)));
    const fields = [];
    const groups = new Map();
    for (const p of tree) {
      const g = p.element || p.path.split('.')[0];
      if (!groups.has(g)) groups.set(g, []);
      groups.get(g).push(p);
    }
    const levers = el('div', { class: 'levers', testid: 'levers' });
    const changedCount = el('span', { class: 'count', testid: 'changed-count', text: 'nothing changed' });
    const groupBoxes = [];
    for (const [g, ps] of groups) {
      const counter = el('span', { class: 'group-count' });
      const body = el('div', { class: 'fields' });
      const own = [];
      for (const p of ps) {
        const f = paramField(p, values[p.path] !== undefined ? values[p.path] : p.default);
        own.push(f);
        fields.push(f);
        body.appendChild(f.node);
      }
      const scenarioCount = ps.filter((p) => p.default !== undefined && p.default !== null && jsonText(values[p.path]) !== jsonText(p.default)).length;
      const det = el('details', { class: 'group', dataset: { group: g }, testid: 'group-' + g },
        el('summary', null, el('span', { class: 'group-name', text: g }),
          el('small', { class: 'muted', text: ps.length + (ps.length === 1 ? ' lever' : ' levers') + (scenarioCount ? ', ' + scenarioCount + ' set by the scenario' : '') }),
          counter), body);
      det.addEventListener('input', refreshCounts);
      det.addEventListener('change', refreshCounts);
      levers.appendChild(det);
      groupBoxes.push({ det, counter, own });
    }
    function refreshCounts() {
      let total = 0;
      for (const b of groupBoxes) {
        const n = b.own.filter((f) => f.isChanged()).length;
        b.counter.textContent = n ? n + ' changed' : '';
        b.det.classList.toggle('has-changes', n > 0);
        total += n;
      }
      changedCount.textContent = total ? total + ' lever' + (total === 1 ? '' : 's') + ' changed' : 'nothing changed';
      changedCount.classList.toggle('some', total > 0);
    }
    const filter = el('input', { type: 'search', placeholder: 'find a lever (name, unit or words of its description)', testid: 'lever-filter', class: 'wide' });
    filter.addEventListener('input', () => {
      const q = filter.value.trim().toLowerCase();
      for (const b of groupBoxes) {
        let shown = 0;
        for (const f of b.own) {
          const hit = !q || f.node.textContent.toLowerCase().includes(q) || f.path.toLowerCase().includes(q);
          f.node.hidden = !hit;
          if (hit) shown++;
        }
        b.det.hidden = shown === 0;
        if (q) b.det.open = shown > 0;
      }
    });

    const problems = el('ul', { class: 'problems', testid: 'form-problems' });
    const createBtn = el('button', { class: 'primary big', testid: 'btn-create', text: 'Create the run' });
    createBtn.addEventListener('click', () => act(createBtn, async () => {
      clear(problems);
      for (const f of fields) f.showProblem(null);
      const bad = fields.filter((f) => !f.validate());
      if (bad.length) {
        problems.appendChild(el('li', { text: bad.length + (bad.length === 1 ? ' value needs' : ' values need') + ' fixing: see the fields marked in red.' }));
        const first = bad[0].node;
        first.closest('details').open = true;
        first.scrollIntoView({ block: 'center' });
        return;
      }
      const set = {};
      for (const f of fields) Object.assign(set, f.changes());
      const body = Object.assign({ scenario: name }, runOptions());
      if (Object.keys(set).length) body.set = set;
      try {
        const st = await post('/api/runs', body);
        navigate('#/run/' + encodeURIComponent(st.id));
      } catch (e) {
        if (!(e instanceof ApiError) || e.status !== 400) throw e;
        showProblems(e, fields, problems);
      }
    }));

    app.appendChild(settings);
    app.appendChild(el('section', { class: 'card' },
      el('div', { class: 'row' }, el('h2', { text: 'Levers' }), el('span', { class: 'spacer' }),
        el('button', { class: 'link', type: 'button', text: 'open all', onclick: () => { for (const b of groupBoxes) b.det.open = true; } }),
        el('button', { class: 'link', type: 'button', text: 'close all', onclick: () => { for (const b of groupBoxes) b.det.open = false; } })),
      el('p', { class: 'muted', text: 'Every value a scenario may set, with its unit, range and source. Values this scenario sets differently from the ' +
        'baseline are tinted; the ones you change are marked "changed". Lists and schedules are JSON.' }),
      filter, levers));
    app.appendChild(el('div', { class: 'create-bar' }, createBtn, changedCount, problems));
    app.appendChild(yamlEditor(detail.yaml || '', runOptions));
  }

  // The scenario's file as text, checked by the server (as ecosim validate checks it).
  function yamlEditor(initialText, runOptions) {
    const yamlText = el('textarea', { class: 'code', rows: 20, spellcheck: 'false', wrap: 'off', testid: 'yaml-text', 'aria-label': 'scenario YAML', value: initialText });
    const yamlProblems = el('ul', { class: 'problems', testid: 'yaml-problems' });
    const gutter = el('pre', { class: 'gutter', 'aria-hidden': 'true' });
    let badLines = new Set();
    function updateGutter() {
      const n = yamlText.value.split('\n').length;
      clear(gutter);
      for (let i = 1; i <= n; i++) gutter.appendChild(el('span', { class: badLines.has(i) ? 'bad' : null, text: i + '\n' }));
      gutter.scrollTop = yamlText.scrollTop;
    }
    yamlText.addEventListener('input', updateGutter);
    yamlText.addEventListener('scroll', () => { gutter.scrollTop = yamlText.scrollTop; });
    updateGutter();
    function listYamlProblems(ps, summary) {
      clear(yamlProblems);
      badLines = new Set(ps.filter((p) => p.line).map((p) => p.line));
      if (summary) yamlProblems.appendChild(el('li', { class: 'summary', text: summary }));
      for (const p of ps) {
        yamlProblems.appendChild(el('li', { testid: 'yaml-problem', dataset: { line: p.line || 0, field: p.field || '' } },
          p.line ? el('a', { class: 'line', href: '#', testid: 'yaml-problem-line', text: 'line ' + p.line + (p.column ? ', column ' + p.column : ''),
            onclick: (ev) => { ev.preventDefault(); gotoLine(yamlText, p.line); } }) : null,
          p.field ? el('code', { class: 'field-name', testid: 'yaml-problem-field', text: p.field }) : null,
          el('span', { class: 'message', text: p.message || '' })));
      }
      updateGutter();
    }
    const checkBtn = el('button', { testid: 'btn-check-yaml', text: 'Check' });
    checkBtn.addEventListener('click', () => act(checkBtn, async () => {
      const res = await post('/api/validate', { yaml: yamlText.value });
      const ps = (res && res.problems) || [];
      listYamlProblems(ps, ps.length ? ps.length + (ps.length === 1 ? ' problem' : ' problems') : null);
      if (!ps.length) yamlProblems.appendChild(el('li', { class: 'ok', testid: 'yaml-ok', text: 'No problems: the scenario is valid.' }));
    }));
    const createYamlBtn = el('button', { class: 'primary', testid: 'btn-create-yaml', text: 'Create the run from this YAML' });
    createYamlBtn.addEventListener('click', () => act(createYamlBtn, async () => {
      clear(yamlProblems);
      try {
        const st = await post('/api/runs', Object.assign({ yaml: yamlText.value }, runOptions()));
        navigate('#/run/' + encodeURIComponent(st.id));
      } catch (e) {
        if (!(e instanceof ApiError) || e.status !== 400) throw e;
        listYamlProblems(e.problems, e.message);
      }
    }));
    return el('details', { class: 'card yaml', testid: 'yaml-editor' },
      el('summary', { testid: 'yaml-toggle', text: 'Edit the YAML instead (advanced)' }),
      el('p', { class: 'muted', text: 'The scenario file as text: anything a scenario may say, interventions included (docs/scenarios.md). ' +
        'Check lists every problem with its line and field; the run settings above still apply.' }),
      el('div', { class: 'editor' }, gutter, yamlText),
      el('div', { class: 'actions' }, checkBtn, createYamlBtn),
      yamlProblems);
  }

  function gotoLine(textarea, line) {
    const lines = textarea.value.split('\n');
    let start = 0;
    for (let i = 0; i < line - 1 && i < lines.length; i++) start += lines[i].length + 1;
    textarea.focus();
    textarea.setSelectionRange(start, start + (lines[line - 1] || '').length);
    const lineHeight = textarea.scrollHeight / Math.max(1, lines.length);
    textarea.scrollTop = Math.max(0, (line - 3) * lineHeight);
  }

  // Problems of a 400: each at its field where the field is a lever (set.PATH), the rest in the list.
  function showProblems(err, fields, listNode) {
    clear(listNode);
    const byPath = new Map(fields.map((f) => [f.path, f]));
    const placed = new Map();
    let first = null;
    for (const p of err.problems) {
      const path = (p.field || '').replace(/^set\./, '');
      const f = byPath.get(path) || byPath.get(path.replace(/\.(east|central|west|northeast)$/, ''));
      if (f) {
        placed.set(f, (placed.has(f) ? placed.get(f) + '; ' : '') + (p.message || 'invalid'));
        if (!first) first = f;
      } else {
        listNode.appendChild(el('li', { testid: 'form-problem' },
          p.line ? el('span', { class: 'line', text: 'line ' + p.line + ': ' }) : null,
          p.field ? el('code', { text: p.field }) : null, el('span', { text: ' ' + (p.message || '') })));
      }
    }
    for (const [f, msg] of placed) f.showProblem(msg);
    listNode.insertBefore(el('li', { class: 'summary', text: err.message }), listNode.firstChild);
    if (first) { first.node.closest('details').open = true; first.node.scrollIntoView({ block: 'center' }); }
  }

  // ================================================================ charts

  const PALETTE = ['#1f5fbf', '#c0392b', '#1e8c7e', '#d68910', '#7d3c98', '#505a64', '#e76f51', '#0096c7'];

  function niceStep(span, count) {
    const raw = span / Math.max(1, count);
    const mag = Math.pow(10, Math.floor(Math.log10(raw)));
    const n = raw / mag;
    return (n <= 1 ? 1 : n <= 2 ? 2 : n <= 2.5 ? 2.5 : n <= 5 ? 5 : 10) * mag;
  }

  function domainOf(values, zero) {
    let lo = Infinity, hi = -Infinity;
    for (const v of values) { if (v === null || v === undefined || !isFinite(v)) continue; lo = Math.min(lo, v); hi = Math.max(hi, v); }
    if (lo === Infinity) return { lo: 0, hi: 1, step: 0.25 };
    if (zero || (lo >= 0 && lo < 0.6 * hi)) lo = Math.min(lo, 0);
    if (lo === hi) { const d = Math.abs(lo) * 0.1 || 1; lo -= d; hi += d; if (lo < 0 && lo + d >= 0) lo = 0; }
    const step = niceStep(hi - lo, 4);
    return { lo: Math.floor(lo / step + 1e-9) * step, hi: Math.ceil(hi / step - 1e-9) * step, step };
  }

  // Tick labels for an axis that carries these units: percentages only when every one is a share.
  const asPercent = (units, domain) => units.length > 0 && (units.every(isShare) ||
    (units.every((u) => isShare(u) || u === 'ratio') && Math.max(Math.abs(domain.lo), Math.abs(domain.hi)) <= 5));
  const axisFormat = (percent) => (v) => (percent ? trim(v * 100, Math.abs(v) < 0.1 && v !== 0 ? 1 : 0) + '%' : fmtNumber(Math.abs(v) < 1e-12 ? 0 : v));

  // lineChart({title, x0, x1, series: [{label, unit, points: [[year, value]], dashed}], markers: [{year, label}],
  //            band: {label, points: [[year, low, high]]}, zeroLine, big})
  // Series whose unit differs from the first one's go on a right-hand axis.
  function lineChart(opt) {
    const W = opt.big ? 1100 : opt.wide ? 600 : 470, H = opt.big ? 380 : opt.wide ? 280 : 270;
    const units = [];
    for (const s of opt.series) if (!units.includes(s.unit || '')) units.push(s.unit || '');
    const leftUnit = units[0] || '';
    const rightUnits = units.slice(1);
    const hasRight = rightUnits.length > 0;
    const M = { l: opt.big ? 84 : 56, r: hasRight ? (opt.big ? 84 : 56) : 14, t: opt.big ? 34 : 26, b: opt.big ? 42 : 30 };
    const x0 = opt.x0, x1 = Math.max(opt.x1, opt.x0 + 1);
    const X = (x) => M.l + (x - x0) / (x1 - x0) * (W - M.l - M.r);
    const left = opt.series.filter((s) => (s.unit || '') === leftUnit);
    const right = opt.series.filter((s) => (s.unit || '') !== leftUnit);
    const leftVals = left.flatMap((s) => s.points.map((p) => p[1]));
    if (opt.band) for (const b of opt.band.points) leftVals.push(b[1], b[2]);
    const dl = domainOf(leftVals, opt.zeroLine);
    const dr = domainOf(right.flatMap((s) => s.points.map((p) => p[1])));
    const Y = (d) => (v) => H - M.b - (v - d.lo) / (d.hi - d.lo) * (H - M.t - M.b);
    const YL = Y(dl), YR = Y(dr);
    const pl = asPercent([leftUnit], dl), pr = asPercent(rightUnits, dr);
    const fl = axisFormat(pl), fr = axisFormat(pr);

    const svg = el('svg', { viewBox: '0 0 ' + W + ' ' + H, class: 'chart-svg' + (opt.big ? ' big' : ''), role: 'img',
      'aria-label': opt.title || 'chart', preserveAspectRatio: 'xMidYMid meet' });
    const g = el('g', { class: 'axes' });
    svg.appendChild(g);
    for (let v = dl.lo; v <= dl.hi + dl.step / 2; v += dl.step) {
      const y = YL(v);
      g.appendChild(el('line', { x1: M.l, x2: W - M.r, y1: y, y2: y, class: 'grid' }));
      g.appendChild(el('text', { x: M.l - 8, y: y + 4, class: 'tick', 'text-anchor': 'end', text: fl(v) }));
    }
    if (hasRight) {
      for (let v = dr.lo; v <= dr.hi + dr.step / 2; v += dr.step) {
        g.appendChild(el('text', { x: W - M.r + 8, y: YR(v) + 4, class: 'tick right', text: fr(v) }));
      }
    }
    g.appendChild(el('line', { x1: M.l, x2: M.l, y1: M.t, y2: H - M.b, class: 'axis' }));
    g.appendChild(el('line', { x1: M.l, x2: W - M.r, y1: H - M.b, y2: H - M.b, class: 'axis' }));
    if (hasRight) g.appendChild(el('line', { x1: W - M.r, x2: W - M.r, y1: M.t, y2: H - M.b, class: 'axis' }));
    const span = x1 - x0;
    const ystep = opt.big ? (span <= 15 ? 1 : span <= 30 ? 2 : 5) : (span <= 7 ? 1 : span <= 16 ? 2 : span <= 40 ? 5 : 10);
    for (let yr = Math.ceil(x0 / ystep) * ystep; yr <= x1; yr += ystep) {
      g.appendChild(el('line', { x1: X(yr), x2: X(yr), y1: H - M.b, y2: H - M.b + 4, class: 'axis' }));
      g.appendChild(el('text', { x: X(yr), y: H - M.b + (opt.big ? 24 : 18), class: 'tick', 'text-anchor': 'middle', text: String(yr) }));
    }
    g.appendChild(el('text', { x: 4, y: opt.big ? 18 : 14, class: 'unit', text: pl ? '%' : leftUnit }));
    if (hasRight) g.appendChild(el('text', { x: W - 4, y: opt.big ? 18 : 14, class: 'unit', 'text-anchor': 'end', text: (pr ? '%' : rightUnits.join(' · ')) + ' (right axis)' }));
    if (opt.zeroLine && dl.lo < 0 && dl.hi > 0) g.appendChild(el('line', { x1: M.l, x2: W - M.r, y1: YL(0), y2: YL(0), class: 'zero' }));

    if (opt.band && opt.band.points.length) {
      const pts = opt.band.points.filter((p) => p[1] !== null && p[2] !== null && isFinite(p[1]) && isFinite(p[2]));
      if (pts.length) {
        const upper = pts.map((p) => X(p[0]) + ',' + YL(p[2]));
        const lower = pts.slice().reverse().map((p) => X(p[0]) + ',' + YL(p[1]));
        const x = X(pts[0][0]);
        const poly = pts.length === 1
          ? [(x - 4) + ',' + YL(pts[0][2]), (x + 4) + ',' + YL(pts[0][2]), (x + 4) + ',' + YL(pts[0][1]), (x - 4) + ',' + YL(pts[0][1])]
          : upper.concat(lower);
        svg.appendChild(el('polygon', { points: poly.join(' '), class: 'band', testid: 'ci-band' }, svgTitle(opt.band.label || '95% interval')));
      }
    }

    // Intervention marks: one line a year, its notes together.
    const byYear = new Map();
    for (const m of opt.markers || []) {
      if (m.year < x0 || m.year > x1) continue;
      byYear.set(m.year, (byYear.has(m.year) ? byYear.get(m.year) + '; ' : '') + m.label);
    }
    let row = 0;
    for (const [year, label] of [...byYear.entries()].sort((a, b) => a[0] - b[0])) {
      const x = X(year);
      const mg = el('g', { class: 'marker', testid: 'marker', dataset: { year } }, svgTitle(year + ': ' + label));
      mg.appendChild(el('line', { x1: x, x2: x, y1: M.t - 4, y2: H - M.b, class: 'marker-line' }));
      const room = opt.big ? 48 : 30;
      const short = year + ': ' + (label.length > room ? label.slice(0, room - 1) + '…' : label);
      const atRight = x > W - M.r - (opt.big ? 420 : 190);
      mg.appendChild(el('text', { x: atRight ? x - 5 : x + 5, y: M.t + 8 + (row % 3) * (opt.big ? 20 : 13), class: 'marker-label', 'text-anchor': atRight ? 'end' : 'start', text: short }));
      svg.appendChild(mg);
      row++;
    }

    const years = new Set();
    opt.series.forEach((s, i) => {
      const color = s.color || PALETTE[i % PALETTE.length];
      const Yf = (s.unit || '') === leftUnit ? YL : YR;
      const pts = s.points.slice().sort((a, b) => a[0] - b[0]);
      let d = '', pen = false;
      for (const [x, v] of pts) {
        if (v === null || v === undefined || !isFinite(v)) { pen = false; continue; }
        d += (pen ? 'L' : 'M') + X(x).toFixed(1) + ' ' + Yf(v).toFixed(1) + ' ';
        pen = true;
      }
      const sg = el('g', { class: 'series', dataset: { series: s.label, metric: s.metric || '' } });
      if (d) sg.appendChild(el('path', { d, stroke: color, class: 'line' + (s.dashed ? ' dashed' : '') }));
      for (const [x, v] of pts) {
        if (v === null || v === undefined || !isFinite(v)) continue;
        years.add(x);
        sg.appendChild(el('circle', { cx: X(x).toFixed(1), cy: Yf(v).toFixed(1), r: opt.big ? 5.5 : 3.2, fill: color, class: 'pt', testid: 'chart-point', dataset: { year: x } },
          svgTitle(s.label + ', ' + x + ': ' + fmt(v, s.unit) + (isShare(s.unit) ? '' : ' ' + (s.unit || '')))));
      }
      svg.appendChild(sg);
    });

    const legend = el('ul', { class: 'legend' }, opt.series.map((s, i) => {
      const sw = el('span', { class: 'swatch' + (s.dashed ? ' dashed' : '') });
      sw.style.borderColor = s.color || PALETTE[i % PALETTE.length];
      return el('li', { title: s.title || s.metric || '' }, sw, el('span', { text: s.label }),
        hasRight && (s.unit || '') !== leftUnit ? el('small', { class: 'muted', text: ' (right axis)' }) : null);
    }));
    if (opt.band) legend.appendChild(el('li', null, el('span', { class: 'swatch band-swatch' }), el('span', { text: opt.band.label || '95% interval' })));
    if (!years.size) legend.appendChild(el('li', { class: 'muted', testid: 'chart-empty', text: opt.empty || 'no year done yet' }));
    return { svg, legend, years: years.size };
  }

  // The run view's charts: [metric, scope, label]; scope 'product:*' means every product, 'insurer:*' every insurer.
  const CHARTS = [
    { id: 'coverage', title: 'Coverage', series: [['pension_contribution_rate', 'national', 'contributing to the pension (working age)'],
      ['pension_recipient_rate', 'national', 'receiving a pension (60+)'], ['medical_enrollment_rate', 'national', 'enrolled in medical insurance']] },
    { id: 'pensions', title: 'Pensions (yuan a month)', series: [['avg_monthly_pension_yuan', 'national', 'average resident pension'],
      ['min_basic_pension_yuan', 'national', 'central minimum pension']] },
    { id: 'inequality', title: 'Inequality: Gini and Theil', series: [['gini_post_transfer', 'national', 'Gini after transfers'],
      ['theil_t', 'national', 'Theil T']] },
    { id: 'poverty', title: 'Poverty and dibao', series: [['poverty_headcount', 'national', 'below the poverty line'],
      ['dibao_recipient_rate', 'national', 'receiving dibao']] },
    { id: 'spending', title: 'Public spending (yuan a year)', series: [['central_spending_yuan', 'national', 'central government'],
      ['local_spending_yuan', 'national', 'local governments']] },
    { id: 'market', title: 'Supplementary market uptake', series: [['supplementary_medical_uptake', 'national', 'medical top-ups'],
      ['supplementary_pension_uptake', 'national', 'supplementary pensions']] },
    { id: 'premiums', title: 'Premiums and loss ratios', series: [['product_average_premium_yuan', 'product:*', 'premium'],
      ['insurer_loss_ratio', 'insurer:*', 'loss ratio']] },
  ];

  // Mean over replications: {"metric|scope": [[year, value], ...]}
  function seriesFromRows(rows) {
    const acc = new Map();
    for (const r of rows || []) {
      const key = r.metric + '|' + r.region + '|' + r.year;
      let a = acc.get(key);
      if (!a) { a = { metric: r.metric, region: r.region, year: r.year, sum: 0, n: 0 }; acc.set(key, a); }
      if (r.value !== null && r.value !== undefined && isFinite(r.value)) { a.sum += r.value; a.n += 1; }
    }
    const out = {};
    for (const a of acc.values()) {
      const k = a.metric + '|' + a.region;
      (out[k] = out[k] || []).push([a.year, a.n ? a.sum / a.n : null]);
    }
    for (const k of Object.keys(out)) out[k].sort((a, b) => a[0] - b[0]);
    return out;
  }

  function buildSeries(spec, data, info, status) {
    const out = [];
    for (const [metric, scope = 'national', label] of spec) {
      const m = info[metric] || {};
      const unit = m.unit || '';
      const base = label || metric;
      if (scope.endsWith(':*')) {
        const kind = scope.slice(0, -2);
        const names = (kind === 'product' ? status.products : status.insurers) || [];
        for (const n of names) out.push({ label: base + ' · ' + n, metric, unit, title: m.description, points: data[metric + '|' + kind + ':' + n] || [] });
      } else {
        out.push({ label: base + (scope === 'national' || label ? '' : ' · ' + scope), metric, unit, title: m.description, points: data[metric + '|' + scope] || [] });
      }
    }
    return out;
  }

  function markersOf(status) {
    return (status.interventions || []).map((iv) => ({
      year: iv.year,
      label: iv.note || Object.keys(iv.set || {}).map((k) => k.split('.').pop() + ' = ' + valueText(iv.set[k])).join(', ') || 'intervention',
    }));
  }

  function chartFigure(def, series, status, big) {
    const chart = lineChart({ title: def.title, x0: status.start_year, x1: status.end_year, series, markers: markersOf(status), big,
      empty: series.length ? null : 'nothing to draw in this scenario' });
    return el('figure', { class: 'chart', dataset: { chart: def.id, years: chart.years }, testid: 'chart-' + def.id },
      def.title ? el('figcaption', { text: def.title }) : null, chart.svg, chart.legend);
  }

  // ================================================================ a live run (status, events, metrics)

  // Keeps one run's status and series fresh: listens to its events, and polls while it plays.
  function liveRun(id, metricNames, onUpdate) {
    let status = null, data = {}, closed = false, timer = null, refreshing = null, again = false, es = null;
    async function refresh() {
      if (closed) return;
      if (refreshing) { again = true; return refreshing; }
      refreshing = (async () => {
        try {
          const q = metricNames.map((m) => 'metric=' + encodeURIComponent(m)).join('&');
          const [st, rows] = await Promise.all([get(runPath(id)), metricNames.length ? get(runPath(id, '/metrics?' + q)) : Promise.resolve([])]);
          status = st;
          data = seriesFromRows(rows);
          if (!closed) onUpdate(status, data);
        } catch (e) {
          if (!closed && !(e instanceof ApiError && e.status === 401)) showError(e);
        }
      })();
      await refreshing;
      refreshing = null;
      if (again) { again = false; return refresh(); }
      schedulePoll();
    }
    function schedulePoll() {
      clearTimeout(timer);
      if (!closed && status && status.state === 'running') timer = setTimeout(refresh, 1500);
    }
    if (window.EventSource) {
      es = new EventSource(runPath(id, '/events'));
      es.addEventListener('year', () => refresh());
      es.addEventListener('status', (ev) => {
        let st = null;
        try { st = JSON.parse(ev.data); } catch (e) { st = null; }
        if (status && st && (st.state !== status.state || (st.interventions || []).length !== (status.interventions || []).length)) refresh();
      });
    }
    refresh();
    return {
      refresh,
      get status() { return status; },
      get data() { return data; },
      close() { closed = true; clearTimeout(timer); if (es) es.close(); },
    };
  }

  // Step, Play, Pause and the speed of play, for one run or two side by side. With two, Step moves
  // the one behind (both when level) and Play plays every one not finished, so that a run made
  // later catches up with the other.
  function runControls(getIds, after) {
    const speed = el('input', { type: 'range', min: 0, max: 2000, step: 100, value: '500', testid: 'speed', 'aria-label': 'pause between years' });
    const speedLabel = el('span', { class: 'speed-label', testid: 'speed-label' });
    const setLabel = () => {
      const ms = Number(speed.value);
      speedLabel.textContent = ms === 0 ? 'no pause' : (ms / 1000).toFixed(1) + ' s between years';
    };
    speed.addEventListener('input', setLabel);
    setLabel();
    let known = {};
    const open = () => getIds().filter((id) => !known[id] || (known[id].state !== 'finished' && known[id].state !== 'failed'));
    const behind = () => {
      const ids = open();
      const done = (id) => (known[id] ? known[id].years_done : 0);
      const least = Math.min(...ids.map(done));
      return ids.filter((id) => done(id) === least);
    };
    const each = (ids, fn) => Promise.all(ids.map(fn));
    const step = el('button', { class: 'primary', testid: 'btn-step', text: 'Step one year' });
    const play = el('button', { testid: 'btn-play', text: '▶ Play' });
    const pause = el('button', { testid: 'btn-pause', text: '❚❚ Pause' });
    let running = false;
    step.addEventListener('click', () => act(step, async () => { await each(behind(), (id) => post(runPath(id, '/step'))); after(); }));
    play.addEventListener('click', () => act(play, async () => { await each(open(), (id) => post(runPath(id, '/play'), { delay_ms: Number(speed.value) })); after(); }));
    pause.addEventListener('click', () => act(pause, async () => { await each(getIds(), (id) => post(runPath(id, '/pause'))); after(); }));
    // A new speed while playing: pause after the year in progress and play on at the new speed.
    speed.addEventListener('change', () => {
      if (!running) return;
      act(null, async () => {
        await each(getIds(), (id) => post(runPath(id, '/pause')));
        await each(open(), (id) => post(runPath(id, '/play'), { delay_ms: Number(speed.value) }));
        after();
      });
    });
    const node = el('div', { class: 'controls', testid: 'controls' }, step, play, pause,
      el('label', { class: 'speed' }, el('span', { text: 'speed' }), speed, speedLabel));
    function sync(statuses) {
      known = {};
      for (const s of statuses) if (s) known[s.id] = s;
      const states = statuses.filter(Boolean).map((s) => s.state);
      running = states.includes('running');
      const done = states.length > 0 && states.every((s) => s === 'finished' || s === 'failed');
      step.disabled = running || done;
      play.disabled = running || done;
      pause.disabled = !running;
      node.classList.toggle('playing', running);
    }
    return { node, sync };
  }

  function statusLine(st) {
    const year = st.year === null || st.year === undefined ? 'not started; runs ' + st.start_year + '–' + st.end_year
      : st.state === 'finished' ? 'done; ran ' + st.start_year + '–' + st.end_year
      : 'done; runs ' + st.start_year + '–' + st.end_year + ', next ' + st.next_year;
    return el('div', { class: 'status state-' + st.state, testid: 'status' },
      el('span', { class: 'pill state-' + st.state, testid: 'run-state', text: st.state }),
      el('span', { testid: 'run-scenario', class: 'scenario-name', text: st.scenario }),
      el('span', { class: 'year', testid: 'run-year', dataset: { year: st.year === null || st.year === undefined ? '' : st.year } }, 'year ', el('strong', { text: st.year === null || st.year === undefined ? '—' : String(st.year) })),
      el('span', { class: 'muted', text: year }),
      el('small', { class: 'muted', text: st.households.toLocaleString('en') + ' households · ' + st.replications + ' replication' + (st.replications === 1 ? '' : 's') + ' · seed ' + st.seed + ' · ' + st.engine + ' engine · run ' + st.id }),
      st.error ? el('span', { class: 'problem', testid: 'run-error', text: st.error }) : null);
  }

  // ================================================================ change a lever now

  // The levers of a running run, each with its value in force (GET /api/runs/{id}/parameters).
  async function leverPanel(runId, getStatus, after, compact) {
    const params = await parameters();
    const st0 = getStatus();
    let values = {};
    let valuesYear;
    const ids = { 'market.products': st0.products || [], 'market.insurers': st0.insurers || [] };
    const tree = expandParams(params, ids);
    const byPath = new Map();
    for (const p of tree) {
      if (p.kind === 'by_region') for (const r of REGIONS) byPath.set(p.path + '.' + r, Object.assign({}, p, { path: p.path + '.' + r, kind: 'number', region: r, whole: p.path }));
      byPath.set(p.path, p);
    }
    const groups = new Map();
    for (const path of byPath.keys()) {
      const g = byPath.get(path).element || path.split('.')[0];
      if (!groups.has(g)) groups.set(g, []);
      groups.get(g).push(path);
    }
    const select = el('select', { testid: 'lever-path', 'aria-label': 'lever' },
      el('option', { value: '', text: 'pick a lever…' }),
      [...groups.entries()].map(([g, paths]) => el('optgroup', { label: g }, paths.map((p) => el('option', { value: p, text: p })))));
    const hint = el('div', { class: 'lever-hint', testid: 'lever-hint' });
    const valueBox = el('div', { class: 'lever-value' });
    let value = el('input', { type: 'text', placeholder: 'new value', testid: 'lever-value', 'aria-label': 'new value' });
    valueBox.appendChild(value);
    const note = el('input', { type: 'text', placeholder: 'why (shown on the charts)', testid: 'lever-note', 'aria-label': 'note', maxlength: 200 });
    const problem = el('div', { class: 'problem', testid: 'lever-problem', role: 'status' });
    const apply = el('button', { class: 'primary', testid: 'btn-intervene', text: 'Apply from next year' });
    const list = el('ol', { class: 'interventions', testid: 'interventions' });

    function current(path) {
      const p = byPath.get(path);
      if (p && p.region) { const w = values[p.whole]; return w && typeof w === 'object' ? w[p.region] : undefined; }
      return values[path];
    }
    async function loadValues(force) {
      const st = getStatus();
      const key = st.year + '|' + (st.interventions || []).length;
      if (!force && key === valuesYear) return;
      valuesYear = key;
      try { values = await get(runPath(runId, '/parameters')); } catch (e) { if (!(e instanceof ApiError)) throw e; }
      describe(false);
    }
    // The value field fits the lever: a yes/no or a list of choices, or text (numbers, JSON for lists and schedules).
    function describe(newLever) {
      const path = select.value;
      clear(hint);
      if (!path) return;
      const p = byPath.get(path);
      const cur = current(path);
      hint.appendChild(el('div', null, 'in force now: ', el('strong', { testid: 'lever-current', text: cur === undefined ? 'unknown' : valueText(cur) }),
        p && p.unit && p.unit !== p.kind && !['text', 'choice', 'true/false'].includes(p.unit) ? el('span', { class: 'muted', text: ' ' + p.unit }) : null));
      if (p) {
        const h = [rangeText(p) ? 'range ' + rangeText(p) : '', p.kind === 'schedule' ? 'JSON {"YEAR": value}' : p.kind === 'list' ? 'JSON [a, b, …]' : ''].filter(Boolean).join(' · ');
        if (h) hint.appendChild(el('div', { class: 'muted', text: h }));
        if (p.description) hint.appendChild(el('div', { class: 'desc', text: p.description }));
        if (p.source) hint.appendChild(el('div', { class: 'source', text: 'Source: ' + p.source }));
      }
      if (!newLever) {
        if (value.tagName === 'INPUT' && cur !== undefined) value.placeholder = 'now ' + valueText(cur);
        return;
      }
      problem.textContent = '';
      let control;
      if (p && (p.kind === 'bool' || p.kind === 'choice')) {
        const choices = p.kind === 'bool' ? ['true', 'false'] : (p.choices || []);
        control = el('select', { testid: 'lever-value', 'aria-label': 'new value' }, choices.map((c) => el('option', { value: c, text: c, selected: c === valueText(cur) })));
      } else {
        control = el('input', { type: 'text', testid: 'lever-value', 'aria-label': 'new value', spellcheck: 'false',
          placeholder: cur === undefined ? 'new value' : 'now ' + valueText(cur) });
        if (p && (p.kind === 'schedule' || p.kind === 'list') && cur !== undefined) control.value = valueText(cur);
      }
      control.addEventListener('keydown', (ev) => { if (ev.key === 'Enter') apply.click(); });
      clear(valueBox).appendChild(control);
      value = control;
    }
    select.addEventListener('change', () => describe(true));

    apply.addEventListener('click', () => act(apply, async () => {
      const path = select.value;
      problem.textContent = '';
      if (!path) { problem.textContent = 'Pick a lever first.'; return; }
      const p = byPath.get(path);
      if (String(value.value).trim() === '') { problem.textContent = 'Type the new value.'; return; }
      const m = p ? checkValue(p, value.value) : null;
      if (m) { problem.textContent = m; return; }
      const v = p && p.kind === 'bool' ? value.value === 'true' : parseTyped(p, value.value);
      try {
        await post(runPath(runId, '/interventions'), { set: { [path]: v }, note: note.value.trim() || undefined });
        value.value = '';
        note.value = '';
        await after();
        await loadValues(true);
      } catch (e) {
        if (e instanceof ApiError && e.problems.length) {
          problem.textContent = e.problems.map((x) => (x.field ? x.field.replace(/^set\./, '') + ': ' : '') + x.message).join('; ');
        } else throw e;
      }
    }));

    function sync(st) {
      clear(list);
      for (const iv of st.interventions || []) {
        const set = Object.entries(iv.set || {}).map(([k, v]) => k + ' = ' + valueText(v));
        for (const l of iv.launch || []) set.push('launch ' + valueText(l && l.id ? l.id : l));
        for (const w of iv.withdraw || []) set.push('withdraw ' + valueText(w));
        list.appendChild(el('li', { testid: 'intervention' },
          el('strong', { class: 'iv-year', text: String(iv.year) + (iv.years ? '–' + (iv.year + iv.years - 1) : '') }),
          iv.note ? el('span', { class: 'iv-note', text: iv.note }) : null,
          set.length ? el('code', { class: 'iv-set', text: set.join(', ') }) : null));
      }
      if (!list.firstChild) list.appendChild(el('li', { class: 'muted none', text: 'No intervention yet.' }));
      const finished = st.state === 'finished' || st.state === 'failed';
      apply.disabled = finished;
      apply.textContent = finished ? 'The run has finished' : 'Apply from ' + (st.next_year ?? 'next year');
      if (!finished && st.state !== 'running') loadValues(false);
    }

    const node = el('section', { class: 'card lever-panel' + (compact ? ' compact' : ''), testid: 'lever-panel' },
      el('h2', { text: 'Change a lever now' }),
      el('p', { class: 'muted small', text: 'The new value holds from the next year on, is marked on the charts, and goes into the run\'s manifest.' }),
      el('label', { class: 'stack' }, el('span', { text: 'lever' }), select),
      hint,
      el('label', { class: 'stack' }, el('span', { text: 'new value' }), valueBox),
      el('label', { class: 'stack' }, el('span', { text: 'note' }), note),
      el('div', { class: 'actions' }, apply), problem,
      el('h3', { text: 'Interventions' }), list);
    await loadValues(true);
    return { node, sync };
  }

  // ================================================================ run view

  async function renderRun(app, id, tab) {
    const info = await metricsInfo();
    const metricNames = [...new Set(CHARTS.flatMap((c) => c.series.map((s) => s[0])))];
    const first = await get(runPath(id));

    const head = el('div', { class: 'run-head' });
    const controls = runControls(() => [id], () => live.refresh());
    const download = el('a', { class: 'button', href: runPath(id, '/download'), download: '', testid: 'btn-download', text: 'Download the run (zip)' });
    const tabs = el('nav', { class: 'tabs', testid: 'run-tabs' },
      [['charts', 'Charts'], ['inspector', 'Inspector'], ['compare', 'Side by side']].map(([t, label]) =>
        el('a', { href: '#/run/' + encodeURIComponent(id) + '/' + t, class: t === tab ? 'active' : null, testid: 'tab-' + t, text: label })),
      el('a', { href: '#/class/' + encodeURIComponent(id), testid: 'tab-classroom', text: 'Classroom view' }));
    const body = el('div', { class: 'run-body' });
    app.appendChild(head);
    app.appendChild(el('div', { class: 'toolbar' }, controls.node, el('span', { class: 'spacer' }), download));
    app.appendChild(tabs);
    app.appendChild(body);

    const charts = el('div', { class: 'charts', testid: 'charts' });
    let lever = null, inspector = null, compare = null;

    function draw(st, data) {
      clear(head).appendChild(statusLine(st));
      controls.sync([st]);
      const ready = st.state === 'finished';
      download.classList.toggle('disabled', !ready);
      download.setAttribute('aria-disabled', String(!ready));
      download.title = ready ? 'a zip of the run directory, as ecosim run writes it; ecosim run manifest.json repeats it' : 'available once the run has finished';
      if (lever) lever.sync(st);
      if (tab === 'charts') {
        clear(charts);
        for (const def of CHARTS) charts.appendChild(chartFigure(def, buildSeries(def.series, data, info, st), st));
      }
      if (inspector) inspector.sync(st);
      if (compare) compare.sync(st);
    }
    download.addEventListener('click', (ev) => { if (download.classList.contains('disabled')) ev.preventDefault(); });

    const live = liveRun(id, tab === 'charts' ? metricNames : [], draw);
    onLeave(() => live.close());

    if (tab === 'charts') {
      lever = await leverPanel(id, () => live.status || first, () => live.refresh());
      body.appendChild(el('div', { class: 'run-grid' }, charts, el('aside', { class: 'side' }, lever.node)));
    } else if (tab === 'inspector') {
      inspector = inspectorView(id, () => live.status || first);
      body.appendChild(inspector.node);
    } else if (tab === 'compare') {
      compare = await compareSetup(id, () => live.status || first);
      body.appendChild(compare.node);
    }
    if (live.status) draw(live.status, live.data);
  }

  // ================================================================ tables

  function cellText(v, col) {
    if (v === null || v === undefined) return '—';
    if (typeof v === 'boolean') return v ? 'yes' : 'no';
    if (typeof v === 'number') {
      if (col && col.format) return col.format(v);
      return Number.isInteger(v) ? (Math.abs(v) >= 1e4 && !/year|id$/.test(col && col.key || '') ? v.toLocaleString('en') : String(v)) : fmtNumber(v);
    }
    if (typeof v === 'object') return jsonText(v);
    return String(v);
  }

  // table([{key, label, format, get}], rows, {testid, onRow, rowTestid, sortable})
  function table(cols, rows, opts) {
    opts = opts || {};
    let key = null, dir = 1;
    const t = el('table', { class: 'data' + (opts.compact ? ' compact' : ''), testid: opts.testid });
    const thead = el('thead');
    const tb = el('tbody');
    t.appendChild(thead);
    t.appendChild(tb);
    const val = (r, c) => (c.get ? c.get(r) : r[c.key]);
    function draw() {
      clear(thead).appendChild(el('tr', null, cols.map((c) => {
        const sample = rows.map((r) => val(r, c)).find((v) => v !== null && v !== undefined);
        const th = el('th', { text: c.label || c.key, title: c.title || c.key,
          class: (opts.sortable ? 'sortable' : '') + (typeof sample === 'number' ? ' num' : '') + (c.key === key ? (dir > 0 ? ' sort-asc' : ' sort-desc') : '') });
        if (opts.sortable) th.addEventListener('click', () => { if (key === c.key) dir = -dir; else { key = c.key; dir = 1; } draw(); });
        return th;
      })));
      const sorted = rows.slice();
      if (key) {
        const c = cols.find((x) => x.key === key);
        sorted.sort((a, b) => {
          const x = val(a, c), y = val(b, c);
          if (x === y) return 0;
          if (x === null || x === undefined) return 1;
          if (y === null || y === undefined) return -1;
          return (typeof x === 'number' && typeof y === 'number' ? x - y : String(x).localeCompare(String(y))) * dir;
        });
      }
      clear(tb);
      for (const r of sorted) {
        const tr = el('tr', { testid: opts.rowTestid, dataset: opts.rowData ? opts.rowData(r) : undefined }, cols.map((c) => {
          const v = val(r, c);
          return el('td', { class: typeof v === 'number' ? 'num' : (typeof v === 'boolean' ? 'flag' + (v ? ' yes' : '') : null), text: cellText(v, c) });
        }));
        if (opts.onRow) {
          tr.classList.add('clickable');
          tr.tabIndex = 0;
          tr.addEventListener('click', () => { for (const x of tb.children) x.classList.remove('selected'); tr.classList.add('selected'); opts.onRow(r); });
          tr.addEventListener('keydown', (ev) => { if (ev.key === 'Enter') tr.click(); });
        }
        tb.appendChild(tr);
      }
    }
    draw();
    return el('div', { class: 'table-wrap' }, t);
  }

  // Every field of a list of records, money in fen shown in yuan (the "all fields" of an agent).
  function rawTable(rows, testid) {
    if (!Array.isArray(rows) || !rows.length) return el('p', { class: 'muted', text: 'Nothing yet.' });
    const keys = [];
    for (const r of rows) for (const k of Object.keys(r || {})) if (!keys.includes(k)) keys.push(k);
    return table(keys.map((k) => k.endsWith('_fen')
      ? { key: k, label: k.replace(/_fen$/, '_yuan'), get: (r) => yuan(r[k]), format: fmtYuan }
      : { key: k }), rows, { testid, compact: true });
  }

  function kvList(pairs, testid) {
    return el('dl', { class: 'kv', testid }, pairs.filter(Boolean).map(([k, v, title]) => [el('dt', { text: k, title: title || null }), el('dd', { text: v })]));
  }

  function rawState(obj) {
    const rows = [];
    for (const [k, v] of Object.entries(obj || {})) {
      const shown = k.endsWith('_fen') && typeof v === 'number' ? fmtYuan(v / 100) + ' yuan' : v !== null && typeof v === 'object' ? jsonText(v) : cellText(v);
      rows.push([k, shown.length > 400 ? shown.slice(0, 400) + '…' : shown]);
    }
    return kvList(rows);
  }

  // ================================================================ inspector

  function inspectorView(runId, getStatus) {
    const repSelect = el('select', { testid: 'inspect-replication', 'aria-label': 'replication' });
    const countiesBox = el('section', { class: 'card', testid: 'counties' });
    const detail = el('div', { class: 'inspect-detail', testid: 'inspect-detail' },
      el('section', { class: 'card muted', text: 'Click a county for its budget and households, a household for its members and years, an insurer for its book and prices.' }));
    const insurersBox = el('section', { class: 'card insurers', testid: 'insurers' });
    const node = el('div', { class: 'inspector', testid: 'inspector' },
      el('div', { class: 'row' }, el('h2', { text: 'Inspector' }), el('span', { class: 'spacer' }),
        el('label', { class: 'opt inline' }, el('span', { text: 'replication' }), repSelect),
        el('button', { testid: 'btn-refresh-counties', text: 'Refresh', onclick: (ev) => act(ev.currentTarget, loadCounties) })),
      el('p', { class: 'muted', text: 'The agents as they stand after the last year done, read from the run.' }),
      el('div', { class: 'inspect-left' }, insurersBox, countiesBox), detail);
    const rep = () => (repSelect.value && repSelect.value !== '0' ? '?replication=' + repSelect.value : '');
    repSelect.addEventListener('change', () => act(null, async () => {
      await loadCounties();
      if (opened) await openAgent(opened[0], opened[1]);
    }));
    let lastYear, opened = null;

    const countyCols = [
      { key: 'id', label: 'county' },
      { key: 'region' },
      { key: 'households' },
      { key: 'budget', label: 'balance', get: (r) => (r.revenue_yuan ?? 0) - (r.local_spending_yuan ?? 0), format: fmtYuan, title: 'the year\'s revenue minus local spending, yuan' },
      { key: 'reserve_yuan', label: 'reserve', format: fmtYuan, title: 'reserve at the end of the year, yuan' },
      { key: 'shortfall_cover_yuan', label: 'cover', format: fmtYuan, title: 'what the province and higher levels paid at the start of the year towards last year\'s debt, yuan' },
      { key: 'surplus_returned_yuan', label: 'returned', format: fmtYuan, title: 'reserve above the cap that left the social security budget this year (handed up or spent elsewhere), yuan' },
      { key: 'cutting', label: 'cuts', title: 'paying less than promised: the share of top-ups and subsidies paid',
        get: (r) => (r.cutting ? 'pays ' + pct(r.payment_ratio) : 'no') },
      { key: 'trust', format: pct, title: 'members\' average trust in the system' },
      { key: 'dibao_households', label: 'dibao', title: 'households receiving dibao' },
      { key: 'scandal', title: 'a misuse of funds detected this year' },
    ];

    async function loadCounties() {
      const rows = await get(runPath(runId, '/counties' + rep()));
      clear(countiesBox).appendChild(el('h3', { text: 'Counties' + (rows.length ? ' in ' + rows[0].year : '') + ' (' + rows.length + ')' }));
      if (!rows.length) { countiesBox.appendChild(el('p', { class: 'muted', text: 'Step a year first: the table shows each county\'s last year.' })); return; }
      countiesBox.appendChild(table(countyCols, rows, { testid: 'counties-table', rowTestid: 'county-row', rowData: (r) => ({ id: r.id }), sortable: true,
        onRow: (r) => act(null, () => openAgent('counties', r.id)) }));
    }

    async function openAgent(kind, n) {
      const a = await get(runPath(runId, '/' + kind + '/' + encodeURIComponent(n) + rep()));
      opened = [kind, n];
      const st = getStatus();
      const card = kind === 'counties' ? countyCard(a, st) : kind === 'households' ? householdCard(a, st) : insurerCard(a, st, String(n));
      clear(detail).appendChild(card);
      card.scrollIntoView({ block: 'nearest' });
    }

    function countyCard(a, st) {
      const s = a.state || {}, c = s.county || {}, last = (a.history || [])[a.history.length - 1] || {};
      const card = el('section', { class: 'card agent', testid: 'county-detail', dataset: { id: a.id } },
        el('h3', { text: 'County ' + a.id + (c.region ? ' · ' + c.region : '') }),
        kvList([
          ['households', String(c.household_count ?? (s.household_ids || []).length)],
          ['income level', c.income_factor !== undefined ? trim(c.income_factor, 2) + ' × its region\'s' : '—'],
          ['reserve', yuanText(s.reserve_fen) + ' yuan'],
          ['medical fund', yuanText(s.medical_fund_fen) + ' yuan'],
          ['paid of what is promised', last.payment_ratio !== undefined ? pct(last.payment_ratio) : '—'],
          ['scandal detected', last.scandal_detected === undefined ? '—' : last.scandal_detected ? 'yes, in ' + last.year : 'no'],
        ], 'county-summary'));
      const ids = s.household_ids || [];
      card.appendChild(el('h4', { text: 'Households (' + ids.length + '): click one' }));
      const links = el('div', { class: 'id-links', testid: 'household-links' });
      for (const h of ids.slice(0, 500)) {
        links.appendChild(el('button', { class: 'chip household-link', testid: 'household-link', dataset: { id: h }, text: String(h),
          onclick: () => act(null, () => openAgent('households', h)) }));
      }
      if (ids.length > 500) links.appendChild(el('span', { class: 'muted', text: '… and ' + (ids.length - 500) + ' more' }));
      card.appendChild(links);
      card.appendChild(el('h4', { text: 'Budget by year (yuan)' }));
      card.appendChild(table([
        { key: 'year' }, { key: 'persons' },
        { key: 'revenue_fen', label: 'revenue', get: (r) => yuan(r.revenue_fen), format: fmtYuan },
        { key: 'local_spending_fen', label: 'local spending', get: (r) => yuan(r.local_spending_fen), format: fmtYuan },
        { key: 'central_spending_fen', label: 'central spending', get: (r) => yuan(r.central_spending_fen), format: fmtYuan },
        { key: 'equalisation_fen', label: 'equalisation', get: (r) => yuan(r.equalisation_fen), format: fmtYuan },
        { key: 'top_up_fen', label: 'pension top-ups', get: (r) => yuan(r.top_up_fen), format: fmtYuan },
        { key: 'reserve_fen', label: 'reserve', get: (r) => yuan(r.reserve_fen), format: fmtYuan },
        { key: 'payment_ratio', label: 'paid', format: pct },
        { key: 'diverted_fen', label: 'diverted', get: (r) => yuan(r.diverted_fen), format: fmtYuan },
        { key: 'scandal_detected', label: 'scandal' },
      ], a.history || [], { testid: 'county-history' }));
      card.appendChild(allFields(a));
      return card;
    }

    function productName(st, index) {
      return index === null || index === undefined || index < 0 ? null : (st.products || [])[index] || 'product ' + index;
    }

    function householdCard(a, st) {
      const s = a.state || {};
      const year = st.year ?? st.start_year;
      const card = el('section', { class: 'card agent', testid: 'household-detail', dataset: { id: a.id } },
        el('div', { class: 'row' }, el('h3', { text: 'Household ' + a.id + (s.region ? ' · ' + s.region : '') }), el('span', { class: 'spacer' }),
          s.county !== undefined ? el('button', { class: 'link', text: '← county ' + s.county, onclick: () => act(null, () => openAgent('counties', s.county)) }) : null),
        kvList([
          ['members', String((s.members || []).length)],
          ['market income a person', yuanText(s.market_income_per_capita_fen) + ' yuan a year'],
          ['dibao', s.dibao ? 'receives it' : 'no'],
          ['trust in the system', pct(s.trust)],
          ['trust in insurers', pct(s.insurer_trust)],
          ['awareness of the rules', pct(s.awareness)],
        ], 'household-summary'));
      card.appendChild(el('h4', { text: 'Members in ' + year }));
      card.appendChild(table([
        { key: 'serial', label: '#' },
        { key: 'age', get: (m) => (m.birth_year ? year - m.birth_year : null) },
        { key: 'chronic', title: 'a chronic condition' },
        { key: 'migrant', title: 'works away from home' },
        { key: 'pension_status', label: 'pension' },
        { key: 'years_contributed', label: 'years paid in' },
        { key: 'pension_contributing', label: 'paying in' },
        { key: 'account_fen', label: 'account (yuan)', get: (m) => yuan(m.account_fen), format: fmtYuan },
        { key: 'medical_enrolled', label: 'medical insurance' },
        { key: 'top_up_product', label: 'top-up', get: (m) => productName(st, m.top_up_product) },
        { key: 'pension_product', label: 'supp. pension', get: (m) => productName(st, m.pension_product) },
      ], s.members || [], { testid: 'members-table' }));
      card.appendChild(el('h4', { text: 'Year by year (money in yuan)' }));
      const hist = (a.history || []).map((h, i) => Object.assign({ year: st.start_year + i }, h));
      card.appendChild(table([
        { key: 'year' },
        { key: 'disposable_income_fen', label: 'income', title: 'disposable income of the household, yuan a year', get: (h) => yuan(h.disposable_income_fen), format: fmtYuan },
        { key: 'medical_enrolled', label: 'insured', title: 'members enrolled in medical insurance', get: (h) => h.medical_enrolled + ' of ' + h.members },
        { key: 'pension_contributors', label: 'paying in', title: 'members contributing to the pension' },
        { key: 'pension_recipients', label: 'pensioners', title: 'members receiving a pension' },
        { key: 'pension_paid_fen', label: 'pension paid', title: 'pensions paid to the household in the year, yuan', get: (h) => yuan(h.pension_paid_fen), format: fmtYuan },
        { key: 'medical_cost_fen', label: 'medical cost', get: (h) => yuan(h.medical_cost_fen), format: fmtYuan },
        { key: 'reimbursed_fen', label: 'reimbursed', get: (h) => yuan(h.reimbursed_fen), format: fmtYuan },
        { key: 'supplementary_claims_fen', label: 'top-up claims', title: 'claims paid by supplementary products, yuan', get: (h) => yuan(h.supplementary_claims_fen), format: fmtYuan },
        { key: 'products', label: 'products', title: 'supplementary policies held', get: (h) => (h.products || []).map((u) => productName(st, u.product) + ' ×' + u.policies).join(', ') || '—' },
        { key: 'supplementary_premiums_fen', label: 'premiums', get: (h) => yuan(h.supplementary_premiums_fen), format: fmtYuan },
        { key: 'dibao_receiving', label: 'dibao' },
        { key: 'in_poverty', label: 'poor' },
      ], hist, { testid: 'household-history' }));
      card.appendChild(allFields(a, hist));
      return card;
    }

    function insurerCard(a, st, asked) {
      const s = a.state || {};
      const name = (st.insurers || [])[a.id] || asked;
      const bands = bandLabels(insurerBands);
      const card = el('section', { class: 'card agent', testid: 'insurer-detail', dataset: { id: name } },
        el('h3', { text: 'Insurer ' + name }),
        kvList([
          ['capital', yuanText(s.capital_fen) + ' yuan'],
          ['reserves', yuanText(s.reserves_fen) + ' yuan'],
          ['solvent', s.solvent === undefined ? '—' : s.solvent ? 'yes' : 'no'],
          ['counties served', String((s.counties || []).length)],
        ], 'insurer-summary'));
      card.appendChild(el('h4', { text: 'Prices for next year (yuan a year, by age band)' }));
      card.appendChild(table([{ key: 'product' }].concat(bands.map((b, i) => ({ key: 'b' + i, label: b, format: fmtYuan }))),
        (s.products || []).map((p) => Object.assign({ product: productName(st, p.product) },
          Object.fromEntries((p.premium_by_band_fen || []).map((f, i) => ['b' + i, yuan(f)])))), { testid: 'insurer-prices' }));
      card.appendChild(el('h4', { text: 'Book by year (yuan)' }));
      card.appendChild(table([
        { key: 'year' },
        { key: 'policies' },
        { key: 'premiums_fen', label: 'premiums', get: (r) => yuan(r.premiums_fen), format: fmtYuan },
        { key: 'claims_fen', label: 'claims', get: (r) => yuan(r.claims_fen), format: fmtYuan },
        { key: 'loss', label: 'loss ratio', title: 'claims over premiums', get: (r) => (r.premiums_fen ? r.claims_fen / r.premiums_fen : null), format: pct },
        { key: 'expenses_fen', label: 'expenses', get: (r) => yuan(r.expenses_fen), format: fmtYuan },
        { key: 'capital_fen', label: 'capital at the end', get: (r) => yuan(r.capital_fen), format: fmtYuan },
        { key: 'solvency_ratio', label: 'solvency', format: (v) => trim(v, 2) },
        { key: 'solvent' },
        { key: 'counties', label: 'counties' },
        { key: 'exits', label: 'counties left' },
        { key: 'next', label: 'next premium', title: 'the premium set for the next year, by age band', get: (r) => (r.products || []).map((p) =>
          productName(st, p.product) + ' ' + (p.next_premium_by_band_fen || []).map((f) => fmtYuan(f / 100)).join(' / ')).join('; ') || '—' },
      ], a.history || [], { testid: 'insurer-history' }));
      for (const p of s.products || []) {
        if (!(p.experience || []).length) continue;
        card.appendChild(el('h4', { text: 'Claims experience of ' + productName(st, p.product) + ' (by age band)' }));
        card.appendChild(table([{ key: 'year' },
          { key: 'policies', get: (r) => (r.policies || []).join(' / ') },
          { key: 'claims_fen', label: 'claims (yuan)', get: (r) => (r.claims_fen || []).map((f) => fmtYuan(f / 100)).join(' / ') },
          { key: 'per', label: 'claims a policy (yuan)', get: (r) => (r.claims_fen || []).map((f, i) => (r.policies[i] ? fmtYuan(f / 100 / r.policies[i]) : '—')).join(' / ') },
        ], p.experience, { compact: true }));
      }
      card.appendChild(allFields(a));
      return card;
    }

    let insurerBands = null;
    function bandLabels(ages) {
      if (!Array.isArray(ages) || ages.length !== 2) return ['young', 'middle', 'old'];
      return ['under ' + ages[0], ages[0] + '–' + (ages[1] - 1), ages[1] + ' and over'];
    }

    function allFields(a, history) {
      return el('details', { class: 'all-fields' }, el('summary', { text: 'All fields, as the server sends them' }),
        el('h4', { text: 'State' }), rawState(a.state),
        el('h4', { text: 'History' }), rawTable(history || a.history, 'agent-history'));
    }

    function sync(st) {
      if (repSelect.options.length !== st.replications) {
        clear(repSelect);
        for (let r = 0; r < st.replications; r++) repSelect.appendChild(el('option', { value: String(r), text: String(r) }));
      }
      if (!insurersBox.firstChild || insurersBox.dataset.count !== String((st.insurers || []).length)) {
        clear(insurersBox);
        insurersBox.dataset.count = String((st.insurers || []).length);
        insurersBox.appendChild(el('h3', { text: 'Insurers' }));
        if (!(st.insurers || []).length) insurersBox.appendChild(el('p', { class: 'muted', text: 'No insurer in this scenario.' }));
        for (const i of st.insurers || []) {
          insurersBox.appendChild(el('button', { class: 'chip insurer-link', testid: 'insurer-link', dataset: { id: i }, text: i,
            onclick: () => act(null, () => openAgent('insurers', i)) }));
        }
      }
      if (st.year !== lastYear && st.state !== 'running') {
        lastYear = st.year;
        act(null, loadCounties);
        if (opened) act(null, () => openAgent(opened[0], opened[1]));
      } else if (lastYear === undefined) { lastYear = st.year; act(null, loadCounties); }
    }
    if (insurerBands === null) {
      get(runPath(runId, '/parameters')).then((v) => { insurerBands = v['market.age_bands'] || []; }).catch(() => { insurerBands = []; });
    }
    return { node, sync, openAgent };
  }

  // ================================================================ side by side

  async function compareSetup(runId, getStatus) {
    const [list, params] = await Promise.all([scenarios(), parameters()]);
    const st = getStatus();
    const scen = el('select', { testid: 'compare-scenario' }, list.map((s) => el('option', { value: s.name, text: s.name, selected: s.name === st.scenario })));
    const tree = expandParams(params, { 'market.products': st.products || [], 'market.insurers': st.insurers || [] });
    const path = el('input', { type: 'text', list: 'compare-paths', placeholder: 'optional, e.g. market.products[open_cover].endorsed', testid: 'compare-path', spellcheck: 'false' });
    const dl = el('datalist', { id: 'compare-paths' }, tree.map((p) => el('option', { value: p.path })));
    const value = el('input', { type: 'text', placeholder: 'its value', testid: 'compare-value' });
    const problem = el('div', { class: 'problem', testid: 'compare-problem', role: 'status' });
    const go = el('button', { class: 'primary', testid: 'btn-compare', text: 'Create the second run' });
    go.addEventListener('click', () => act(go, async () => {
      const s = getStatus();
      problem.textContent = '';
      const body = { scenario: scen.value, seed: s.seed, households: s.households, years: s.end_year - s.start_year + 1, replications: s.replications, engine: s.engine };
      const lever = path.value.trim();
      if (lever) {
        if (value.value.trim() === '') { problem.textContent = 'Give the lever a value, or leave the lever empty.'; return; }
        body.set = { [lever]: parseTyped(tree.find((p) => p.path === lever), value.value) };
      }
      try {
        const other = await post('/api/runs', body);
        navigate('#/compare/' + encodeURIComponent(runId) + '/' + encodeURIComponent(other.id));
      } catch (e) {
        if (e instanceof ApiError && e.status === 400) problem.textContent = e.problems.length ? e.problems.map((x) => (x.field ? x.field.replace(/^set\./, '') + ': ' : '') + x.message).join('; ') : e.message;
        else throw e;
      }
    }));
    const others = el('div', { class: 'others' });
    async function listOthers() {
      const runs = await get('/api/runs');
      const s = getStatus();
      const pairable = runs.filter((r) => r.id !== s.id && r.seed === s.seed && r.households === s.households && r.start_year === s.start_year && r.replications === s.replications);
      clear(others);
      if (!pairable.length) return;
      others.appendChild(el('h3', { text: 'Or compare with a run already made with the same settings' }));
      others.appendChild(el('ul', { class: 'plain' }, pairable.map((r) => el('li', null,
        el('a', { href: '#/compare/' + encodeURIComponent(s.id) + '/' + encodeURIComponent(r.id), testid: 'compare-with', text: r.id + ': ' + r.scenario + ' (' + r.state + ', ' + (r.year ?? 'not started') + ')' })))));
    }
    const node = el('section', { class: 'card compare-setup', testid: 'compare-setup' },
      el('h2', { text: 'Side by side' }),
      el('p', { text: 'A second run with this run\'s seed, households, years and replications, so that both draw the same random numbers: ' +
        'another scenario, or this one with a lever changed from the start. The two then step together and the page shows their paired differences.' }),
      el('div', { class: 'lever-grid' },
        el('label', { class: 'stack' }, el('span', { text: 'scenario' }), scen),
        el('label', { class: 'stack' }, el('span', { text: 'lever (optional)' }), path, dl),
        el('label', { class: 'stack' }, el('span', { text: 'value' }), value)),
      el('div', { class: 'actions' }, go), problem, others);
    act(null, listOthers);
    return { node, sync: () => {} };
  }

  async function renderCompare(app, a, b) {
    const info = await metricsInfo();
    const ra = runPath(a), rb = runPath(b);
    let [sa, sb] = await Promise.all([get(ra), get(rb)]);
    const head = el('div', { class: 'compare-head', testid: 'compare-head' });
    const controls = runControls(() => [a, b], () => refresh());
    const metricSel = el('select', { testid: 'compare-metric', 'aria-label': 'metric' });
    const chartsBox = el('div', { class: 'charts two' });
    const tableBox = el('div', { class: 'card', testid: 'compare-table-box' });
    const names = Object.keys(info);
    const market = (sa.products || []).length > 0;
    const defaultMetric = market ? 'product_average_premium_yuan' : 'pension_contribution_rate';
    for (const n of names) metricSel.appendChild(el('option', { value: n, text: n, selected: n === defaultMetric, title: info[n].description }));
    const scopes = ['national'].concat(REGIONS,
      [...new Set((sa.insurers || []).concat(sb.insurers || []))].map((i) => 'insurer:' + i),
      [...new Set((sa.products || []).concat(sb.products || []))].map((p) => 'product:' + p));
    const regionSel = el('select', { testid: 'compare-region', 'aria-label': 'scope' }, scopes.map((r) => el('option', { value: r, text: r })));
    // Product metrics are kept by product; the rest nationally, by region, and some by insurer.
    const pickScope = () => {
      const m = metricSel.value;
      if (/^product_/.test(m)) { if (!regionSel.value.startsWith('product:') && (sa.products || []).length) regionSel.value = 'product:' + sa.products[0]; }
      else if (regionSel.value.startsWith('product:')) regionSel.value = 'national';
    };
    pickScope();
    metricSel.addEventListener('change', () => { pickScope(); refresh(); });
    regionSel.addEventListener('change', () => refresh());

    app.appendChild(el('div', { class: 'page-head' }, el('h1', { text: 'Side by side' }),
      el('p', { class: 'lead', text: 'Two runs with the same seed, stepped together. Differences are paired: second minus first, year by year, ' +
        'with a 95% interval across replications where there are several.' })));
    app.appendChild(head);
    app.appendChild(el('div', { class: 'toolbar' }, controls.node, el('span', { class: 'spacer' }),
      el('label', { class: 'opt inline' }, el('span', { text: 'metric' }), metricSel),
      el('label', { class: 'opt inline' }, el('span', { text: 'scope' }), regionSel)));
    const desc = el('p', { class: 'muted metric-desc', testid: 'compare-metric-desc' });
    app.appendChild(desc);
    app.appendChild(chartsBox);
    app.appendChild(tableBox);

    let timer = null, closed = false, busyRefresh = false, again = false;
    async function refresh() {
      if (busyRefresh) { again = true; return; }
      busyRefresh = true;
      try {
        [sa, sb] = await Promise.all([get(ra), get(rb)]);
        if (closed) return;
        clear(head).appendChild(el('div', { class: 'pair' },
          el('div', { class: 'card' }, el('h3', { text: 'First' }), statusLine(sa), el('a', { href: '#/run/' + encodeURIComponent(a), text: 'open run ' + a })),
          el('div', { class: 'card' }, el('h3', { text: 'Second' }), statusLine(sb), el('a', { href: '#/run/' + encodeURIComponent(b), text: 'open run ' + b }))));
        controls.sync([sa, sb]);
        const metric = metricSel.value, region = regionSel.value;
        const unit = (info[metric] && info[metric].unit) || '';
        desc.textContent = (info[metric] && info[metric].description ? info[metric].description : metric) + (unit ? ' (' + unit + ')' : '');
        let rows = [];
        let conflict = null;
        const q = '/metrics?metric=' + encodeURIComponent(metric) + '&region=' + encodeURIComponent(region);
        const [la, lb] = await Promise.all([get(ra + q), get(rb + q)]);
        try {
          rows = await get(ra + '/compare/' + encodeURIComponent(b) + '?metric=' + encodeURIComponent(metric));
        } catch (e) {
          if (!(e instanceof ApiError) || e.status !== 409) throw e;
          conflict = e.message;
        }
        rows = (rows || []).filter((r) => r.region === region && r.metric === metric).sort((x, y) => x.year - y.year);
        const levelA = seriesFromRows(la)[metric + '|' + region] || [], levelB = seriesFromRows(lb)[metric + '|' + region] || [];
        const x0 = Math.min(sa.start_year, sb.start_year), x1 = Math.max(sa.end_year, sb.end_year);
        const markers = markersOf(sa).map((m) => Object.assign(m, { label: 'first: ' + m.label }))
          .concat(markersOf(sb).map((m) => Object.assign(m, { label: 'second: ' + m.label })));
        const empty = sa.year !== null && sb.year !== null ? 'no value for this metric and scope' : 'no year done yet';
        const levels = lineChart({ title: metric, x0, x1, markers, wide: true, empty, series: [
          { label: 'first: ' + sa.scenario + ' (' + a + ')', unit, points: levelA },
          { label: 'second: ' + sb.scenario + ' (' + b + ')', unit, points: levelB, dashed: true }] });
        const diff = lineChart({ title: 'difference', x0, x1, zeroLine: true, wide: true, empty,
          band: sa.replications > 1 ? { label: '95% interval', points: rows.map((r) => [r.year, r.ci_low, r.ci_high]) } : null,
          series: [{ label: 'second − first', unit, points: rows.map((r) => [r.year, r.difference]), color: PALETTE[2] }] });
        clear(chartsBox);
        chartsBox.appendChild(el('figure', { class: 'chart', testid: 'chart-levels', dataset: { years: levels.years } }, el('figcaption', { text: metric + ' · ' + region }), levels.svg, levels.legend));
        chartsBox.appendChild(el('figure', { class: 'chart', testid: 'chart-difference', dataset: { years: diff.years } },
          el('figcaption', { text: 'Paired difference, second − first' + (sa.replications > 1 ? ', with its 95% interval' : '') }), diff.svg, diff.legend));
        clear(tableBox);
        if (conflict) tableBox.appendChild(el('p', { class: 'problem', text: conflict }));
        const byYear = new Map(rows.map((r) => [r.year, r]));
        const years = [...new Set(levelA.concat(levelB).map((p) => p[0]))].sort((x, y) => x - y);
        const at = (pts, y) => { const p = pts.find((q) => q[0] === y); return p ? p[1] : null; };
        const tableRows = years.map((y) => Object.assign({ n: 0, difference: null, ci_low: null, ci_high: null }, byYear.get(y) || {},
          { year: y, first: at(levelA, y), second: at(levelB, y) }));
        tableBox.appendChild(table([
          { key: 'year' },
          { key: 'first', label: 'first', format: (v) => fmt(v, unit) },
          { key: 'second', label: 'second', format: (v) => fmt(v, unit) },
          { key: 'difference', label: 'second − first', format: (v) => fmt(v, unit) },
          { key: 'ci_low', label: '95% low', format: (v) => fmt(v, unit) },
          { key: 'ci_high', label: '95% high', format: (v) => fmt(v, unit) },
          { key: 'n', label: 'pairs', title: 'replications in which both runs have a value' },
        ], tableRows, { testid: 'compare-table' }));
      } catch (e) {
        if (!(e instanceof ApiError && e.status === 401)) showError(e);
      } finally {
        busyRefresh = false;
        if (again && !closed) { again = false; refresh(); }
        else {
          clearTimeout(timer);
          if (!closed && (sa.state === 'running' || sb.state === 'running')) timer = setTimeout(refresh, 1000);
        }
      }
    }
    const sources = [a, b].map((id) => {
      if (!window.EventSource) return null;
      const es = new EventSource(runPath(id, '/events'));
      es.addEventListener('year', () => refresh());
      return es;
    });
    onLeave(() => { closed = true; clearTimeout(timer); for (const es of sources) if (es) es.close(); });
    await refresh();
  }

  // ================================================================ classroom

  async function renderClassroom(app, id) {
    document.body.classList.add('classroom');
    const [info, list, first] = await Promise.all([metricsInfo(), scenarios(), get(runPath(id))]);
    const scen = list.find((s) => s.name === first.scenario) || {};
    const lesson = scen.lesson || { title: scen.question || first.scenario, charts: [['pension_contribution_rate', 'national'], ['medical_enrollment_rate', 'national']] };
    const spec = (lesson.charts || []).map((c) => (Array.isArray(c) ? c : [c.metric, c.scope || c.region || 'national']))
      .map(([m, scope]) => [m, scope, classLabel(m, scope)]);
    const metricNames = [...new Set(spec.map((s) => s[0]))];
    const yearBig = el('div', { class: 'year-big', testid: 'class-year' });
    const chartBox = el('div', { class: 'class-chart', testid: 'class-chart' });
    const controls = runControls(() => [id], () => live.refresh());
    app.appendChild(el('div', { class: 'lesson-head' },
      el('div', null,
        el('p', { class: 'lesson-kicker', text: 'Scenario ' + first.scenario }),
        el('h1', { class: 'lesson-question', testid: 'lesson-question', text: lesson.title || scen.question || first.scenario }),
        scen.description ? el('details', { class: 'lesson-desc', testid: 'lesson-desc' }, el('summary', { text: 'What the scenario assumes' }), el('p', { text: scen.description })) : null),
      yearBig));
    app.appendChild(el('div', { class: 'toolbar' }, controls.node, el('span', { class: 'spacer' }),
      el('a', { href: '#/run/' + encodeURIComponent(id), class: 'button', testid: 'btn-full-view', text: 'Full run view' })));
    app.appendChild(chartBox);
    let lever = null;
    const live = liveRun(id, metricNames, (st, data) => {
      clear(yearBig).appendChild(el('span', { class: 'label', text: st.year === null || st.year === undefined ? 'starts in' : st.state === 'finished' ? 'ended in' : 'year' }));
      yearBig.appendChild(el('span', { class: 'value', text: String(st.year ?? st.start_year) }));
      controls.sync([st]);
      clear(chartBox).appendChild(chartFigure({ id: 'lesson', title: '' }, buildSeries(spec, data, info, st), st, true));
      if (lever) lever.sync(st);
    });
    onLeave(() => live.close());
    lever = await leverPanel(id, () => live.status || first, () => live.refresh(), true);
    app.appendChild(el('details', { class: 'class-lever', testid: 'class-lever' }, el('summary', { text: 'Change a lever now' }), lever.node));
    if (live.status) lever.sync(live.status);
  }

  // Plain words for the lesson's series, for a projector.
  function classLabel(metric, scope) {
    const words = {
      product_average_premium_yuan: 'premium (yuan a year)',
      supplementary_medical_uptake_chronic: 'uptake among the chronically ill',
      supplementary_medical_uptake_healthy: 'uptake among the healthy',
      product_holders_chronic_share: 'chronically ill, share of holders',
      insurer_loss_ratio: 'loss ratio (claims / premiums)',
      avg_trust: 'average trust',
      pension_contribution_rate: 'contributing to the pension',
      scandal_counties: 'counties with a scandal',
      avg_monthly_pension_yuan: 'average pension (yuan a month)',
      theil_between_regions: 'Theil between regions',
      medical_enrollment_rate: 'enrolled in medical insurance',
    };
    const w = words[metric] || metric;
    return scope && scope !== 'national' && !scope.startsWith('product:') ? w + ', ' + scope : w;
  }

  // ================================================================ start

  window.addEventListener('hashchange', route);
  if (document.readyState === 'loading') window.addEventListener('DOMContentLoaded', route);
  else route();
})();
