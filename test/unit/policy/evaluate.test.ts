import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { CAPABILITIES } from '../../../shared/policy/capabilities';
import { evaluate, runtimeOutcome, type CapabilityEvaluation } from '../../../shared/policy/evaluate';
import { presetPolicy } from '../../../shared/policy/resolve';
import { PROJECT_JSON, resolveWith } from './helpers';

type Profile = 'safe' | 'standard' | 'permissive';
const PROFILES: Profile[] = ['safe', 'standard', 'permissive'];
const QUERY_CAPS = [...CAPABILITIES, 'gpu'];

/** The §5 truth table as data: the first matching row decides. */
const TRUTH_TABLE: { id: string; when: (f: Flags) => boolean; decision: string; reason: string; layer: number }[] = [
  { id: 'P0', when: (f) => f.empty, decision: 'deny', reason: 'empty_capability', layer: 0 },
  { id: 'P1', when: (f) => f.extDeny, decision: 'deny', reason: 'extension_deny', layer: 1 },
  { id: 'P2', when: (f) => f.globalDeny, decision: 'deny', reason: 'deny_caps', layer: 2 },
  { id: 'P3', when: (f) => f.extAllow, decision: 'allow', reason: 'extension_allow', layer: 3 },
  { id: 'P4', when: (f) => f.inDefaults, decision: 'allow', reason: 'default_caps', layer: 4 },
  { id: 'P5', when: (f) => f.mode === 'strict', decision: 'deny', reason: 'not_in_default_caps', layer: 5 },
  { id: 'P6', when: (f) => f.mode === 'prompt', decision: 'prompt', reason: 'prompt_required', layer: 5 },
  { id: 'P7', when: (f) => f.mode === 'permissive', decision: 'allow', reason: 'permissive', layer: 5 },
];
const LAYER_NAMES = ['input', 'extension_deny', 'deny_caps', 'extension_allow', 'default_caps', 'mode_fallback'];

interface Flags {
  empty: boolean;
  extDeny: boolean;
  globalDeny: boolean;
  extAllow: boolean;
  inDefaults: boolean;
  mode: string;
}

/** Profile facts from §3 (independent of the implementation). */
const SPEC = {
  safe: { mode: 'strict', defaults: ['read', 'write', 'http', 'events', 'session'], deny: ['exec', 'env'] },
  standard: { mode: 'prompt', defaults: ['read', 'write', 'http', 'events', 'session'], deny: ['exec', 'env'] },
  permissive: { mode: 'permissive', defaults: [] as string[], deny: [] as string[] },
};

interface Override {
  allow?: string[];
  deny?: string[];
  mode?: string;
}

function expected(profile: Profile, allowDangerous: boolean, ov: Override | undefined, cap: string): { row: string; decision: string; reason: string; layer: number } {
  const spec = SPEC[profile];
  const deny = allowDangerous ? spec.deny.filter((c) => c !== 'exec' && c !== 'env') : spec.deny;
  const f: Flags = {
    empty: cap.trim() === '',
    extDeny: ov?.deny?.includes(cap) ?? false,
    globalDeny: deny.includes(cap),
    extAllow: ov?.allow?.includes(cap) ?? false,
    inDefaults: spec.defaults.includes(cap),
    mode: ov?.mode ?? spec.mode,
  };
  const row = TRUTH_TABLE.find((r) => r.when(f))!;
  return { row: row.id, decision: row.decision, reason: row.reason, layer: row.layer };
}

const OVERRIDES: Record<string, Override> = {
  none: {},
  allowAll: { allow: [...QUERY_CAPS] },
  denyAll: { deny: [...QUERY_CAPS] },
  allowAndDeny: { allow: ['exec', 'ui', 'read'], deny: ['exec', 'http'] },
  modePermissive: { mode: 'permissive', allow: ['tool'] },
  modeStrict: { mode: 'strict' },
  modePrompt: { mode: 'prompt', deny: ['log'] },
};

function policyFor(profile: Profile, allowDangerous: boolean, ov: Override) {
  const perExtension = Object.keys(ov).length === 0 ? {} : { a: ov };
  const json = JSON.stringify({ extensionPolicy: { profile, allowDangerous, perExtension } });
  return resolveWith({ [PROJECT_JSON]: json }).policy;
}

describe('precedence truth table P0–P7 (policy.md §5, README acceptance 1)', () => {
  const seenRows = new Set<string>();
  for (const profile of PROFILES) {
    for (const allowDangerous of [false, true]) {
      for (const [ovName, ov] of Object.entries(OVERRIDES)) {
        it(`${profile}${allowDangerous ? ' + allowDangerous' : ''}, override ${ovName} for "a"`, () => {
          const policy = policyFor(profile, allowDangerous, ov);
          for (const cap of ['', '  ', ...QUERY_CAPS]) {
            const exp = expected(profile, allowDangerous, ov, cap);
            seenRows.add(exp.row);
            const got = evaluate(policy, cap, 'a');
            assert.deepEqual([got.decision, got.reason, got.layer, got.layerName], [exp.decision, exp.reason, exp.layer, LAYER_NAMES[exp.layer]], `${exp.row} cap=${JSON.stringify(cap)}`);
            // INV-005: the override for "a" never changes the decisions of "b" or of no extension.
            const other = expected(profile, allowDangerous, undefined, cap);
            for (const id of ['b', 'A', null]) {
              const o = evaluate(policy, cap, id);
              assert.deepEqual([o.decision, o.reason, o.layer], [other.decision, other.reason, other.layer], `other id ${id} cap=${cap}`);
            }
          }
        });
      }
    }
  }
  it('every row P0–P7 was exercised', () => assert.deepEqual([...seenRows].sort(), ['P0', 'P1', 'P2', 'P3', 'P4', 'P5', 'P6', 'P7']));
});

