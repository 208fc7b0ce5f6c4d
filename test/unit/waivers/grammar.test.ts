import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';

interface Rule {
  match?: string;
  begin?: string;
  end?: string;
  patterns?: Rule[];
  include?: string;
}
const grammar = JSON.parse(readFileSync(join(process.cwd(), 'syntaxes/toml.tmLanguage.json'), 'utf8')) as { scopeName: string; patterns: Rule[]; repository: Record<string, Rule & { patterns?: Rule[] }> };
const re = (name: string, field: 'match' | 'begin' = 'match'): RegExp => new RegExp(grammar.repository[name][field] as string);

describe('TOML TextMate grammar (syntaxes/toml.tmLanguage.json)', () => {
  it('is source.toml, every include resolves and every regex compiles', () => {
    assert.equal(grammar.scopeName, 'source.toml');
    const stack: Rule[] = [...grammar.patterns, ...Object.values(grammar.repository)];
    let count = 0;
    while (stack.length > 0) {
      const r = stack.pop() as Rule;
      for (const src of [r.match, r.begin, r.end]) {
        if (src === undefined) continue;
        assert.doesNotThrow(() => new RegExp(src), src);
        count++;
      }
      if (r.include?.startsWith('#')) assert.ok(grammar.repository[r.include.slice(1)], r.include);
      stack.push(...(r.patterns ?? []));
    }
    assert.ok(count > 20);
  });
  it('highlights waiver headers with the gate id', () => {
    const m = re('waiverHeader').exec('[waiver.security_compat] # note');
    assert.deepEqual([m?.[2], m?.[4]], ['waiver', 'security_compat']);
    assert.equal(re('waiverHeader').exec('[[waiver.x]]'), null);
  });
  it('highlights waiver keys, also in dotted form, and not other keys', () => {
    assert.equal(re('waiverKeyValue', 'begin').exec('remove_when = "x"')?.[2], 'remove_when');
    assert.equal(re('waiverKeyValue', 'begin').exec('waiver.ext_must_pass.expires = "2026-02-28"')?.[2], 'expires');
    assert.equal(re('waiverKeyValue', 'begin').exec('files = ["a"]'), null);
  });
  it('highlights quoted dates and unquoted date literals', () => {
    assert.equal(re('quotedDate').exec('created = "2026-02-14"')?.[2], '2026-02-14');
    assert.equal(re('quotedDate').exec('reason = "see 2026-02-14 notes"'), null);
    const dt = new RegExp((grammar.repository.dateTime.patterns as Rule[])[0].match as string);
    assert.equal(dt.exec('created = 2026-02-14T10:00:00Z')?.[0], '2026-02-14T10:00:00Z');
  });
  it('is what the manifest contributes for the toml language', () => {
    const pkg = JSON.parse(readFileSync(join(process.cwd(), 'package.json'), 'utf8')) as { contributes: { grammars: { language: string; scopeName: string; path: string }[] } };
    assert.ok(pkg.contributes.grammars.some((g) => g.language === 'toml' && g.scopeName === 'source.toml' && g.path === './syntaxes/toml.tmLanguage.json'));
  });
});
