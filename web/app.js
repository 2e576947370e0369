// Chronicle's phone page: join, then show whatever the host's last `state` says.
// The protocol is docs/class-protocol.md. The host is the only authority: this page
// keeps nothing but the client id, the nickname and the language, and draws every
// screen from the last `state` (render()), so a reload or a reconnect shows the same.
//
// Loaded with #render-test, the page never connects: window.chronicleRender(state)
// and window.chronicleReceive(message) feed it messages, and what it would send is
// recorded in window.chronicleSent (tests/web/phone_page.test.mjs).

import { LANGS, pickLang, translate, place, number } from './i18n.js';

const TEST = location.hash === '#render-test';
const $ = (id) => document.getElementById(id);

// localStorage throws in some private modes; the page then just forgets.
function load(key) { try { return localStorage.getItem(key); } catch { return null; } }
function save(key, value) { try { localStorage.setItem(key, value); } catch { /* forget */ } }
function loadSession(key) { try { return sessionStorage.getItem(key); } catch { return null; } }
function saveSession(key, value) { try { sessionStorage.setItem(key, value); } catch { /* forget */ } }

let lang = LANGS.includes(load('chronicle.lang')) ? load('chronicle.lang')
  : pickLang(navigator.languages || [navigator.language]);
const t = (key, vars) => translate(lang, key, vars);

// 18 random bytes → 24 base64url characters (the host takes 16–64 of A–Z a–z 0–9 - _).
function makeClientId() {
  const bytes = crypto.getRandomValues(new Uint8Array(18));
  return btoa(String.fromCharCode(...bytes)).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}
let clientId = load('chronicle.client');
if (!/^[A-Za-z0-9_-]{16,64}$/.test(clientId || '')) {
  clientId = makeClientId();
  save('chronicle.client', clientId);
}

// ---- what the page knows ----------------------------------------------------------
let view = 'join';        // 'join' | 'game' | 'removed' | 'replaced'
let replacedJoin = null;  // the join another tab took over: "Play here" sends it again
let last = null;          // the last `state` from the host
let receivedAt = 0;       // performance.now() when it came: the countdown starts there
let joinMsg = null;       // the `join` sent on every (re)connection; null: not joining
let joinError = '';       // the sentence under the join form
let welcomeName = '';     // the name the host gave back (a rejoin keeps the first one)
const sent = new Map();   // question index → the choice sent for it
let arrangement = { question: -1, order: [] }; // an order question being arranged

// ---- connection -------------------------------------------------------------------
const DELAYS = [500, 1000, 2000, 4000, 5000]; // reconnect backoff, ms
let ws = null;
let connected = false;    // the current socket has had a welcome or state
let retries = 0;
let retryTimer = 0;

function connect() {
  clearTimeout(retryTimer);
  retryTimer = 0;
  if (TEST || !joinMsg) return;
  if (ws && ws.readyState <= WebSocket.OPEN) return; // connecting or open already
  const sock = new WebSocket(`${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/ws`);
  ws = sock;
  sock.onopen = () => { if (joinMsg) sock.send(JSON.stringify(joinMsg)); };
  sock.onmessage = (e) => {
    if (ws !== sock) return;
    let msg;
    try { msg = JSON.parse(e.data); } catch { return; }
    if (msg && typeof msg === 'object') receive(msg);
  };
  // An error is always followed by close; close alone decides about reconnecting.
  sock.onclose = () => {
    if (ws !== sock) return;
    ws = null;
    connected = false;
    if (joinMsg && view !== 'removed') {
      retryTimer = setTimeout(connect, DELAYS[Math.min(retries, DELAYS.length - 1)]);
      retries++;
    }
    showBar();
  };
}

// Back now (the phone woke up or found the network): don't wait for the backoff.
function reconnectNow() {
  if (TEST || !joinMsg || (ws && ws.readyState <= WebSocket.OPEN)) return;
  retries = 0;
  connect();
}
document.addEventListener('visibilitychange', () => { if (document.visibilityState === 'visible') reconnectNow(); });
window.addEventListener('online', reconnectNow);

function send(msg) {
  if (TEST) {
    window.chronicleSent.push(JSON.parse(JSON.stringify(msg)));
    return true;
  }
  if (!ws || ws.readyState !== WebSocket.OPEN) return false;
  ws.send(JSON.stringify(msg));
  return true;
}

