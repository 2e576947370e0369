// A whole class game, end to end: the real host (`chronicle host --no-window`, on
// 127.0.0.1) and phones in Debian's chromium (Pixel 5 and iPhone 12 emulated, at
// 360×740). Three phones join (one with a Chinese nickname, its page in Chinese),
// play five questions including an order question; one phone reloads mid-game and
// keeps its score; a fourth joins late and plays from the next question. The ranks
// the phones show at the end must be the host's standings, and those must follow the
// answers given. Screenshots of lobby, question and result in zh and en.
//
// Run: scripts/web-test.sh (CHRONICLE_BIN names the chronicle to test; default build/chronicle)

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import { ROOT, SHOTS, devices, launchBrowser } from './browser.mjs';

const BIN = path.resolve(ROOT, process.env.CHRONICLE_BIN || 'build/chronicle');
// Seed 8 gives five questions of at most four options with an order question third.
const QUIZ = ['--pack', 'openai-2023', '--count', '5', '--seed', '8', '--lang', 'en'];

let browser, host, dataDir;
const out = []; // the host's standard output, line by line
const lineWaiters = [];

// The host's next line matching `re` (from line `from` on), within `ms`.
function waitForLine(re, from = 0, ms = 20000) {
  return new Promise((resolve, reject) => {
    const look = () => {
      for (let i = from; i < out.length; i++) if (re.test(out[i])) return resolve({ line: out[i], index: i });
      return false;
    };
    if (look() !== false) return;
    const timer = setTimeout(() => reject(new Error(`host never printed ${re}; it printed:\n${out.join('\n')}`)), ms);
    lineWaiters.push(() => { if (look() !== false) { clearTimeout(timer); return true; } return false; });
  });
}

function command(line) { host.stdin.write(`${line}\n`); }

before(async () => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'chronicle-class-'));
  host = spawn(BIN, ['host', ...QUIZ, '--no-window', '--bind', '127.0.0.1', '--port', '0'],
    { env: { ...process.env, CHRONICLE_DATA_DIR: dataDir }, stdio: ['pipe', 'pipe', 'inherit'] });
  let partial = '';
  host.stdout.on('data', (chunk) => {
    partial += chunk.toString();
    const lines = partial.split('\n');
    partial = lines.pop();
    out.push(...lines);
    for (let i = lineWaiters.length - 1; i >= 0; i--) if (lineWaiters[i]()) lineWaiters.splice(i, 1);
  });
  browser = await launchBrowser();
  fs.mkdirSync(SHOTS, { recursive: true });
});

after(async () => {
  if (browser) await browser.close();
  if (host && host.exitCode === null) host.kill('SIGTERM');
  fs.rmSync(dataDir, { recursive: true, force: true });
});

// The quiz the host asks, with its answers, from `chronicle export` with the same flags.
function quiz() {
  const r = spawnSync(BIN, ['export', ...QUIZ, '--format', 'json'], { encoding: 'utf8' });
  assert.equal(r.status, 0, r.stderr);
  return JSON.parse(r.stdout).questions.map((q) => ({
    kind: q.kind,
    answer: q.answer.map((id) => q.options.findIndex((o) => o.id === id)),
    n: q.options.length,
  }));
}

async function phone(name, device, locale) {
  const context = await browser.newContext({ ...devices[device], viewport: { width: 360, height: 740 }, locale });
  const page = await context.newPage();
  page.on('pageerror', (e) => assert.fail(`${name}'s page: ${e.message}`));
  return { name, page, locale };
}

async function join(p, url) {
  await p.page.goto(url);
  await p.page.fill('#name', p.name);
  await p.page.click('#join-button');
  await p.page.waitForSelector('.lobby');
}

// Answers question `index` (0-based) with `choice` by tapping: tiles, or for an order
// question the options in order, then Submit.
async function answer(p, index, q, choice) {
  await p.page.waitForFunction((i) => document.querySelector('#progress')?.textContent === `${i + 1} / 5`
    && document.querySelector('.question'), index);
  if (q.kind === 'order') {
    for (const opt of choice) await p.page.click(`.pool .order-item[data-opt="${opt}"]`);
    await p.page.click('.submit');
  } else {
    await p.page.click(`.tiles button[data-opt="${choice[0]}"]`);
  }
}

const wrong = (q) => (q.kind === 'order' ? [...q.answer].reverse() : [(q.answer[0] + 1) % q.n]);
const score = (p) => p.page.$eval('.stats dd', (e) => Number(e.textContent.replace(/\D/g, '')));
const shot = (p, what) => p.page.screenshot({ path: path.join(SHOTS, `class-${what}-${p.locale.slice(0, 2)}.png`) });

