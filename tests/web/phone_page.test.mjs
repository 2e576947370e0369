// The class game's phone page (web/) in Debian's chromium, through playwright-core.
// A tiny static server stands in for the C++ host (only its files, with the host's
// CSP); the page is loaded with #render-test, so it draws the states given to it and
// records what it would send instead of connecting.
//
// Run: scripts/web-test.sh (or: npm ci --prefix tests/web && node --test tests/web/)
// Screenshots go to $SCREENSHOT_DIR (default build/screenshots/phone/).

import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import crypto from 'node:crypto';
import http from 'node:http';
import fs from 'node:fs';
import path from 'node:path';

import { ROOT, WEB, SHOTS, devices, launchBrowser } from './browser.mjs';

// web/ has no package.json saying its files are modules, and Node 18 (Debian 12's) goes
// by that alone: the strings are imported as a module from their text.
const { STRINGS } = await import(`data:text/javascript,${encodeURIComponent(fs.readFileSync(path.join(WEB, 'i18n.js'), 'utf8'))}`);

// The error codes of docs/class-protocol.md's table, read from the doc itself.
const PROTOCOL = fs.readFileSync(path.join(ROOT, 'docs/class-protocol.md'), 'utf8');
const CODES = [...PROTOCOL.slice(PROTOCOL.indexOf('| code | meaning |')).matchAll(/^\| (`[a-z_]+`(?:, `[a-z_]+`)*) \|/gm)]
  .flatMap((m) => [...m[1].matchAll(/`([a-z_]+)`/g)].map((c) => c[1]));
const JOIN_CODES = ['wrong_pin', 'bad_client', 'name_empty', 'name_too_long', 'name_control', 'name_taken', 'game_full', 'game_over'];

// ---- the server and the browser ------------------------------------------------------
const TYPES = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.css': 'text/css; charset=utf-8', '.svg': 'image/svg+xml' };
let server, base, browser;

before(async () => {
  server = http.createServer((req, res) => {
    const name = decodeURIComponent(new URL(req.url, 'http://x').pathname);
    const file = path.join(WEB, name === '/' ? 'index.html' : name);
    if (!file.startsWith(WEB + path.sep) || !fs.existsSync(file) || !fs.statSync(file).isFile()) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, {
      'Content-Type': TYPES[path.extname(file)] || 'application/octet-stream',
      'Content-Security-Policy': "default-src 'self'",
    });
    fs.createReadStream(file).pipe(res);
  });
  server.on('upgrade', acceptWebSocket);
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${server.address().port}/`;
  browser = await launchBrowser();
});

// ---- a stand-in host on /ws: just enough WebSocket (RFC 6455) for the page ----------
// Text frames only, each message queued with the socket it came on.
const wsMessages = [];
const wsWaiters = [];
let wsConnections = 0;

function acceptWebSocket(req, socket) {
  if (req.url !== '/ws') { socket.destroy(); return; }
  wsConnections++;
  const accept = crypto.createHash('sha1').update(`${req.headers['sec-websocket-key']}258EAFA5-E914-47DA-95CA-C5AB0DC85B11`).digest('base64');
  socket.write(`HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Accept: ${accept}\r\n\r\n`);
  let buf = Buffer.alloc(0);
  socket.on('error', () => {});
  socket.on('data', (data) => {
    buf = Buffer.concat([buf, data]);
    for (;;) {
      if (buf.length < 2) return;
      let len = buf[1] & 0x7f, at = 2;
      if (len === 126) { if (buf.length < 4) return; len = buf.readUInt16BE(2); at = 4; }
      if (buf.length < at + 4 + len) return; // phones' frames are masked
      const mask = buf.subarray(at, at + 4);
      const payload = Buffer.from(buf.subarray(at + 4, at + 4 + len)).map((b, i) => b ^ mask[i % 4]);
      const opcode = buf[0] & 0x0f;
      buf = buf.subarray(at + 4 + len);
      if (opcode === 8) { socket.end(); return; }
      if (opcode !== 1) continue;
      const item = { msg: JSON.parse(payload.toString('utf8')), socket };
      if (wsWaiters.length) wsWaiters.shift()(item); else wsMessages.push(item);
    }
  });
}

function wsSend(socket, obj) {
  const payload = Buffer.from(JSON.stringify(obj));
  const head = payload.length < 126 ? Buffer.from([0x81, payload.length]) : Buffer.from([0x81, 126, payload.length >> 8, payload.length & 0xff]);
  socket.write(Buffer.concat([head, payload]));
}

function nextMessage(timeout = 8000) {
  if (wsMessages.length) return Promise.resolve(wsMessages.shift());
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('no message from the page')), timeout);
    wsWaiters.push((item) => { clearTimeout(timer); resolve(item); });
  });
}

after(async () => {
  await browser?.close();
  server?.close();
});

const VIEWS = {
  'Pixel 5': devices['Pixel 5'],
  'iPhone 12': devices['iPhone 12'],
  '360x740': { viewport: { width: 360, height: 740 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true },
  'tablet landscape': { viewport: { width: 1180, height: 820 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true },
  'phone landscape': { viewport: { width: 740, height: 360 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true },
};

// A page in render-test mode; lang comes from the browser's languages, as for a student.
// Checks measure CSS pixels, so they draw one device pixel per CSS pixel (less work);
// screenshots keep the device's density.
async function openPage(view, lang, query = '', { sharp = false } = {}) {
  const { defaultBrowserType, ...device } = VIEWS[view]; // eslint-disable-line no-unused-vars
  if (!sharp) device.deviceScaleFactor = 1;
  const context = await browser.newContext({ ...device, locale: lang === 'zh' ? 'zh-CN' : 'en-US', reducedMotion: 'reduce' });
  const page = await context.newPage();
  const problems = [];
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  page.on('console', (m) => { if (m.type() === 'error') problems.push(`console: ${m.text()}`); });
  await page.goto(`${base}${query}#render-test`);
  await page.waitForFunction(() => typeof window.chronicleRender === 'function');
  return { page, context, problems };
}