function showBar() {
  $('reconnecting').hidden = TEST || !joinMsg || connected || (view === 'join' && retries === 0);
}

// ---- messages from the host -------------------------------------------------------
// Codes that refuse a join: shown on the form, and the page stops trying.
const JOIN_CODES = ['wrong_pin', 'bad_client', 'name_empty', 'name_too_long', 'name_control', 'name_taken',
  'game_full', 'game_over'];

function receive(msg) {
  if (view === 'removed' || view === 'replaced') return; // for good, or until "Play here"
  if (msg.type === 'welcome') {
    connected = true;
    retries = 0;
    if (typeof msg.name === 'string') {
      welcomeName = msg.name;
      save('chronicle.name', msg.name);
    }
    if (joinMsg) saveSession('chronicle.joined', joinMsg.pin);
    view = 'game';
  } else if (msg.type === 'state') {
    connected = true;
    retries = 0;
    last = msg;
    receivedAt = performance.now();
    view = 'game';
    // What was sent is kept for its question (to show it while waiting), then forgotten.
    const q = msg.question;
    for (const index of sent.keys()) if (!q || q.index !== index) sent.delete(index);
  } else if (msg.type === 'error') {
    onError(String(msg.code));
  }
  showBar();
  render();
}

function onError(code) {
  // Another tab of this browser (same client id) took the seat: reconnecting by itself
  // would take it back, and the two tabs would take turns for ever. The student chooses.
  if (code === 'replaced') {
    view = 'replaced';
    replacedJoin = joinMsg;
    joinMsg = null;
    return;
  }
  if (code === 'removed') {
    view = 'removed';
    joinMsg = null;
    if (ws) ws.close();
    return;
  }
  if (code === 'bad_client') { // a spoilt id in storage: make a new one for the next try
    clientId = makeClientId();
    save('chronicle.client', clientId);
  }
  if (JOIN_CODES.includes(code)) {
    // Refused (a first join, or a rejoin after the host restarted): back to the form.
    joinMsg = null;
    view = 'join';
    last = null;
    joinError = errorText(code);
    saveSession('chronicle.joined', '');
    return;
  }
  if (code === 'not_joined' && joinMsg) send(joinMsg);
  // Not taken: the tiles come back (to try again, or to see the time is up).
  if ((code === 'bad_choice' || code === 'not_open') && last && last.question) sent.delete(last.question.index);
  toast(errorText(code));
}

function errorText(code) {
  const key = `err_${code}`;
  return t(key) === key ? t('err_unknown', { code }) : t(key);
}

let toastTimer = 0;
function toast(text) {
  const box = $('toast');
  box.textContent = text;
  box.hidden = false;
  clearTimeout(toastTimer);
  toastTimer = setTimeout(() => { box.hidden = true; }, 4000);
}

// ---- join form --------------------------------------------------------------------
const params = new URLSearchParams(location.search);
const urlPin = (params.get('pin') || '').replace(/\D/g, '').slice(0, 6);
$('pin').value = urlPin;
$('name').value = load('chronicle.name') || '';

// The host's own rules, checked first so the student sees the sentence at once.
function nameProblem(name) {
  const length = [...name].length; // code points, as the host counts
  if (length === 0) return 'name_empty';
  if (length > 20) return 'name_too_long';
  if (/\p{Cc}/u.test(name)) return 'name_control';
  return '';
}

function startJoin(pin, name) {
  joinMsg = { type: 'join', pin, client: clientId, name };
  joinError = '';
  retries = 0;
  if (TEST || (ws && ws.readyState === WebSocket.OPEN)) send(joinMsg);
  else connect();
}

$('join-form').addEventListener('submit', (e) => {
  e.preventDefault();
  const pin = $('pin').value.trim();
  const name = $('name').value.trim();
  const problem = !/^\d{6}$/.test(pin) ? 'pin_format' : nameProblem(name);
  if (problem) {
    joinError = errorText(problem);
  } else {
    save('chronicle.name', name);
    startJoin(pin, name);
  }
  render();
});

$('lang').addEventListener('click', () => {
  lang = LANGS[(LANGS.indexOf(lang) + 1) % LANGS.length];
  save('chronicle.lang', lang);
  render();
});

