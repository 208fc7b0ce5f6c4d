import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { quantile, RiskController } from '../../../shared/risk/controller';
import { canonicalJson, paramsHash } from '../../../shared/risk/canonical';
import { evaluateBand, newBandMachine } from '../../../shared/risk/bands';
import { call, controller } from './helpers';

const near = (a: number, b: number, eps = 5e-6) => assert.ok(Math.abs(a - b) < eps, `${a} ≉ ${b}`);

describe('risk controller: §2.18 worked example', () => {
  it('first log call of a fresh extension', () => {
    const c = controller({ alpha: 0.01, windowSize: 128 });
    const d = c.decide(call({ capability: 'log', method: 'log', params: { level: 'info', message: 'hello' } }));
    near(d.base, 0.12);
    near(d.riskScore, 0.06);
    const st = c.state('ext');
    near(st.aSafe, 8.94);
    near(st.aSusp, 1.554);
    near(st.aUnsafe, 0.521);
    near(d.posterior.safe_fast, 0.811621);
    near(d.posterior.suspicious, 0.14108);
    near(d.posterior.unsafe, 0.047299);
    near(d.losses.allow, 6.80454);
    near(d.losses.harden, 4.37249);
    near(d.losses.deny, 16.89133);
    near(d.losses.terminate, 29.58266);
    assert.equal(d.lossAction, 'harden');
    near(d.logE!, -0.492476);
    near(d.e!, 0.611111);
    assert.equal(d.drift, false);
    assert.equal(d.conformalQuantile, 0);
    assert.equal(d.bandState, 'allow');
    assert.equal(d.action, 'harden');
    assert.equal(d.blocked, false);
    assert.equal(d.derivedState, 'safe_fast');
    assert.equal(d.explanationLevel, 'standard');
    assert.equal(d.explanationSummary, 'action=harden score=0.060 unsafe=0.047 suspicious=0.141 triggers=none');
    const e = c.recordOutcome(d, null);
    near(e.outcome_residual, 0.188379);
    near(st.prevQuantile, 0.188379);
    near(st.aSafe, 9.54);
  });

  it('widely spaced log calls: the 18th is the first allow', () => {
    const c = controller();
    const actions: string[] = [];
    for (let i = 0; i < 20; i++) {
      const d = c.decide(call({ capability: 'log', method: 'log', params: { level: 'info', message: 'hello' }, callId: `c${i}`, tsMs: 1000 + i * 60_000 }));
      c.recordOutcome(d, null);
      actions.push(d.action);
    }
    assert.deepEqual(actions.slice(0, 17), new Array(17).fill('harden'));
    assert.equal(actions[17], 'allow');
  });
});