describe('matrix without overrides (policy.md §5)', () => {
  const row = (e: CapabilityEvaluation): string => `${e.decision} (${e.reason})`;
  const table: [string[], string, string, string, string, string][] = [
    [['read', 'write', 'http', 'events', 'session'], 'allow (default_caps)', 'allow (default_caps)', 'allow (permissive)', 'allow (default_caps)', 'allow (default_caps)'],
    [['ui', 'tool', 'log'], 'deny (not_in_default_caps)', 'prompt (prompt_required)', 'allow (permissive)', 'deny (not_in_default_caps)', 'prompt (prompt_required)'],
    [['exec', 'env'], 'deny (deny_caps)', 'deny (deny_caps)', 'allow (permissive)', 'deny (not_in_default_caps)', 'prompt (prompt_required)'],
    [['gpu'], 'deny (not_in_default_caps)', 'prompt (prompt_required)', 'allow (permissive)', 'deny (not_in_default_caps)', 'prompt (prompt_required)'],
  ];
  const policies = [presetPolicy('safe'), presetPolicy('standard'), presetPolicy('permissive'), presetPolicy('safe', true), presetPolicy('standard', true)];
  for (const [caps, ...cells] of table) {
    for (const cap of caps) {
      it(cap, () => assert.deepEqual(policies.map((p) => row(evaluate(p, cap, 'some-ext'))), cells));
    }
  }
  it('in permissive mode a default capability would decide at layer 4 (reference defect 4 fixed)', () => {
    const p = resolveWith({ [PROJECT_JSON]: '{"extensionPolicy":{"profile":"standard","perExtension":{"x":{"mode":"permissive"}}}}' }).policy;
    const e = evaluate(p, 'read', 'x');
    assert.deepEqual([e.reason, e.layer], ['default_caps', 4]);
  });
});