// ---- drawing ----------------------------------------------------------------------
// el('p', 'class', child…): children are nodes or strings; strings become text nodes,
// so server text (nicknames, questions) is never parsed as HTML.
function el(tag, cls, ...children) {
  const e = document.createElement(tag);
  if (cls) e.className = cls;
  for (const c of children) if (c !== null && c !== undefined && c !== false) e.append(c);
  return e;
}

const SVG = 'http://www.w3.org/2000/svg';
function svgEl(tag, attrs) {
  const e = document.createElementNS(SVG, tag);
  for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, v);
  return e;
}
function svg(cls, ...children) {
  const s = svgEl('svg', { viewBox: '0 0 100 100', class: cls, 'aria-hidden': 'true', focusable: 'false' });
  s.append(...children);
  return s;
}

// The projector's tile shapes (game/ui/tiles.cpp): ▲ ◆ ● ■, drawn in the tile's ink.
function shape(i) {
  const fill = { fill: 'currentColor' };
  const k = i % 4;
  const body = k === 0 ? svgEl('polygon', { points: '50,5 95,80 5,80', ...fill })
    : k === 1 ? svgEl('polygon', { points: '50,5 95,50 50,95 5,50', ...fill })
      : k === 2 ? svgEl('circle', { cx: 50, cy: 50, r: 42, ...fill })
        : svgEl('rect', { x: 13, y: 13, width: 74, height: 74, ...fill });
  return svg('shape', body);
}

function mark(kind) {
  if (kind === 'partly') return svg('mark', svgEl('path', { d: 'M20 50 L80 50', fill: 'none', stroke: 'currentColor', 'stroke-width': 14, 'stroke-linecap': 'round' }));
  return kind === 'correct'
    ? svg('mark', svgEl('path', { d: 'M18 52 L40 74 L84 26', fill: 'none', stroke: 'currentColor', 'stroke-width': 14, 'stroke-linecap': 'round', 'stroke-linejoin': 'round' }))
    : svg('mark', svgEl('path', { d: 'M24 24 L76 76 M76 24 L24 76', fill: 'none', stroke: 'currentColor', 'stroke-width': 14, 'stroke-linecap': 'round' }));
}

// One option as a tile: a button to answer with, or (tag 'div') a picture of it.
function tile(q, i, tag = 'button') {
  const text = q.options && q.options[i] && typeof q.options[i].text === 'string' ? q.options[i].text : '';
  const e = el(tag, `tile t${i % 4}`, shape(i));
  if (text) {
    const span = el('span', 'tile-text', text);
    if (last && last.lang) span.lang = last.lang;
    e.append(span);
  }
  e.dataset.opt = i;
  if (tag === 'button') e.type = 'button';
  e.setAttribute('aria-label', `${t(`shape_${i % 4}`)}${text ? ` — ${text}` : ''}`);
  return e;
}

function render() {
  document.documentElement.lang = lang === 'zh' ? 'zh-CN' : lang;
  document.title = t('title');
  for (const e of document.querySelectorAll('[data-i18n]')) e.textContent = t(e.dataset.i18n);
  $('lang').textContent = t('lang_button');
  $('lang').setAttribute('aria-label', t('lang_button_label'));
  $('lang').lang = lang === 'zh' ? 'en' : 'zh-CN';

  $('join').hidden = view !== 'join';
  $('screen').hidden = view === 'join';
  $('join-error').textContent = joinError;
  $('join-button').textContent = joinMsg && view === 'join' && !joinError ? t('joining') : t('join_button');

  const me = last && last.me;
  $('who').textContent = view === 'game' && me ? me.name : '';
  const q = last && last.question;
  $('progress').textContent = view === 'game' && q && last.phase !== 'end'
    ? `${q.index + 1} / ${q.count}` : '';

  if (view === 'join') return;
  // Keep the keyboard focus on the same option across a redraw.
  const focused = document.activeElement && document.activeElement.dataset ? document.activeElement.dataset.opt : undefined;
  const screen = $('screen');
  if (view === 'replaced') {
    const again = el('button', 'primary', t('play_here'));
    again.type = 'button';
    again.addEventListener('click', () => {
      view = 'game';
      if (replacedJoin) startJoin(replacedJoin.pin, replacedJoin.name);
      render();
    });
    screen.replaceChildren(el('section', 'panel removed', el('h1', '', t('replaced_heading')), el('p', 'big', t('err_replaced')), again));
    return;
  }
  if (view === 'removed') {
    screen.replaceChildren(el('section', 'panel removed', el('h1', '', t('removed_heading')), el('p', 'big', t('err_removed'))));
    return;
  }
  if (!last) { // welcomed, the first state not here yet
    screen.replaceChildren(el('section', 'panel lobby', el('p', 'big', t('lobby_in')), el('p', 'nick', welcomeName)));
    return;
  }
  screen.replaceChildren(phaseView(last));
  if (last.paused) {
    screen.append(el('div', 'overlay', el('div', 'panel', el('h2', '', t('paused')), el('p', '', t('paused_wait')))));
  }
  if (focused !== undefined) {
    const again = screen.querySelector(`button[data-opt="${focused}"]`);
    if (again) again.focus();
  }
  tick();
}

