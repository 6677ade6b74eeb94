// The card's and the popup's "not right here" controls: which reason's choices open, what is
// asked of the core, and where the keyboard goes after the redraw (extension/correct.js).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { correctionStep } from '../../extension/correct.js';
import { ACTION } from '../../extension/lib/protocol.js';

test('"not right here" opens the reason\'s choices and puts the keyboard on the first', () => {
  assert.deepEqual(correctionStep(ACTION.CORRECT, { code: 'silence' }, ''), {
    open: 'silence',
    store: null,
    focus: '[data-code="silence"] [data-autofocus]',
  });
});

test('a choice stores the correction with its date and lands on the undo', () => {
  const step = correctionStep(ACTION.CORRECT_AS, { code: 'silence', said: 'replied' }, '2026-12-05');
  assert.deepEqual(step?.store, { undo: false, code: 'silence', said: 'replied', day: '2026-12-05' });
  assert.equal(step?.open, null);
  assert.equal(step?.focus, '[data-action="uncorrect"][data-code="silence"]');
});

test('undo removes it and lands back on "not right here"; cancel stores nothing', () => {
  const undo = correctionStep(ACTION.UNCORRECT, { code: 'stage_age' }, '');
  assert.deepEqual(undo?.store, { undo: true, code: 'stage_age', said: '', day: '' });
  assert.match(undo?.focus ?? '', /data-action="correct"\]\[data-code="stage_age"\]/);
  const cancel = correctionStep(ACTION.CORRECT_CANCEL, { code: 'stage_age' }, '');
  assert.equal(cancel?.store, null);
  assert.equal(cancel?.open, null);
});

test('other controls, and a control without a reason, are not corrections', () => {
  assert.equal(correctionStep(ACTION.COPY, { code: 'silence' }, ''), null);
  assert.equal(correctionStep(ACTION.CORRECT, {}, ''), null);
});
