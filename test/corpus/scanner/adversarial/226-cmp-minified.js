// pi-expect: CMP-FORBIDDEN-001
;import x from"vm";export default x