describe('risk controller: base score (§2.3, §2.4)', () => {
  const base = (capability: string, method: string, params: Record<string, unknown> = {}, policyReason = 'permissive') =>
    controller().decide(call({ capability, method, params, policyReason }));
  it('checks of §2.3', () => {
    // no command → no exec signals
    near(base('exec', 'exec').base, 0.58);
    near(base('exec', 'exec', {}, 'prompt_user_allow').base, 0.73);
    near(base('log', 'log', {}, 'prompt_cache_allow').base, 0.2);
    // http without url → network.unknown → +0.02
    near(base('http', 'http').base - 0.02, 0.4);
  });
  it('worked examples of §2.4', () => {
    const echo = base('exec', 'exec', { cmd: 'echo', args: ['x'] });
    near(echo.base, 0.4);
    assert.deepEqual(echo.flags, []);
    const rm = base('exec', 'exec', { cmd: 'rm', args: ['-rf', '/opt/app/x'] });
    near(rm.base, 0.88);
    assert.deepEqual(rm.flags, ['SUSPICIOUS_EXEC', 'DCG_PATTERN_HIT']);
    const root = base('exec', 'exec', { cmd: 'rm', args: ['-rf', '/'] });
    near(root.argDelta, 0.55);
    assert.equal(root.base, 1);
    const reset = base('exec', 'exec', { cmd: 'git', args: ['reset', '--hard', 'HEAD~1'] });
    near(reset.argDelta, 0.4);
    near(reset.base, 0.98);
  });
  it('paths, http targets and env names', () => {
    const etc = base('read', 'fs', { op: 'read', path: '/etc/../etc/passwd' });
    near(etc.argDelta, 0.2);
    assert.deepEqual(etc.flags, ['SENSITIVE_PATH']);
    near(base('write', 'fs', { op: 'write', path: '/home/u/.ssh/id_rsa' }).argDelta, 0.3);
    near(base('read', 'fs', { op: 'read', path: 'a/../../b' }).argDelta, 0.1);
    near(base('read', 'fs', { op: 'read', path: '/opt/x' }).argDelta, 0.04);
    near(base('read', 'fs', { op: 'read', path: 'src/x.ts' }).argDelta, -0.03);
    near(base('read', 'tool', { name: 'read', input: { file_path: '~/.ssh/config' } }).argDelta, 0.2);
    const pub = base('http', 'http', { url: 'https://example.com/x' });
    assert.equal(pub.targetClass, 'network.public');
    near(pub.argDelta, 0.14);
    assert.equal(base('http', 'http', { url: 'http://[::1]:8080/' }).targetClass, 'network.loopback');
    near(base('http', 'http', { url: 'http://192.168.1.4/' }).argDelta, -0.06);
    const env = base('env', 'env', { names: ['HOME', 'GITHUB_TOKEN'] });
    near(env.argDelta, 0.22);
    assert.deepEqual(env.flags, ['SECRET_ENV_ACCESS']);
    near(base('env', 'env', { name: 'HOME' }).argDelta, 0.06);
  });
  it('DCG patterns and heredocs', () => {
    near(base('exec', 'exec', { command: 'git clean -xdf' }).argDelta, 0.36 + 0.04);
    near(base('exec', 'exec', { command: 'git branch -D old' }).argDelta, 0.22 + 0.04);
    near(base('exec', 'exec', { command: 'ls -la && git status' }).argDelta, -0.18);
    const heredoc = base('exec', 'exec', { command: 'bash <<EOF\nrm -rf /\nEOF' });
    assert.ok(heredoc.flags.includes('DCG_HEREDOC_HIT'));
    const py = base('exec', 'exec', { command: "python3 <<'PY'\nimport shutil\nshutil.rmtree('/x')\nPY" });
    assert.ok(py.flags.includes('DCG_HEREDOC_HIT'));
    // `<<` without a block → 0.05
    near(base('exec', 'exec', { command: 'cat <<EOF' }).argDelta, -0.18 + 0.05);
  });
  it('trace arg_signals replace §2.4', () => {
    const d = controller().decide(call({ capability: 'env', method: 'env', argSignals: { delta: 0.22, flags: ['SECRET_ENV_ACCESS'] } }));
    near(d.argDelta, 0.22);
    assert.ok(d.triggers.includes('secret_env_access'));
    assert.ok(d.triggers.includes('sensitive_target_mismatch'));
  });
});