// ---- states for every phase ---------------------------------------------------------
const TEXTS = {
  en: { prompt: 'Which came first?', options: ['The printing press', 'The steam engine', 'The telephone', 'The World Wide Web'],
    order: 'Put these in order, earliest first' },
  zh: { prompt: '哪一项最早出现？', options: ['活字印刷术', '蒸汽机', '电话', '万维网'], order: '按时间先后排列，最早的在前' },
};

function states(lang, name = 'Ana') {
  const tx = TEXTS[lang];
  const common = { type: 'state', mode: 'live', paused: false, lang, players: 12, me: { seat: 3, name, score: 2300, rank: 2, streak: 1 } };
  const choice = { index: 2, count: 10, kind: 'choice', arrange: false, prompt: tx.prompt,
    options: tx.options.map((text) => ({ text })), limit_ms: 30000, left_ms: 14500 };
  const order = { ...choice, index: 3, kind: 'order', arrange: true, prompt: tx.order };
  return {
    lobby: { ...common, phase: 'lobby', me: { seat: 3, name, score: 0, rank: 0, streak: 0 } },
    question: { ...common, phase: 'question', question: choice },
    question_tiles_only: { ...common, phase: 'question', question: { ...choice, prompt: undefined, options: [{}, {}, {}, {}] } },
    question_two: { ...common, phase: 'question', question: { ...choice, options: choice.options.slice(0, 2) } },
    question_long: { ...common, phase: 'question', question: { ...choice, options: [
      { text: 'ChatGPT overwhelms servers and the monitoring tool' }, { text: 'OpenAI opens the ChatGPT API to developers' },
      { text: 'OpenAI launches the paid ChatGPT Plus' }, { text: 'Supercalifragilisticexpialidociousness' }] } },
    order_long: { ...common, phase: 'question', question: { ...order, options: [
      { text: 'ChatGPT overwhelms servers and the monitoring tool' }, { text: 'OpenAI opens the ChatGPT API to developers' },
      { text: 'OpenAI launches the paid ChatGPT Plus' }, { text: 'Supercalifragilisticexpialidociousness' }] } },
    question_untimed: { ...common, phase: 'question', question: { ...choice, left_ms: undefined } },
    paused: { ...common, phase: 'question', paused: true, question: choice },
    order: { ...common, phase: 'question', question: order },
    answered: { ...common, phase: 'answered', question: choice },
    result_right: { ...common, phase: 'reveal', question: choice, me: { seat: 3, name, score: 3150, rank: 1, streak: 2 },
      result: { correct: true, points: 850, chosen: [0], answer: [0] } },
    result_wrong: { ...common, phase: 'reveal', question: choice, me: { seat: 3, name, score: 2300, rank: 4, streak: 0 },
      result: { correct: false, points: 0, chosen: [2], answer: [0] } },
    result_none: { ...common, phase: 'leaderboard', question: choice, result: { correct: false, points: 0, chosen: [], answer: [0] } },
    result_order: { ...common, phase: 'reveal', question: order, mode: 'self_paced', players: undefined,
      me: { seat: 3, name, score: 2750, streak: 0 },
      result: { correct: false, points: 450, chosen: [0, 2, 1, 3], answer: [0, 1, 2, 3], in_place: 3, placed: 4 } },
    end: { ...common, phase: 'end', final: { rank: 2, score: 5400, players: 12 } },
    end_seventh: { ...common, phase: 'end', final: { rank: 7, score: 3100, players: 12 } },
  };
}

