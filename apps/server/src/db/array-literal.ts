/**
 * A PostgreSQL array literal (`{a,b,NULL}`) of plain tokens — ids, numbers, enum words — to bind as
 * one text parameter and cast (`$1::uuid[]`). The drivers quote and escape every element of a
 * JavaScript array, which costs more than the insert itself for thousands of movement rows; plain
 * tokens need neither. Anything that is not a plain token is quoted and escaped, so any input is safe.
 */
export function arrayLiteral(values: readonly (string | number | bigint | null | undefined)[]): string {
  let out = '{';
  for (let i = 0; i < values.length; i++) {
    if (i > 0) out += ',';
    const v = values[i];
    if (v === null || v === undefined) out += 'NULL';
    else if (typeof v !== 'string') out += String(v);
    else if (PLAIN.test(v) && v.toUpperCase() !== 'NULL') out += v;
    else out += `"${v.replace(/[\\"]/g, '\\$&')}"`;
  }
  return `${out}}`;
}

const PLAIN = /^[\w.:-]+$/;