function phaseView(s) {
  const q = s.question;
  switch (s.phase) {
    case 'lobby': return lobbyView(s);
    case 'question': return q ? (sent.has(q.index) ? answeredView(s) : questionView(s)) : lobbyView(s);
    case 'answered': return answeredView(s);
    case 'reveal': case 'leaderboard': return resultView(s);
    case 'end': return endView(s);
    default: return lobbyView(s);
  }
}

function lobbyView(s) {
  return el('section', 'panel lobby',
    el('p', 'big', t('lobby_in')),
    el('p', 'nick', (s.me && s.me.name) || ''),
    el('p', '', t('lobby_players', { n: s.players ?? 0 })),
    el('p', 'wait', t('lobby_wait'), el('span', 'dots')));
}

// The question's heading: which question, the prompt if the host sends it, the clock.
function questionHead(s) {
  const q = s.question;
  // No left_ms (the host has no clock for this question): no countdown at all.
  const timed = typeof q.left_ms === 'number';
  const head = el('div', 'qhead',
    el('p', 'qcount', t('question_of', { n: q.index + 1, count: q.count })),
    timed ? el('p', 'countdown', '') : null,
    timed ? el('div', 'clockbar', el('div', 'clockfill')) : null);
  if (typeof q.prompt === 'string' && q.prompt) {
    const p = el('h1', 'prompt', q.prompt);
    if (s.lang) p.lang = s.lang;
    head.append(p);
  }
  return head;
}

function questionView(s) {
  const q = s.question;
  const n = (q.options || []).length;
  if (q.arrange) return el('section', 'question', questionHead(s), arrangeView(q));
  const grid = el('div', `tiles n${n}${longTexts(q) ? ' long' : ''}`);
  for (let i = 0; i < n; i++) {
    const b = tile(q, i);
    b.addEventListener('click', () => answer(q, [i]));
    grid.append(b);
  }
  return el('section', 'question', questionHead(s), el('p', 'hint', t('tap_tile')), grid);
}

// Texts too long for half a phone's width: one tile under another in portrait (as the
// projector does when a text would take more than three lines in a grid cell).
function longTexts(q) {
  return (q.options || []).some((o) => typeof o.text === 'string' && [...o.text].length > 24);
}

function answer(q, choice) {
  if (send({ type: 'answer', question: q.index, choice })) {
    sent.set(q.index, choice);
    render();
  } else {
    showBar();
  }
}

// ---- order questions: tap to place, or drag ----------------------------------------
function arrangeView(q) {
  if (arrangement.question !== q.index) arrangement = { question: q.index, order: [] };
  const order = arrangement.order;
  const n = (q.options || []).length;
  const placed = el('ol', 'placed');
  order.forEach((opt, pos) => placed.append(el('li', '', orderItem(q, opt, pos))));
  for (let pos = order.length; pos < n; pos++) {
    placed.append(el('li', 'slot', el('span', 'num', String(pos + 1)), el('span', 'sr', t('drop_here', { n: pos + 1 }))));
  }
  const pool = el('div', `pool${longTexts(q) ? ' long' : ''}`);
  for (let i = 0; i < n; i++) if (!order.includes(i)) pool.append(orderItem(q, i, -1));
  const submit = el('button', 'primary submit', t('submit'));
  submit.type = 'button';
  submit.disabled = order.length !== n;
  submit.addEventListener('click', () => answer(q, order.slice()));
  return el('div', 'arrange',
    el('p', 'hint', t('arrange_hint')),
    el('h2', 'sub', t('your_order')), placed,
    order.length < n ? el('h2', 'sub', t('to_place')) : null, order.length < n ? pool : null,
    submit);
}

