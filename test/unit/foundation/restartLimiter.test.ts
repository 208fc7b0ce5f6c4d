import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { MAX_RESTARTS, RESTART_WINDOW_MS, RestartLimiter } from '../../../client/src/restartLimiter';

describe('server restart budget', () => {
  it('allows 4 restarts within 3 minutes, refuses the 5th, and recovers after the window', () => {
    let now = 0;
    const limiter = new RestartLimiter(() => now);
    for (let i = 0; i < MAX_RESTARTS; i++) {
      assert.equal(limiter.allowRestart(), true, `restart ${i + 1}`);
      now += 1000;
    }
    assert.equal(limiter.allowRestart(), false);
    now += RESTART_WINDOW_MS;
    assert.equal(limiter.allowRestart(), true);
  });

  it('starts a fresh budget after a manual restart', () => {
    const limiter = new RestartLimiter(() => 0);
    for (let i = 0; i < 5; i++) limiter.allowRestart();
    limiter.reset();
    assert.equal(limiter.allowRestart(), true);
  });
});
