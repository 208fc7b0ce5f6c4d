import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { fixedClock } from '../../../shared/common/clock';
import { generateDashboards } from '../../../shared/dashboards/generate';
import { loadDashboardData } from '../../../shared/dashboards/model';
import { contentSecurityPolicy, esc } from '../../../shared/common/webviewPage';
import { renderDashboardHtml } from '../../../shared/dashboards/view';
import { DEFAULT_DASHBOARD_PATHS } from '../../../shared/settings/schema';
import { NOW, ports, put, putJson, sampleWorkspace, tempDir } from './helpers';

const P = DEFAULT_DASHBOARD_PATHS;

function html(ws: string): string {
  const data = loadDashboardData({ paths: P, resolve: (r) => join(ws, r), renderedAt: '2026-02-20T12:00:01.000Z', today: '2026-02-20', secretsCoverage: null });
  return renderDashboardHtml(data, { nonce: 'N0nce42', cspSource: 'vscode-webview://x' });
}

function generated(config = {}): string {
  const ws = sampleWorkspace();
  generateDashboards({ target: 'all', workspace: ws, paths: { ...P }, env: {}, clock: fixedClock(NOW) }, ports(ws, config));
  return ws;
}

describe('dashboard view (dashboards.md §5)', () => {
  it('has a strict CSP: nonce-only scripts and styles, no remote resources', () => {
    const page = html(generated());
    const csp = contentSecurityPolicy('N0nce42', 'vscode-webview://x');
    assert.match(csp, /default-src 'none'/);
    assert.match(csp, /script-src 'nonce-N0nce42'/);
    assert.doesNotMatch(csp, /unsafe-inline|unsafe-eval|https?:/);
    assert.ok(page.includes(`content="${esc(csp)}"`));
    const scripts = page.match(/<script[^>]*>/g) ?? [];
    assert.equal(scripts.length, 1);
    assert.ok(scripts.every((t) => t.includes('nonce="N0nce42"') && !t.includes('src=')));
    assert.ok((page.match(/<style[^>]*>/g) ?? []).every((t) => t.includes('nonce="N0nce42"')));
    assert.doesNotMatch(page, /(src|href)="https?:/);
    assert.doesNotMatch(page, /<link |<iframe|<img |<canvas/);
    assert.doesNotMatch(page, / on[a-z]+="/); // no inline event handlers (CSP would block them)
  });

  it('shows pass rates, failing checks, gates with reproduce commands, the waiver timeline and extensions', () => {
    const page = html(generated({ allowDangerous: true }));
    assert.match(page, /<svg class="chart" role="img" aria-label="Pass rate per profile"/);
    assert.match(page, /standard: 8 of 12 checks pass \(66\.7 %\)/);
    assert.match(page, /<code>standard:exec:dangerous_denied<\/code> expected Deny, got <strong>Prompt<\/strong>/);
    assert.match(page, /data-copy="cargo test --test ext_conformance_generated --features ext-conformance -- --nocapture"/);
    assert.match(page, /waived · expiring|waived/);
    assert.match(page, /aria-label="Waivers from created to expires, today marked"/);
    assert.match(page, /today 2026-02-20/);
    assert.match(page, /class="wbar expiring_soon"/);
    assert.match(page, /class="wbar active"/);
    assert.match(page, /<strong>git-helper<\/strong>/);
    assert.match(page, /exec: deny/);
    assert.match(page, /SLO-07/);
  });

  it('a missing, empty, truncated or schema-violating artifact affects only its panel', () => {
    const ws = generated();
    put(ws, P.compatDashboard, '');
    put(ws, P.scanSummary, '{"schema":"pi.sec.scan_summary.v1",');
    putJson(ws, P.waiverAudit, { schema: 'pi.ci.waiver_audit.v1', waivers: 7 });
    const page = html(ws);
    assert.match(page, /<section id="compat" class="panel"><h2>Security compatibility<\/h2><div class="problem" role="alert">Artifact empty: tests\/security_compat\/security_compat_dashboard\.json<\/div>/);
    assert.match(page, /<section id="scanner"[^]*?Artifact is not valid JSON/);
    assert.match(page, /<section id="waivers"[^]*?does not match pi\.ci\.waiver_audit\.v1/);
    assert.match(page, /<section id="gates"[^]*?<table class="gates">/);
    const empty = html(tempDir());
    for (const id of ['compat', 'gates', 'waivers', 'scanner']) assert.match(empty, new RegExp(`<section id="${id}"[^]*?Artifact not found`));
    assert.match(empty, /not measured/);
  });

  it('escapes everything that comes from artifacts', () => {
    const ws = generated();
    const table = JSON.parse(readFileSync(join(ws, P.gateTable), 'utf8'));
    table.gates[0].detail = '<img src=x onerror=alert(1)>"\'';
    putJson(ws, P.gateTable, table);
    const page = html(ws);
    assert.ok(page.includes('&lt;img src=x onerror=alert(1)&gt;&quot;&#39;'));
    assert.ok(!page.includes('<img src=x'));
  });
});