function orderItem(q, opt, pos) {
  const b = tile(q, opt);
  b.classList.add('order-item');
  if (pos >= 0) b.prepend(el('span', 'num', String(pos + 1)));
  b.addEventListener('click', () => {
    if (dragJustEnded) return; // the click that ends a drag is not a tap
    const order = arrangement.order;
    if (order.includes(opt)) order.splice(order.indexOf(opt), 1);
    else order.push(opt);
    render();
  });
  b.addEventListener('pointerdown', (e) => startDrag(e, b, opt));
  return b;
}

// Dragging: the tile follows the finger (a transform, so the layout does not move);
// dropped over "your order" it goes in before the first placed tile whose middle is
// below the finger; dropped anywhere else it goes back to the pool. Pointer events
// cover mouse, pen and touch alike; `touch-action: none` on the tiles keeps the page
// from scrolling under the finger.
let drag = null;
let dragJustEnded = false;

function startDrag(e, item, opt) {
  if (e.button !== 0 || drag) return;
  drag = { item, opt, id: e.pointerId, x: e.clientX, y: e.clientY, moving: false };
  item.setPointerCapture(e.pointerId);
  item.addEventListener('pointermove', moveDrag);
  item.addEventListener('pointerup', endDrag);
  item.addEventListener('pointercancel', endDrag);
}

function dropIndex(y) {
  const items = [...document.querySelectorAll('.placed .order-item')].filter((b) => b !== drag.item);
  let index = 0;
  for (const b of items) {
    const r = b.getBoundingClientRect();
    if (y > r.top + r.height / 2) index++;
  }
  return index;
}

function overPlaced(x, y) {
  const r = document.querySelector('.placed').getBoundingClientRect();
  return y >= r.top - 24 && y <= r.bottom + 24 && x >= r.left && x <= r.right;
}

function moveDrag(e) {
  if (!drag || e.pointerId !== drag.id) return;
  const dx = e.clientX - drag.x, dy = e.clientY - drag.y;
  if (!drag.moving && Math.hypot(dx, dy) < 8) return; // a tap wobbles a little
  drag.moving = true;
  drag.item.classList.add('dragging');
  drag.item.style.transform = `translate(${dx}px, ${dy}px)`;
  // Show where it would go: a line above the tile it would go before (or after the last).
  const over = overPlaced(e.clientX, e.clientY);
  const placed = document.querySelector('.placed');
  placed.classList.toggle('drop-target', over);
  const others = [...placed.querySelectorAll('.order-item')].filter((b) => b !== drag.item);
  const at = over ? dropIndex(e.clientY) : -1;
  others.forEach((b, i) => b.classList.toggle('drop-before', i === at));
  others.forEach((b, i) => b.classList.toggle('drop-after', at === others.length && i === others.length - 1));
}

function endDrag(e) {
  if (!drag || e.pointerId !== drag.id) return;
  const { item, opt, moving } = drag;
  item.removeEventListener('pointermove', moveDrag);
  item.removeEventListener('pointerup', endDrag);
  item.removeEventListener('pointercancel', endDrag);
  if (moving && e.type === 'pointerup') {
    const order = arrangement.order.filter((o) => o !== opt);
    if (overPlaced(e.clientX, e.clientY)) order.splice(Math.min(dropIndex(e.clientY), order.length), 0, opt);
    arrangement.order = order;
    dragJustEnded = true;
    setTimeout(() => { dragJustEnded = false; }, 0); // only the click that follows this pointerup
  }
  drag = null;
  if (moving) render();
}

// ---- answered, result, end ----------------------------------------------------------
function chosenTiles(q, choice) {
  const box = el(q.arrange ? 'ol' : 'div', q.arrange ? 'shown-order' : 'shown');
  for (const i of choice || []) box.append(q.arrange ? el('li', '', tile(q, i, 'div')) : tile(q, i, 'div'));
  return box;
}

function answeredView(s) {
  const q = s.question;
  const mine = sent.get(q.index) || q.chosen || (s.result && s.result.chosen);
  const waiting = s.phase === 'question'; // sent, the host has not said so yet
  return el('section', 'panel answered',
    el('p', 'big', waiting ? t('sending') : t('answered')),
    mine && mine.length ? chosenTiles(q, mine) : null,
    el('p', 'wait', t('answered_wait'), el('span', 'dots')));
}

