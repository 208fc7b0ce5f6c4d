import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { editDistance, nearestName } from '../../../shared/waivers/nearest';

function reference(a: string, b: string): number {
  const d = Array.from({ length: a.length + 1 }, (_, i) => [i, ...new Array<number>(b.length).fill(0)]);
  for (let j = 0; j <= b.length; j++) d[0][j] = j;
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
  }
  return d[a.length][b.length];
}

describe('bounded edit distance', () => {
  it('equals the full Levenshtein distance within the bound, and bound + 1 beyond it', () => {
    const s = fc.string({ maxLength: 12, unit: fc.constantFrom('a', 'b', 'c') });
    fc.assert(
      fc.property(s, s, fc.nat(5), (a, b, max) => {
        const r = reference(a, b);
        assert.equal(editDistance(a, b, max), r <= max ? r : max + 1);
      }),
      { numRuns: 3000 },
    );
  });
  it('nearest names as used by the rename fixes', () => {
    const keys = ['owner', 'created', 'expires', 'bead', 'reason', 'scope', 'remove_when', 'renewal_note'];
    assert.equal(nearestName('remove-when', keys, 2), 'remove_when');
    assert.equal(nearestName('expiry', keys, 2), 'expires');
    assert.equal(nearestName('Owner', keys, 2), 'owner');
    assert.equal(nearestName('completely_different', keys, 2), undefined);
    assert.equal(nearestName('ext_must_pas', ['security_compat', 'ext_must_pass'], 3), 'ext_must_pass');
  });
});