describe('invariants (policy.md §11)', () => {
  it('INV-001: the chain is applied in the fixed order extension deny, global deny, extension allow, defaults, mode fallback', () => {
    const p = resolveWith({ [PROJECT_JSON]: '{"extensionPolicy":{"profile":"standard","perExtension":{"a":{"allow":["exec","read","ui"],"deny":["exec","read"]}}}}' }).policy;
    assert.equal(evaluate(p, 'exec', 'a').layer, 1); // layer 1 beats 2 and 3
    assert.equal(evaluate(p, 'read', 'a').layer, 1); // layer 1 beats 3 and 4
    assert.equal(evaluate(p, 'env', 'a').layer, 2); // layer 2 beats 5
    assert.equal(evaluate(p, 'ui', 'a').layer, 3); // layer 3 beats 5
    assert.equal(evaluate(p, 'http', 'a').layer, 4); // layer 4 beats 5
    assert.equal(evaluate(p, 'tool', 'a').layer, 5);
    assert.equal(evaluate(p, ' ', 'a').layer, 0);
  });
  it('INV-004: a global deny is never overridden by an extension allow', () => {
    for (const profile of ['safe', 'standard'] as const) {
      const p = resolveWith({ [PROJECT_JSON]: JSON.stringify({ extensionPolicy: { profile, perExtension: { a: { allow: ['exec', 'env'], mode: 'permissive' } } } }) }).policy;
      for (const cap of ['exec', 'env']) assert.deepEqual([evaluate(p, cap, 'a').decision, evaluate(p, cap, 'a').reason], ['deny', 'deny_caps']);
    }
  });
  it('INV-005: rules for one extension id never change another extension\'s decisions (ids are exact and case-sensitive)', () => {
    const base = presetPolicy('standard');
    const p = resolveWith({ [PROJECT_JSON]: '{"extensionPolicy":{"profile":"standard","perExtension":{"acme":{"allow":["ui"],"deny":["read"],"mode":"strict"}}}}' }).policy;
    for (const cap of QUERY_CAPS) {
      for (const id of ['Acme', 'acme ', 'other', null]) assert.deepEqual(evaluate(p, cap, id), evaluate(base, cap, id));
    }
    assert.equal(evaluate(p, 'read', 'acme').reason, 'extension_deny');
  });
  it('INV-006: a missing, empty or unknown profile resolves to safe', () => {
    for (const token of ['', '   ', 'paranoid', 'SAFE!', 'strict']) {
      const r = resolveWith({}, { PI_EXTENSION_POLICY: token }).policy;
      assert.equal(r.profile.effective, 'safe');
      assert.equal(r.profile.fallback, true);
    }
    const none = resolveWith({}).policy;
    assert.deepEqual([none.profile.effective, none.profile.source, none.profile.fallback], ['safe', 'default', false]);
    const broken = resolveWith({ [PROJECT_JSON]: '{"extensionPolicy": {"profile": "permissive",' }, {}, { profile: 'permissive', allowDangerous: true }).policy;
    assert.deepEqual([broken.profile.effective, broken.profile.source, broken.profile.fallback, broken.allowDangerous.value], ['safe', 'default', true, false]);
  });
  it('INV-006: profile tokens are trimmed and lowercased; balanced is an alias of standard', () => {
    for (const [token, eff] of [[' Balanced ', 'standard'], ['STANDARD', 'standard'], ['\tpermissive\n', 'permissive'], ['Safe', 'safe']] as const) {
      const r = resolveWith({}, { PI_EXTENSION_POLICY: token }).policy;
      assert.deepEqual([r.profile.effective, r.profile.fallback], [eff, false]);
    }
  });
  it('INV-007: dangerous capabilities are granted only by an explicit, audited operator choice', () => {
    // Without an opt-in nothing grants exec/env and the audit is empty.
    const none = resolveWith({ [PROJECT_JSON]: '{"extensionPolicy":{"perExtension":{"a":{"allow":["exec","env"]}}}}' }).policy;
    assert.deepEqual(none.audit, []);
    assert.equal(evaluate(none, 'exec', 'a').decision, 'deny');
    const ad = resolveWith({ [PROJECT_JSON]: '{"extensionPolicy":{"allowDangerous":true,"perExtension":{"a":{"allow":["exec"]}}}}' }).policy;
    assert.equal(evaluate(ad, 'exec', 'a').decision, 'allow');
    assert.deepEqual(ad.audit, [{ kind: 'allow_dangerous', source: 'project', sourceDetail: '.pi/settings.json', profile: 'safe', capabilitiesUnblocked: ['exec', 'env'] }]);
    const perm = resolveWith({}, { PI_EXTENSION_POLICY: 'permissive' }).policy;
    assert.equal(evaluate(perm, 'env', 'x').decision, 'allow');
    assert.deepEqual(perm.audit, [{ kind: 'profile', source: 'env', sourceDetail: 'PI_EXTENSION_POLICY', profile: 'permissive', capabilitiesUnblocked: ['exec', 'env'] }]);
  });
  it('INV-008: without configuration exec and env are denied for every extension', () => {
    const p = resolveWith({}).policy;
    for (const id of [null, 'a', 'git-helper']) for (const cap of ['exec', 'env']) assert.equal(evaluate(p, cap, id).decision, 'deny');
    assert.deepEqual(p.denyCaps, ['exec', 'env']);
  });
  it('INV-008: allowDangerous relaxes nothing but exec/env', () => {
    for (const profile of PROFILES) {
      const off = presetPolicy(profile, false);
      const on = presetPolicy(profile, true);
      for (const cap of QUERY_CAPS.filter((c) => c !== 'exec' && c !== 'env')) assert.deepEqual(evaluate(on, cap, 'x'), evaluate(off, cap, 'x'));
    }
  });
  it('INV-009: a policy deny is final (the risk controller never runs on it)', () => {
    const p = presetPolicy('safe');
    const o = runtimeOutcome(evaluate(p, 'exec', 'a'), { uiAvailable: true, promptAnswer: 'allow' });
    assert.deepEqual([o.allowed, o.reachesRiskController], [false, false]);
    assert.equal(runtimeOutcome(evaluate(p, 'read', 'a'), { uiAvailable: false }).reachesRiskController, true);
  });
  it('INV-010: a prompt with no UI (or no prompt manager) is denied', () => {
    const e = evaluate(presetPolicy('standard'), 'ui', 'a');
    assert.equal(e.decision, 'prompt');
    assert.deepEqual(runtimeOutcome(e, { uiAvailable: false }), { allowed: false, reachesRiskController: false, reason: 'prompt_no_ui' });
    assert.equal(runtimeOutcome(e, { uiAvailable: true }).allowed, false);
    assert.equal(runtimeOutcome(e, { uiAvailable: true, promptAnswer: 'allow' }).reason, 'prompt_user_allow');
    assert.equal(runtimeOutcome(e, { uiAvailable: true, promptAnswer: 'deny' }).reason, 'prompt_user_deny');
  });
  it('under safe, allowDangerous plus a per-extension allow grants exec to that extension only', () => {
    const p = resolveWith({ [PROJECT_JSON]: '{"extensionPolicy":{"allowDangerous":true,"perExtension":{"a":{"allow":["exec"]}}}}' }).policy;
    assert.deepEqual([evaluate(p, 'exec', 'a').decision, evaluate(p, 'exec', 'a').layer], ['allow', 3]);
    assert.deepEqual([evaluate(p, 'exec', 'b').decision, evaluate(p, 'exec', 'b').reason], ['deny', 'not_in_default_caps']);
  });
});