function stats(s) {
  const me = s.me || {};
  const dl = el('dl', 'stats');
  const add = (k, v, small) => dl.append(el('div', '', el('dt', '', t(k)), el('dd', '', number(lang, v)),
    small ? el('dd', 'of', small) : null));
  add('score', me.score ?? 0);
  if (me.rank) add('rank', place(lang, me.rank), s.players ? t('rank_of', { n: s.players }) : null);
  add('streak', me.streak ?? 0);
  return dl;
}

function resultView(s) {
  const q = s.question || {};
  const r = s.result;
  const section = el('section', 'result');
  if (s.phase === 'leaderboard') section.append(el('h1', 'sub', t('scoreboard')));
  if (r) {
    const none = !r.chosen || r.chosen.length === 0;
    const verdict = r.correct ? 'correct' : none ? 'no_answer' : r.points > 0 ? 'partly' : 'wrong';
    section.append(
      el('div', `verdict ${verdict}`, mark(verdict), el('p', 'verdict-text', t(verdict))),
      el('p', 'points', t('points', { n: r.points ?? 0 })));
    if (q.arrange && r.placed) section.append(el('p', '', t('in_place', { n: r.in_place ?? 0, count: r.placed })));
  }
  section.append(stats(s));
  if (r && !r.correct && !q.arrange && r.chosen && r.chosen.length) section.append(el('h2', 'sub', t('your_answer')), chosenTiles(q, r.chosen));
  if (r && r.answer && r.answer.length) section.append(el('h2', 'sub', t('right_answer')), chosenTiles(q, r.answer));
  if (s.mode === 'self_paced') {
    const next = el('button', 'primary', t('next'));
    next.type = 'button';
    next.addEventListener('click', () => send({ type: 'next' }));
    section.append(next);
  }
  return section;
}

function endView(s) {
  const f = s.final || {};
  const top = f.rank >= 1 && f.rank <= 3;
  const section = el('section', `panel end${top ? ` podium podium${f.rank}` : ''}`,
    el('h1', '', t('end_heading')));
  if (top) {
    // A medal and confetti drawn with CSS; no motion with prefers-reduced-motion.
    const medal = svg('medal', svgEl('circle', { cx: 50, cy: 50, r: 44 }));
    const num = svgEl('text', { x: 50, y: 66, 'text-anchor': 'middle', 'font-size': 48, 'font-weight': 700 });
    num.textContent = String(f.rank);
    medal.append(num);
    const confetti = el('div', 'confetti');
    for (let i = 0; i < 24; i++) confetti.append(el('i'));
    section.append(confetti, medal, el('p', 'cheer', t('end_top')));
  }
  section.append(
    el('p', 'place', place(lang, f.rank ?? 0)),
    el('p', '', t('end_place', { place: place(lang, f.rank ?? 0), n: f.players ?? '?' })),
    stats({ me: { score: f.score ?? 0, streak: (s.me && s.me.streak) ?? 0 }, players: f.players }));
  return section;
}

// ---- the clock ----------------------------------------------------------------------
// Counts down from left_ms with this page's clock; it only shows time, the host decides
// when a question closes (an answer after that gets `not_open`). Paused: it stands.
function tick() {
  const box = document.querySelector('.countdown');
  if (!box || !last || !last.question) return;
  const q = last.question;
  const elapsed = last.paused ? 0 : performance.now() - receivedAt;
  const left = Math.max(0, q.left_ms - elapsed);
  const text = left > 0 ? t('seconds_left', { s: Math.ceil(left / 1000) }) : t('time_up');
  if (box.textContent !== text) box.textContent = text;
  const fill = document.querySelector('.clockfill');
  if (fill && q.limit_ms > 0) fill.style.transform = `scaleX(${Math.min(1, left / q.limit_ms)})`;
}
setInterval(tick, 250);

// ---- start --------------------------------------------------------------------------
if (TEST) {
  window.chronicleSent = [];
  window.chronicleReceive = (msg) => receive(msg);
  window.chronicleRender = (state) => receive({ type: 'state', ...state });
  window.chronicleSetLang = (l) => { lang = l; render(); };
} else {
  // A reload in the same tab rejoins by itself; a new tab (next week's game) asks first.
  const joined = loadSession('chronicle.joined');
  const name = $('name').value.trim();
  if (joined && (!urlPin || urlPin === joined) && name) startJoin(joined, name);
}
render();
