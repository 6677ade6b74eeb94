// The fingerprint that tells an unchanged reading from a new one (extension/content/fingerprint.js).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fingerprint } from '../../extension/content/fingerprint.js';

test('the same reading gives the same fingerprint; any changed string a new one', () => {
  const reading = { url: 'https://x/a', fields: { amount: { value: '48,500.00', source: 0 } }, activities: [{ subject: 'Re: proposal' }] };
  assert.equal(fingerprint(reading), fingerprint(structuredClone(reading)));
  const changed = structuredClone(reading);
  changed.fields.amount.value = '52,000.00';
  assert.notEqual(fingerprint(changed), fingerprint(reading));
  const more = structuredClone(reading);
  more.activities.push({ subject: 'Re: proposal' });
  assert.notEqual(fingerprint(more), fingerprint(reading));
  assert.notEqual(fingerprint({ a: null }), fingerprint({ a: 'null' }), 'null is not the text "null"');
  assert.notEqual(fingerprint(null), 0, 'never 0: 0 means "nothing sent yet"');
});