describe('risk controller: escalation, quarantine, timeout', () => {
  it('20 × exec rm -rf / reaches quarantine and stays there', () => {
    const c = controller({}, true);
    const seen: string[] = [];
    for (let i = 0; i < 20; i++) {
      const d = c.decide(call({ capability: 'exec', method: 'exec', params: { cmd: 'rm', args: ['-rf', '/'] }, callId: `c${i}`, tsMs: 1000 + i * 100 }));
      c.recordOutcome(d, d.blocked ? 'denied' : null);
      seen.push(d.quarantinePath ? 'Q' : d.action);
    }
    assert.ok(seen.includes('Q'));
    const q = seen.indexOf('Q');
    assert.ok(seen.slice(q).every((a) => a === 'Q'));
    const e = c.ledger.entries().at(-1)!;
    assert.deepEqual(e.triggers, ['quarantined']);
    assert.equal(e.e_process, null);
    assert.equal(e.selected_action, 'terminate');
    c.operator('ext', 'lift');
    const after = c.decide(call({ capability: 'log', method: 'log', tsMs: 99_000 }));
    assert.equal(after.quarantinePath, false);
  });
  it('timeout with failClosed denies, keeps terminate, and fails open when failClosed is false', () => {
    // Readings: start 0, feature check 1 ms (over the 250 µs budget), then 60 ms from the timeout check on.
    const slowTimer = () => {
      let n = 0;
      return () => (n++ === 0 ? 0 : n === 2 ? 1 : 60);
    };
    const slow = slowTimer();
    const c = new RiskController({ enabled: true, decisionTimeoutMs: 50, failClosed: true }, { timer: slowTimer() });
    const d = c.decide(call({ capability: 'log', method: 'log' }));
    assert.equal(d.action, 'deny');
    assert.equal(d.fallbackReason, 'decision_timeout');
    assert.ok(d.triggers.includes('decision_timeout'));
    assert.ok(d.triggers.includes('feature_budget_exceeded'));
    assert.equal(d.explanationLevel, 'full');
    assert.ok(d.explanationSummary.startsWith('action=deny score='));
    // A timer that keeps advancing exhausts the 25 ms explanation budget → compact fallback.
    let t = 0;
    const c2 = new RiskController({ enabled: true }, { timer: () => (t += 30) });
    const d2 = c2.decide(call({ capability: 'log', method: 'log' }));
    assert.equal(d2.explanationLevel, 'compact');
    assert.deepEqual(d2.contributors.map((x) => x.code), ['action_deny', 'budget_exhausted']);
    assert.match(d2.explanationSummary, /conservative_explanation_fallback=true$/);
    const open = new RiskController({ enabled: true, decisionTimeoutMs: 50, failClosed: false }, { timer: slow });
    void slowTimer;
    assert.equal(open.decide(call({ capability: 'exec', method: 'exec', params: { cmd: 'rm', args: ['-rf', '/'] } })).action, 'allow');
    // Find the call at which the band reaches terminate, then replay with that call timing out.
    const rmCall = (i: number) => call({ capability: 'exec', method: 'exec', params: { cmd: 'rm', args: ['-rf', '/'] }, policyProfile: 'safe', callId: `t${i}`, tsMs: 1000 + i * 100 });
    const probe = controller();
    let k = -1;
    for (let i = 0; i < 30 && k < 0; i++) {
      const d = probe.decide(rmCall(i));
      probe.recordOutcome(d, 'denied');
      if (d.action === 'terminate') k = i;
    }
    assert.ok(k > 0);
    let slowMode = false;
    let n = 0;
    const term = new RiskController({ enabled: true, enforce: false, decisionTimeoutMs: 50 }, { enforced: false, timer: () => (slowMode ? (n++ === 0 ? 0 : 60) : 0) });
    for (let i = 0; i < k; i++) term.recordOutcome(term.decide(rmCall(i)), 'denied');
    slowMode = true;
    const td = term.decide(rmCall(k));
    assert.equal(td.fallbackReason, 'decision_timeout');
    assert.equal(td.action, 'terminate', 'a timeout never relaxes terminate');
  });
  it('harden blocks a dangerous capability only with a hard flag or r ≥ 0.82', () => {
    const c = controller();
    const http = c.decide(call({ capability: 'http', method: 'http', params: { url: 'https://example.com' } }));
    assert.equal(http.action, 'harden');
    assert.equal(http.blocked, false, 'public network alone does not block');
  });
});

describe('score bands with hysteresis (§2.13)', () => {
  it('escalates immediately, drops one level after 3 calls below entry − margin, holds otherwise', () => {
    const m = newBandMachine();
    evaluateBand(m, 0.72, 'standard');
    assert.equal(m.state, 'prompt');
    assert.equal(evaluateBand(m, 0.55, 'standard').hysteresisActive, true);
    assert.equal(m.state, 'prompt');
    evaluateBand(m, 0.3, 'standard');
    evaluateBand(m, 0.3, 'standard');
    assert.equal(m.state, 'prompt');
    evaluateBand(m, 0.3, 'standard');
    assert.equal(m.state, 'harden');
    evaluateBand(m, 0.95, 'standard');
    assert.equal(m.state, 'terminate');
    evaluateBand(m, 0, 'standard');
    assert.equal(m.state, 'terminate', 'terminate is absorbing');
  });
});