// ---- checks ---------------------------------------------------------------------------
// Run in the page: draws each state (null: the page as it is) and measures it.
function measureInPage(list) {
  return list.map((state) => {
    if (state) window.chronicleRender(state);
    const out = [];
    const doc = document.documentElement;
    if (doc.scrollWidth > window.innerWidth) out.push(`horizontal overflow: ${doc.scrollWidth} > ${window.innerWidth}`);
    for (const e of document.querySelectorAll('button, input, a[href], select, textarea, [role="button"]')) {
      const r = e.getBoundingClientRect();
      if (r.width === 0 && r.height === 0) continue; // not shown
      if (r.width < 48 || r.height < 48) out.push(`small target ${e.tagName}.${e.className} "${e.textContent.trim()}" ${r.width}x${r.height}`);
    }
    return { layout: out, text: `${document.body.innerText} ${document.title}`, htmlLang: doc.lang };
  });
}

function serverTexts(state) {
  const q = state.question || {};
  return [state.me?.name, q.prompt, ...(q.options || []).map((o) => o.text)].filter(Boolean);
}

// The page's own words are all in `lang`: no key shown raw, no {placeholder}, no word of the other language.
function languageProblems({ text, htmlLang }, lang, state) {
  for (const s of serverTexts(state)) text = text.split(s).join(' ');
  const out = [];
  if (/[{}]/.test(text)) out.push(`placeholder left in: ${text}`);
  for (const key of Object.keys(STRINGS.en)) {
    if ((key.includes('_') || lang === 'zh') && new RegExp(`\\b${key}\\b`).test(text)) out.push(`untranslated key ${key}`);
  }
  const other = lang === 'zh' ? 'en' : 'zh';
  for (const [key, s] of Object.entries(STRINGS[other])) {
    if (key === 'lang_button') continue; // the switch names the other language on purpose
    const plain = s.split(/\{\w+\}/).filter((p) => p.trim().length >= 4);
    for (const part of plain) if (text.includes(part)) out.push(`${other} text "${part}" on a ${lang} page`);
  }
  if (lang === 'en' && /[\u4e00-\u9fff]/.test(text.replace(STRINGS.en.lang_button, ''))) out.push('hanzi on an en page');
  if (!htmlLang.startsWith(lang)) out.push(`<html lang="${htmlLang}">`);
  return out;
}

// ---- tests ----------------------------------------------------------------------------
test('both languages have the same strings', () => {
  assert.deepEqual(Object.keys(STRINGS.zh).sort(), Object.keys(STRINGS.en).sort());
  for (const code of CODES) assert.ok(STRINGS.en[`err_${code}`], `a sentence for ${code}`);
  assert.ok(CODES.length >= 17, `the protocol's codes were read: ${CODES}`);
});