test('a class plays five questions from their phones; ranks follow the answers', { timeout: 120000 }, async () => {
  const { line: urlLine } = await waitForLine(/^Join at: /);
  const { line: pinLine } = await waitForLine(/^PIN: \d{6}$/);
  const url = `${urlLine.slice('Join at: '.length)}?pin=${pinLine.slice(5)}`;
  const questions = quiz();
  assert.equal(questions.length, 5);
  assert.ok(questions.some((q) => q.kind === 'order'));

  const ana = await phone('Ana', 'Pixel 5', 'en-US');
  const li = await phone('李雷', 'iPhone 12', 'zh-CN');
  const bob = await phone('<b>Bob</b>', 'Pixel 5', 'en-US');
  for (const p of [ana, li, bob]) await join(p, url);
  await waitForLine(/^joined: <b>Bob<\/b> \(seat 2\)$/);
  await shot(ana, 'lobby');
  await shot(li, 'lobby');
  assert.equal(await bob.page.textContent('#who'), '<b>Bob</b>'); // shown as typed, never as markup

  command('start');
  const dan = await phone('Dan', 'Pixel 5', 'en-US');
  const plan = { // who answers right: Ana always, Li on even questions, Bob never, Dan from his first
    Ana: () => true, 李雷: (i) => i % 2 === 0, '<b>Bob</b>': () => false, Dan: () => true,
  };
  let from = 0;
  for (let i = 0; i < 5; i++) {
    const q = questions[i];
    const players = i >= 3 ? [ana, li, bob, dan] : [ana, li, bob];
    if (i === 0) {
      await ana.page.waitForSelector('.question');
      await shot(ana, 'question');
      await shot(li, 'question');
    }
    if (i === 2) { // Dan joins while the third question is open: he waits for the next one
      await join(dan, url);
      await waitForLine(/^joined: Dan \(seat 3\)$/);
    }
    if (q.kind === 'order') {
      await li.page.waitForSelector('.arrange');
      await shot(li, 'order');
    }
    await Promise.all(players.map((p) => answer(p, i, q, plan[p.name](i) ? q.answer : wrong(q))));
    ({ index: from } = await waitForLine(new RegExp(`^reveal: ${players.length} of ${players.length} answered$`), from));
    await Promise.all(players.map((p) => p.page.waitForSelector('.result')));
    if (i === 0) {
      await shot(ana, 'result-right');
      await shot(li, 'result-right');
      await shot(bob, 'result-wrong');
    }
    if (i === 1) { // Li's phone reloads: back in the same seat with the same score
      const before = await score(li);
      await li.page.reload();
      await li.page.waitForSelector('.result');
      assert.equal(await score(li), before);
      assert.equal(await li.page.textContent('#who'), '李雷');
    }
    command('next');
    ({ index: from } = await waitForLine(/^leaderboard$/, from + 1));
    command('next');
    ({ index: from } = await waitForLine(i < 4 ? /^question \d of 5$/ : /^finished$/, from + 1));
  }

  // The host's standings, printed after "finished": "1. Ana  4321".
  const standings = [];
  for (let k = 1; k <= 4; k++) {
    const { line } = await waitForLine(new RegExp(`^${k}\\. `), from);
    const m = line.match(/^(\d+)\. (.+?)  (\d+)$/);
    standings.push({ rank: Number(m[1]), name: m[2], points: Number(m[3]) });
  }
  assert.deepEqual(standings.map((s) => s.name), ['Ana', '李雷', 'Dan', '<b>Bob</b>']);
  assert.equal(standings[3].points, 0);
  for (const p of [ana, li, bob, dan]) {
    await p.page.waitForSelector('.end');
    const place = Number((await p.page.textContent('.place')).replace(/\D/g, ''));
    const mine = standings.find((s) => s.name === p.name);
    assert.equal(place, mine.rank, `${p.name}'s phone shows place ${place}, the host ${mine.rank}`);
    assert.equal(await score(p), mine.points);
  }
  assert.match(await ana.page.textContent('.stats dd'), /^\d{1,3}(,\d{3})+$/, 'English scores are grouped');
  assert.match(await li.page.textContent('.stats dd'), /^\d+$/, 'Chinese scores are plain digits');
  await shot(ana, 'end');
  await shot(li, 'end');

  // Ana opens the game in a second tab: that tab takes her seat, the first says so and
  // waits for her (no tug of war); "Play here" takes it back the other way.
  const tab = await ana.page.context().newPage();
  await tab.goto(url);
  await tab.click('#join-button'); // her name is remembered
  await tab.waitForSelector('.end');
  await ana.page.waitForSelector('.removed button');
  await ana.page.click('.removed button');
  await ana.page.waitForSelector('.end');
  await tab.waitForSelector('.removed button');
  await new Promise((resolve) => setTimeout(resolve, 1500));
  assert.ok(await tab.$('.removed button'), 'the displaced tab waits; it does not take the seat back by itself');
  command('quit');
  const code = await new Promise((resolve) => host.on('exit', resolve));
  assert.equal(code, 0);

  // Saved with every answer: the CSV's players are the standings.
  await waitForLine(/^Saved as class game 1; /);
  const csv = spawnSync(BIN, ['results', 'export', '--game', '1'], { encoding: 'utf8', env: { ...process.env, CHRONICLE_DATA_DIR: dataDir } });
  assert.equal(csv.status, 0, csv.stderr);
  const rows = csv.stdout.replace(/^\uFEFF/, '').split('\r\n');
  assert.equal(rows[0], 'rank,name,score,correct,answered,questions');
  assert.deepEqual(rows.slice(1, 5).map((r) => r.split(',').slice(0, 3)),
    standings.map((s) => [String(s.rank), s.name, String(s.points)]));
});
