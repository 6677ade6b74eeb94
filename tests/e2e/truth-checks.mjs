// What a card may state on issue 21's evidence-built pages, held to what a careful person reads
// there (tests/fixtures/truth-21.json): shared by the Chromium test (truth.test.mjs) and the
// Firefox ESR suite. A value the reader could not read may be left unsaid; a wrong one fails.
// Counts of what was read may fall short of the truth only where the card counts the rest as
// unknown and says what to open; a silence measured from a date, or the advice to wait, must be
// the truth's.
import assert from 'node:assert/strict';
import { fillDates } from './harness.mjs';

/** A truth date token (`{{date:-12:hs_rel}}`) as the ISO day it stands for. */
export const isoOf = (token) => {
  const m = /\{\{date:([+-]?\d+):[a-z_]+\}\}/.exec(token ?? '');
  return m ? fillDates(`{{date:${m[1]}:iso}}`) : null;
};
const CURRENCY = { $: 'USD', '£': 'GBP', '€': 'EUR' };

/**
 * `shown`: what the card showed: `parsed` (read-parsed), `codes` (its reasons' codes), `state`
 * (act, wait, …) and `confidence` (its confidence line).
 */
export function assertTrue(file, t, shown) {
  const { parsed, codes, state, confidence } = shown;
  // Fields: unsaid is allowed, wrong is not.
  for (const f of ['name', 'stage', 'owner', 'next_step', 'contact']) {
    if (parsed[f] !== null) assert.equal(parsed[f], t.fields[f], `${file}: ${f}`);
  }
  if (parsed.close_date !== null) assert.equal(parsed.close_date, isoOf(t.fields.close_date), `${file}: close date`);
  if (parsed.amount) {
    assert.equal(parsed.amount.units, t.amount_parsed.units, `${file}: amount`);
    assert.equal(CURRENCY[parsed.amount.currency] ?? parsed.amount.currency, t.amount_parsed.currency, `${file}: currency`);
  }

  // The timeline: what was read is never more than is there, and what was not is said.
  const c = t.counts;
  const touches = parsed.touches;
  if (touches && c.past_activities !== undefined) {
    assert.ok(touches.inbound <= c.inbound, `${file}: ${touches.inbound} inbound read, ${c.inbound} there`);
    assert.ok(touches.outbound <= c.outbound, `${file}: ${touches.outbound} outbound read, ${c.outbound} there`);
    assert.equal(touches.total + (touches.unknown ?? 0), c.past_activities, `${file}: every past activity counted once`);
    assert.equal(touches.upcoming, c.upcoming, `${file}: upcoming`);
    const unsaid = c.inbound + c.outbound + c.internal - (touches.inbound + touches.outbound + touches.internal);
    if (unsaid > 0) assert.ok((touches.unknown ?? 0) > 0, `${file}: ${unsaid} activities unread must be counted as unknown`);
    if (touches.unknown) assert.match(confidence, /open them on the page/, `${file}: the card says what to open`);
  }

  // Facts from the timeline: a silence is measured from the true last reply; waiting is never
  // advised when the ball is in our court.
  if (codes.includes('silence')) {
    assert.equal(parsed.touches?.last_inbound, isoOf(t.facts.buyer_last_reply), `${file}: silence measured from the buyer's true last reply`);
  }
  if (/^ours/.test(t.facts.ball_in_court ?? '')) assert.notEqual(state, 'wait', `${file}: the ball is in our court`);
  if (t.facts.buyer_last_reply === 'unknown') {
    for (const code of ['silence', 'follow_up_trap', 'buyer_waiting', 'effort_balance']) {
      assert.ok(!codes.includes(code), `${file}: ${code} stated although the last reply cannot be known`);
    }
  }
}
