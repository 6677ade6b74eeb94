// The overlay's geometry (extension/content/geometry.js): where the badge and the card sit, and
// the box checks the clickjacking defence relies on (visibility.js), without a browser.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  CLOSED_SIZE, CORNERS, INSET, OPEN_MAX_HEIGHT, OPEN_WIDTH, TOP_CLEARANCE,
  cornerStyle, expectedBox, isCorner, moved, nearestCorner, openSize, overlaps,
} from '../../extension/content/geometry.js';

test('each corner is pinned to its two edges', () => {
  assert.deepEqual(cornerStyle('bottom-right', 8), { top: 'auto', bottom: '8px', left: 'auto', right: '8px' });
  assert.deepEqual(cornerStyle('top-left', 8), { top: '8px', bottom: 'auto', left: '8px', right: 'auto' });
  assert.equal(CORNERS[0], 'bottom-right', 'the default keeps clear of the CRMs\' header controls');
  assert.ok(isCorner('top-right'));
  assert.ok(!isCorner('middle') && !isCorner(undefined) && !isCorner('bottom-right '));
});

test('a drop goes to the nearest corner', () => {
  assert.equal(nearestCorner(10, 10, 1000, 800), 'top-left');
  assert.equal(nearestCorner(990, 10, 1000, 800), 'top-right');
  assert.equal(nearestCorner(10, 790, 1000, 800), 'bottom-left');
  assert.equal(nearestCorner(500, 400, 1000, 800), 'bottom-right', 'the centre counts as bottom right');
});

test('from a bottom corner the open card stops below the CRM header', () => {
  assert.deepEqual(openSize('bottom-right', 1000), { width: OPEN_WIDTH, height: OPEN_MAX_HEIGHT });
  assert.equal(openSize('bottom-left', 600).height, 600 - INSET - TOP_CLEARANCE);
  assert.equal(openSize('top-left', 600).height, OPEN_MAX_HEIGHT);
  assert.equal(openSize('bottom-right', 100).height, CLOSED_SIZE.height, 'never smaller than the badge');
});

test('the expected box, and a box moved by more than a pixel', () => {
  const size = { width: 428, height: 500 };
  const want = expectedBox('bottom-right', size, 1200, 900);
  assert.deepEqual(want, { top: 900 - INSET - 500, left: 1200 - INSET - 428, width: 428, height: 500 });
  assert.deepEqual(expectedBox('top-left', size, 1200, 900), { top: INSET, left: INSET, width: 428, height: 500 });
  assert.ok(!moved({ ...want, top: want.top + 1 }, want), 'a pixel of rounding is allowed');
  assert.ok(moved({ ...want, top: want.top + 2 }, want));
  assert.ok(moved({ ...want, width: want.width - 40 }, want), 'shrunk');
});

test('overlap needs shared area, not a shared edge', () => {
  const a = { left: 0, top: 0, right: 10, bottom: 10 };
  assert.ok(overlaps(a, { left: 5, top: 5, right: 20, bottom: 20 }));
  assert.ok(!overlaps(a, { left: 10, top: 0, right: 20, bottom: 10 }));
  assert.ok(!overlaps(a, { left: 0, top: 11, right: 10, bottom: 20 }));
});
