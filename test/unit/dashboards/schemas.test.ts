/** The generated JSON Schemas accept what the generators write (ajv, draft 2020-12). */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import Ajv2020 from 'ajv/dist/2020';
import { fixedClock } from '../../../shared/common/clock';
import { decideBaselineUpdate } from '../../../shared/dashboards/baseline';
import { generateDashboards } from '../../../shared/dashboards/generate';
import { DEFAULT_DASHBOARD_PATHS as P } from '../../../shared/settings/schema';
import { NOW, ports, sampleWorkspace } from './helpers';

const ROOT = join(__dirname, '..', '..', '..');
const load = (id: string) => JSON.parse(readFileSync(join(ROOT, 'schemas', `${id}.schema.json`), 'utf8'));

describe('dashboard JSON Schemas', () => {
  it('validate the compatibility dashboard, a forced baseline and the gate table', () => {
    const ajv = new Ajv2020({ strict: false, allErrors: true });
    const compat = ajv.compile(load('pi.security.compat_dashboard.v1'));
    const gates = ajv.compile(load('pi.ci.gate_table.v1'));
    const ws = sampleWorkspace();
    const r = generateDashboards({ target: 'all', workspace: ws, paths: { ...P }, env: { CI_GATE_MIN_PASS_RATE_PCT: 'bad' }, clock: fixedClock(NOW) }, ports(ws, { allowDangerous: true }));
    const d = JSON.parse(readFileSync(join(ws, P.compatDashboard), 'utf8')) as Record<string, unknown>;
    assert.ok(compat(d), JSON.stringify(compat.errors));
    assert.ok(compat(decideBaselineUpdate(r.compat!, true).baseline), JSON.stringify(compat.errors));
    const t = JSON.parse(readFileSync(join(ws, P.gateTable), 'utf8')) as Record<string, unknown>;
    assert.ok(gates(t), JSON.stringify(gates.errors));
    assert.equal(compat({ ...d, mode: 'other' }), false);
    assert.equal(gates({ ...t, verdict: 'maybe' }), false);
  });
});
