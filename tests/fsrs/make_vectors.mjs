// Reference vectors for game/core/learn/fsrs.cpp, made by ts-fsrs itself (the version
// package-lock.json pins) with fuzz off and short-term scheduling on.
//
//   node make_vectors.mjs [out.json]     (scripts/make-fsrs-vectors.sh runs it)
//
// Each sequence starts from a new card and reviews it with the given ratings at the
// given times; for every step the file keeps the card after it and the card's
// retrievability at a few later moments. Times are Unix seconds (ts-fsrs's Dates are ms).
import { writeFileSync } from 'node:fs'
import { createEmptyCard, default_w, fsrs, FSRSVersion, generatorParameters, Rating, State } from 'ts-fsrs'

const MIN = 60
const HOUR = 3600
const DAY = 86400
const T0 = 1767268800 // 2026-01-01 12:00:00 UTC

const ratingNames = { [Rating.Again]: 'again', [Rating.Hard]: 'hard', [Rating.Good]: 'good', [Rating.Easy]: 'easy' }
const stateNames = { [State.New]: 'new', [State.Learning]: 'learning', [State.Review]: 'review', [State.Relearning]: 'relearning' }
const byName = { again: Rating.Again, hard: Rating.Hard, good: Rating.Good, easy: Rating.Easy }

// Our steps are seconds; ts-fsrs's are "<minutes>m".
const toSteps = (seconds) =>
  seconds.map((s) => {
    if (s % 60 !== 0) throw new Error(`step ${s} s is not whole minutes`)
    return `${s / 60}m`
  })

const defaults = {
  w: [...default_w],
  desired_retention: 0.9,
  maximum_interval: 36500,
  learning_steps: [60, 600],
  relearning_steps: [600],
}

// A review: its rating and when, relative to the card before it: `after` seconds after
// the previous review (or the start), or `due` seconds after the card's due time
// (negative: early).
const at = (rating, after) => ({ rating, after })
const atDue = (rating, due = 0) => ({ rating, due })
const repeat = (n, make) => Array.from({ length: n }, (_, i) => make(i))

const sequences = [
  { name: 'good at every due', reviews: repeat(10, () => atDue('good')) },
  { name: 'easy first, then easy at due', reviews: repeat(8, () => atDue('easy')) },
  { name: 'hard at every due', reviews: repeat(10, () => atDue('hard')) },
  { name: 'again first, learning steps', reviews: [at('again', 0), atDue('again'), atDue('hard'), atDue('good'), atDue('good'), atDue('good')] },
  {
    name: 'all four ratings in turn',
    reviews: [at('good', 0), atDue('good'), atDue('good'), atDue('hard'), atDue('easy'), atDue('again'), atDue('good'), atDue('hard'), atDue('easy'), atDue('good')],
  },
  {
    name: 'lapse and relearning',
    reviews: [at('good', 0), atDue('good'), atDue('good'), atDue('good'), atDue('again'), atDue('again'), atDue('hard'), atDue('good'), atDue('good'), atDue('good')],
  },
  {
    name: 'repeated lapses',
    reviews: [at('easy', 0), atDue('again'), atDue('good'), atDue('good'), atDue('again'), atDue('good'), atDue('again'), atDue('easy'), atDue('good')],
  },
  {
    name: 'same-day repeated reviews in learning',
    reviews: [at('again', 0), at('again', 30), at('hard', 90), at('good', 5 * MIN), at('good', 20 * MIN), at('good', 2 * HOUR), at('easy', 3 * HOUR)],
  },
  {
    name: 'same-day reviews of a review card',
    reviews: [at('easy', 0), atDue('good'), at('good', HOUR), at('easy', 2 * HOUR), at('hard', 3 * HOUR), at('again', 4 * HOUR), at('good', 5 * HOUR), atDue('good')],
  },
  {
    name: 'relearning reviewed again and again the same day',
    reviews: [at('good', 0), atDue('good'), atDue('good'), atDue('again'), at('again', 2 * MIN), at('hard', 5 * MIN), at('hard', 20 * MIN), at('good', 40 * MIN), atDue('good')],
  },
  {
    name: 'reviews early',
    reviews: [at('good', 0), atDue('good'), atDue('good', -DAY), atDue('good', -3 * DAY), atDue('easy', -5 * DAY), atDue('hard', -2 * DAY), atDue('again', -1 * DAY), atDue('good')],
  },
  {
    name: 'reviews very late',
    reviews: [at('good', 0), atDue('good', 30 * DAY), atDue('good', 200 * DAY), atDue('hard', 400 * DAY), atDue('easy', 700 * DAY), atDue('again', 1500 * DAY), atDue('good', 90 * DAY)],
  },
  {
    name: 'long gaps in learning and relearning',
    reviews: [at('good', 0), at('good', 40 * DAY), at('again', 365 * DAY), at('good', 30 * DAY), at('good', 10 * DAY), atDue('again'), at('hard', 3 * DAY), at('good', 2 * DAY)],
  },
  {
    name: 'graduates by a day across midnight',
    reviews: [at('good', 11 * HOUR + 55 * MIN), at('good', 10 * MIN), atDue('good', -HOUR), atDue('good', 23 * HOUR), atDue('again'), atDue('good')],
  },
  { name: 'easy until the maximum interval', reviews: repeat(9, () => atDue('easy')) },
  { name: 'easy at the maximum interval of 100 days', params: { maximum_interval: 100 }, reviews: repeat(8, () => atDue('easy')) },
  { name: 'hard, good, easy at a maximum of 3 days', params: { maximum_interval: 3 }, reviews: [at('good', 0), atDue('hard'), atDue('good'), atDue('easy'), atDue('hard'), atDue('again'), atDue('good'), atDue('easy')] },
  { name: 'new card: again', reviews: [at('again', 0), atDue('again', 3 * DAY)] },
  { name: 'new card: hard', reviews: [at('hard', 0), atDue('hard'), atDue('hard'), atDue('good')] },
  { name: 'new card: easy then again', reviews: [at('easy', 0), atDue('again', 2 * DAY), atDue('easy'), atDue('easy')] },
  { name: 'retention 0.8, good', params: { desired_retention: 0.8 }, reviews: repeat(8, () => atDue('good')) },
  {
    name: 'retention 0.8, mixed',
    params: { desired_retention: 0.8 },
    reviews: [at('hard', 0), atDue('good'), atDue('easy'), atDue('again'), atDue('good'), atDue('hard', 4 * DAY), atDue('good')],
  },
  { name: 'retention 0.95, good', params: { desired_retention: 0.95 }, reviews: repeat(8, () => atDue('good')) },
  {
    name: 'retention 0.95, mixed',
    params: { desired_retention: 0.95 },
    reviews: [at('good', 0), atDue('good'), atDue('again'), atDue('good'), atDue('easy', 10 * DAY), atDue('hard'), atDue('again'), atDue('good')],
  },
  {
    name: 'other weights (an FSRS-6 optimisation)',
    params: {
      w: [0.4197, 1.1829, 3.1262, 15.4722, 7.2102, 0.5316, 1.0651, 0.0234, 1.616, 0.1544, 1.0824, 1.9813, 0.0953, 0.2975, 2.2042, 0.2407, 2.9466, 0.5034, 0.6567, 0.1, 0.3],
    },
    reviews: [at('good', 0), atDue('good'), atDue('hard'), atDue('again'), at('good', 10 * MIN), atDue('easy', 3 * DAY), atDue('good'), at('again', 0), at('good', 30 * MIN), atDue('good')],
  },
  {
    name: 'other weights, clipped, two relearning steps and one learning step',
    params: {
      // w[3] above 100, w[17] and w[18] above the ceiling two relearning steps set,
      // w[19] above 0.8 and w[20] below 0.1: ts-fsrs clips them.
      w: [0.3, 0.9, 2.5, 120, 6.0, 0.7, 2.5, 0.01, 1.7, 0.2, 0.9, 1.6, 0.08, 0.3, 1.5, 0.5, 2.0, 1.9, 1.8, 0.95, 0.05],
      learning_steps: [5 * MIN],
      relearning_steps: [5 * MIN, 30 * MIN],
    },
    reviews: [at('again', 0), at('hard', 5 * MIN), at('good', 8 * MIN), atDue('good'), atDue('again'), at('good', 5 * MIN), at('hard', 30 * MIN), at('good', 30 * MIN), atDue('good'), atDue('easy')],
  },
  {
    name: 'no learning steps',
    params: { learning_steps: [], relearning_steps: [] },
    reviews: [at('again', 0), at('good', 10 * MIN), atDue('again'), at('hard', HOUR), atDue('good')],
  },
  {
    name: 'steps of a day and more',
    params: { learning_steps: [10 * MIN, DAY, 3 * DAY], relearning_steps: [2 * DAY] },
    reviews: [at('good', 0), atDue('good'), atDue('hard'), atDue('good'), atDue('again'), atDue('hard'), atDue('good'), atDue('good')],
  },
]