describe('quantile (§2.10)', () => {
  it('uses round((n−1)p) on the sorted values', () => {
    assert.equal(quantile([], 0.5), 0);
    assert.equal(quantile([3, 1, 2], 0.99), 3);
    assert.equal(quantile([3, 1, 2], 0.5), 2);
    assert.equal(quantile([3, 1, 2], Number.NaN), 1);
  });
});

describe('canonical form (§3.2)', () => {
  it('sorts keys, quantises non-integers and maps −0 to 0', () => {
    assert.equal(canonicalJson({ b: 1, a: [0.1 + 0.2, -0, 'x'], c: null }), '{"a":[0.3,0,"x"],"b":1,"c":null}');
    assert.equal(paramsHash({ level: 'info', message: 'hello' }), 'f7875e2fe22adeea05f2fcf369c33128d627a2cd5f211664200e5710a78098a6');
    assert.throws(() => canonicalJson({ x: Number.POSITIVE_INFINITY }));
  });
});

describe('e-process (§2.9)', () => {
  it('consecutive high scores needed from logE = 0 match the table', async () => {
    const { eProcessStep, LOG_LR_HIGH, LOG_LR_LOW } = await import('../../../shared/risk/controller');
    near(LOG_LR_HIGH, 1.504077);
    near(LOG_LR_LOW, -0.492476);
    const needed = (alpha: number) => {
      let logE = 0;
      let n = 0;
      while (Math.exp(logE) < 1 / alpha) {
        logE = eProcessStep(logE, 0.7);
        n++;
      }
      return n;
    };
    assert.deepEqual([0.001, 0.005, 0.01, 0.02, 0.05].map(needed), [5, 4, 4, 3, 2]);
    assert.equal(eProcessStep(119.5, 0.9), 120);
    assert.equal(eProcessStep(-119.9, 0), -120);
  });
});

describe('rollout phases (§6.1)', () => {
  const rm = (ext: string) => call({ extensionId: ext, capability: 'exec', method: 'exec', params: { cmd: 'rm', args: ['-rf', '/'] } });
  it('shadow and log_only never enforce; log_only alerts on would-be blocks; enforce_new enforces only new extensions', () => {
    const shadow = new RiskController({ enabled: true, rolloutPhase: 'shadow' });
    const d1 = shadow.decide(rm('a'));
    assert.equal(d1.enforced, false);
    assert.equal(d1.blocked, true, 'blocked records what would have happened');
    assert.equal(d1.wouldBlockAlert, false);
    const logOnly = new RiskController({ enabled: true, rolloutPhase: 'log_only' });
    const d2 = logOnly.decide(rm('a'));
    assert.equal(d2.enforced, false);
    assert.equal(d2.wouldBlockAlert, true);
    assert.equal(logOnly.config.enforce, false, 'the phase wins over enforce (CFG-011)');
    const newOnly = new RiskController({ enabled: true, rolloutPhase: 'enforce_new' }, { knownExtensions: ['old'] });
    const dOld = newOnly.decide(rm('old'));
    const dNew = newOnly.decide(rm('new'));
    assert.equal(dOld.enforced, false);
    assert.equal(dOld.wouldBlockAlert, true);
    assert.equal(dNew.enforced, true);
    const all = new RiskController({ enabled: true, rolloutPhase: 'enforce_all' }, { knownExtensions: ['old'] });
    assert.equal(all.decide(rm('old')).enforced, true);
  });
  it('advances one phase at a time', async () => {
    const { nextPhase } = await import('../../../shared/risk/rollout');
    assert.deepEqual(['shadow', 'log_only', 'enforce_new', 'enforce_all'].map((p) => nextPhase(p as never)), ['log_only', 'enforce_new', 'enforce_all', null]);
  });
});