// Each test has its own browser context, so they run side by side.
describe('the phone page', { concurrency: 6 }, () => {
  // One page per size: first in the browser's language, then switched with the page's
  // own button (kept in localStorage) and reloaded.
  ['Pixel 5', '360x740', 'tablet landscape', 'phone landscape', 'iPhone 12'].forEach((view, n) => {
    test(`every phase on ${view} in en and zh`, async () => {
      const langs = n % 2 ? ['zh', 'en'] : ['en', 'zh'];
      const { page, context, problems } = await openPage(view, langs[0]);
      try {
        const all = [];
        for (const lang of langs) {
          if (lang !== langs[0]) {
            await page.click('#lang');
            await page.reload();
            await page.waitForFunction(() => typeof window.chronicleRender === 'function');
          }
          const phases = [['join', null, {}], ...Object.entries(states(lang)).map(([name, st]) => [name, st, st])];
          const seen = await page.evaluate(measureInPage, phases.map(([, st]) => st));
          await page.evaluate(() => window.chronicleReceive({ type: 'error', code: 'removed' }));
          seen.push(...(await page.evaluate(measureInPage, [null])));
          phases.push(['removed', null, {}]);
          seen.forEach((m, i) => {
            const [name, , st] = phases[i];
            all.push(...m.layout.map((p) => `${lang} ${name}: ${p}`), ...languageProblems(m, lang, st).map((p) => `${lang} ${name}: ${p}`));
          });
        }
        all.push(...problems);
        assert.deepEqual(all, []);
      } finally {
        await context.close();
      }
    });
  });

  test('nicknames and server texts are shown literally', async () => {
    const { page, context, problems } = await openPage('360x740', 'zh');
    try {
      for (const name of ['小明同学', '<script>alert(1)</script>', '<img src=x onerror=alert(1)>']) {
        const s = states('zh', name);
        s.question.question.options[1].text = '<b>粗体</b>';
        await page.evaluate((st) => window.chronicleRender(st), s.lobby);
        assert.equal(await page.textContent('.nick'), name);
        assert.equal(await page.textContent('#who'), name);
        await page.evaluate((st) => window.chronicleRender(st), s.question);
        assert.equal(await page.textContent('.tile[data-opt="1"] .tile-text'), '<b>粗体</b>');
        assert.equal(await page.locator('#screen b, #screen img, #screen script').count(), 0);
      }
      assert.deepEqual(problems, []);
    } finally {
      await context.close();
    }
  });

  test('a choice tile sends its answer once', async () => {
    const { page, context } = await openPage('Pixel 5', 'en');
    try {
      await page.evaluate((s) => window.chronicleRender(s), states('en').question);
      await page.tap('.tiles .tile[data-opt="2"]');
      assert.deepEqual(await page.evaluate(() => window.chronicleSent), [{ type: 'answer', question: 2, choice: [2] }]);
      assert.equal(await page.locator('.tiles').count(), 0, 'the tiles go once answered');
    } finally {
      await context.close();
    }
  });

  test('order question by tap-to-place', async () => {
    const { page, context } = await openPage('360x740', 'en');
    try {
      await page.evaluate((s) => window.chronicleRender(s), states('en').order);
      assert.ok(await page.isDisabled('.submit'));
      for (const opt of [2, 0, 3]) await page.tap(`.pool .order-item[data-opt="${opt}"]`);
      await page.tap('.placed .order-item[data-opt="0"]'); // take 0 back: order 2, 3
      for (const opt of [1, 0]) await page.tap(`.pool .order-item[data-opt="${opt}"]`);
      assert.deepEqual(await page.$$eval('.placed .order-item', (bs) => bs.map((b) => b.textContent)),
        ['1The telephone', '2The World Wide Web', '3The steam engine', '4The printing press']);
      // A state that changes nothing else (another player joined) keeps the arrangement.
      await page.evaluate((s) => window.chronicleRender({ ...s, players: 13 }), states('en').order);
      await page.tap('.submit');
      assert.deepEqual(await page.evaluate(() => window.chronicleSent), [{ type: 'answer', question: 3, choice: [2, 3, 1, 0] }]);
    } finally {
      await context.close();
    }
  });

  test('order question by drag', async () => {
    const { page, context } = await openPage('360x740', 'en');
    try {
      await page.evaluate((s) => window.chronicleRender(s), states('en').order);
      const centre = async (sel) => {
        const b = await page.locator(sel).first().boundingBox();
        return { x: b.x + b.width / 2, y: b.y + b.height / 2 };
      };
      const dragTo = async (from, to) => {
        const a = await centre(from);
        await page.mouse.move(a.x, a.y);
        await page.mouse.down();
        await page.mouse.move(a.x + 5, a.y + 5, { steps: 2 });
        await page.mouse.move(to.x, to.y, { steps: 4 });
        await page.mouse.up();
      };
      // Pool tiles into the slots, each onto the first empty slot.
      for (const opt of [3, 1, 0, 2]) await dragTo(`.pool .order-item[data-opt="${opt}"]`, await centre('.placed .slot >> nth=0'));
      // Then the last one (2) up above the first (3).
      const top = await page.locator('.placed .order-item[data-opt="3"]').boundingBox();
      await dragTo('.placed .order-item[data-opt="2"]', { x: top.x + top.width / 2, y: top.y + 5 });
      // And a short wobble is still a tap: it takes 0 back, a tap puts it back at the end.
      const zero = await centre('.placed .order-item[data-opt="0"]');
      await page.mouse.move(zero.x, zero.y);
      await page.mouse.down();
      await page.mouse.move(zero.x + 3, zero.y + 2);
      await page.mouse.up();
      assert.equal(await page.locator('.pool .order-item[data-opt="0"]').count(), 1);
      await page.click('.pool .order-item[data-opt="0"]');
      await page.click('.submit');
      assert.deepEqual(await page.evaluate(() => window.chronicleSent), [{ type: 'answer', question: 3, choice: [2, 3, 1, 0] }]);
    } finally {
      await context.close();
    }
  });

  test('the join form: PIN from the link, checks, and a sentence for every error code', async () => {
    for (const lang of ['en', 'zh']) {
      const { page, context, problems } = await openPage('Pixel 5', lang, '?pin=123456');
      try {
        assert.equal(await page.inputValue('#pin'), '123456');
        assert.equal(await page.getAttribute('#pin', 'inputmode'), 'numeric');
        const error = () => page.textContent('#join-error');
        // The page's own checks, before anything is sent.
        await page.fill('#name', '   ');
        await page.click('#join-button');
        assert.equal(await error(), STRINGS[lang].err_name_empty);
        await page.fill('#name', 'x'.repeat(21));
        await page.click('#join-button');
        assert.equal(await error(), STRINGS[lang].err_name_too_long);
        await page.fill('#pin', '12a4');
        await page.fill('#name', 'Ana');
        await page.click('#join-button');
        assert.equal(await error(), STRINGS[lang].err_pin_format);
        assert.deepEqual(await page.evaluate(() => window.chronicleSent), []);
        // A join is sent, trimmed, with a client id kept in localStorage.
        await page.fill('#pin', '654321');
        await page.fill('#name', '  小明 ');
        await page.click('#join-button');
        const [join] = await page.evaluate(() => window.chronicleSent);
        assert.equal(join.type, 'join');
        assert.equal(join.pin, '654321');
        assert.equal(join.name, '小明');
        assert.match(join.client, /^[A-Za-z0-9_-]{22,64}$/);
        assert.equal(await page.evaluate(() => localStorage.getItem('chronicle.client')), join.client);
        assert.equal(await page.evaluate(() => localStorage.getItem('chronicle.name')), '小明');
        // Every code of the protocol's table, in this language.
        // In one page call: each code after a lobby state, what the page then shows.
        const order = [...CODES.filter((c) => c !== 'removed'), 'removed']; // removed is for good
        const shown = await page.evaluate((codes) => codes.map((code) => {
          window.chronicleRender({ phase: 'lobby', players: 2, me: { name: '小明' } });
          document.getElementById('toast').hidden = true;
          window.chronicleReceive({ type: 'error', code });
          const visible = (id) => !document.getElementById(id).hidden;
          const seen = { form: visible('join') && document.getElementById('join-error').textContent,
            toast: visible('toast') && document.getElementById('toast').textContent,
            screen: visible('screen') && document.getElementById('screen').textContent };
          if (code === 'replaced') document.querySelector('.removed button').click(); // "Play here": back in the game
          return seen;
        }), order);
        order.forEach((code, i) => {
          const sentence = STRINGS[lang][`err_${code}`];
          if (code === 'removed' || code === 'replaced') assert.ok(shown[i].screen.includes(sentence), code);
          else if (JOIN_CODES.includes(code)) assert.equal(shown[i].form, sentence, code);
          else assert.equal(shown[i].toast, sentence, code);
        });
        assert.deepEqual(problems, []);
      } finally {
        await context.close();
      }
    }
  });

  test('joins over a WebSocket, rejoins after a drop and a reload, stays out once removed', async () => {
    const context = await browser.newContext({ viewport: { width: 360, height: 740 }, locale: 'en-US' });
    const page = await context.newPage();
    const problems = [];
    page.on('pageerror', (e) => problems.push(e.message));
    try {
      await page.goto(`${base}?pin=123456`);
      await page.fill('#name', ' Ana ');
      await page.click('#join-button');
      const first = await nextMessage();
      assert.equal(first.msg.type, 'join');
      assert.equal(first.msg.pin, '123456');
      assert.equal(first.msg.name, 'Ana');
      const s = states('en');
      wsSend(first.socket, { type: 'welcome', seat: 3, name: 'Ana' });
      wsSend(first.socket, s.lobby);
      await page.waitForSelector('.lobby');
      assert.ok(await page.isHidden('#reconnecting'));

      first.socket.destroy(); // the Wi-Fi drops
      await page.waitForSelector('#reconnecting:not([hidden])');
      const again = await nextMessage(); // after the first backoff step
      assert.deepEqual(again.msg, first.msg, 'the same join, the same client id');
      wsSend(again.socket, s.question);
      await page.waitForSelector('.tiles');
      assert.ok(await page.isHidden('#reconnecting'));
      await page.click('.tiles .tile[data-opt="1"]');
      assert.deepEqual((await nextMessage()).msg, { type: 'answer', question: 2, choice: [1] });

      await page.reload(); // a reload in the tab joins again by itself
      const third = await nextMessage();
      assert.deepEqual(third.msg, first.msg);
      const connections = wsConnections;
      wsSend(third.socket, { type: 'error', code: 'removed' });
      await page.waitForSelector('.removed');
      await page.waitForTimeout(1500); // longer than the backoff's first steps
      assert.equal(wsConnections, connections, 'no reconnection once removed');
      assert.deepEqual(problems, []);
    } finally {
      await context.close();
    }
  });

  test('the language button switches and is remembered', async () => {
    const { page, context } = await openPage('360x740', 'en');
    try {
      assert.equal(await page.textContent('#join h1'), STRINGS.en.join_heading);
      await page.click('#lang');
      assert.equal(await page.textContent('#join h1'), STRINGS.zh.join_heading);
      await page.reload();
      await page.waitForFunction(() => typeof window.chronicleRender === 'function');
      assert.equal(await page.textContent('#join h1'), STRINGS.zh.join_heading);
    } finally {
      await context.close();
    }
  });

  test('no left_ms: no countdown', async () => {
    const { page, context } = await openPage('360x740', 'en');
    try {
      await page.evaluate((s) => window.chronicleRender(s), states('en').question_untimed);
      assert.equal(await page.locator('.countdown').count(), 0);
      assert.ok(!(await page.textContent('#screen')).includes(STRINGS.en.time_up));
    } finally {
      await context.close();
    }
  });

  test('paused: an overlay, and the clock stands', async () => {
    const { page, context } = await openPage('360x740', 'en');
    try {
      await page.evaluate((s) => window.chronicleRender(s), states('en').paused);
      assert.ok(await page.isVisible('.overlay'));
      const before = await page.textContent('.countdown');
      await page.waitForTimeout(1300);
      assert.equal(await page.textContent('.countdown'), before);
      assert.equal(before, '15 s');
    } finally {
      await context.close();
    }
  });

  for (const lang of ['en', 'zh']) {
    test(`screenshots in ${lang}`, async () => {
      fs.mkdirSync(SHOTS, { recursive: true });
      const { page, context } = await openPage('360x740', lang, '?pin=123456', { sharp: true });
      try {
        await page.fill('#name', lang === 'zh' ? '小明' : 'Ana');
        await page.screenshot({ path: path.join(SHOTS, `join-${lang}.png`), fullPage: true });
        const s = states(lang, lang === 'zh' ? '小明' : 'Ana');
        for (const phase of ['lobby', 'question', 'question_long', 'order', 'question_tiles_only', 'answered', 'result_right', 'result_wrong', 'result_order', 'end', 'end_seventh', 'paused']) {
          await page.evaluate((st) => window.chronicleRender(st), s[phase]);
          if (phase === 'order') for (const opt of [1, 0]) await page.tap(`.pool .order-item[data-opt="${opt}"]`);
          await page.screenshot({ path: path.join(SHOTS, `${phase}-${lang}.png`), fullPage: true });
          if (phase === 'question_tiles_only') await page.tap('.tiles .tile[data-opt="3"]'); // 'answered' then shows it
        }
      } finally {
        await context.close();
      }
      assert.ok(fs.existsSync(path.join(SHOTS, `end-${lang}.png`)));
    });
  }
});