const roundMs = (date) => {
  const ms = date.getTime()
  if (ms % 1000 !== 0) throw new Error(`${date.toISOString()} is not whole seconds`)
  return ms / 1000
}

const out = []
let steps = 0
for (const seq of sequences) {
  const p = { ...defaults, ...(seq.params ?? {}) }
  const params = generatorParameters({
    w: p.w,
    request_retention: p.desired_retention,
    maximum_interval: p.maximum_interval,
    enable_fuzz: false,
    enable_short_term: true,
    learning_steps: toSteps(p.learning_steps),
    relearning_steps: toSteps(p.relearning_steps),
  })
  const f = fsrs(params)
  let card = createEmptyCard(new Date(T0 * 1000))
  let now = T0
  const records = []
  for (const r of seq.reviews) {
    now = r.due !== undefined ? roundMs(card.due) + r.due : now + r.after
    const rating = byName[r.rating]
    card = f.next(card, new Date(now * 1000), rating).card
    const due = roundMs(card.due)
    const probes = [now, now + HOUR, due, due + 7 * DAY, now + 400 * DAY]
    records.push({
      time: now,
      rating: ratingNames[rating],
      card: {
        state: stateNames[card.state],
        step: card.learning_steps,
        stability: card.stability,
        difficulty: card.difficulty,
        due,
        last_review: roundMs(card.last_review),
        scheduled_days: card.scheduled_days,
        reps: card.reps,
        lapses: card.lapses,
      },
      retrievability: probes.map((t) => ({ time: t, r: f.get_retrievability(card, new Date(t * 1000), false) })),
    })
  }
  steps += records.length
  out.push({
    name: seq.name,
    params: {
      w: p.w,
      desired_retention: p.desired_retention,
      maximum_interval: p.maximum_interval,
      learning_steps: p.learning_steps,
      relearning_steps: p.relearning_steps,
    },
    start: T0,
    steps: records,
  })
}

const file = process.argv[2] ?? new URL('./vectors.json', import.meta.url)
const doc = {
  about: 'FSRS reference vectors made by tests/fsrs/make_vectors.mjs (scripts/make-fsrs-vectors.sh); times in Unix seconds',
  generator: `ts-fsrs ${FSRSVersion}`,
  options: { enable_fuzz: false, enable_short_term: true },
  sequences: out,
}
writeFileSync(file, JSON.stringify(doc, null, 1) + '\n')
console.log(`${out.length} sequences, ${steps} steps: ${file}`)
