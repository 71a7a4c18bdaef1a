/**
 * Maps the `details` of a validation error to form fields. The API's details are not pinned to one
 * shape, so this accepts the common ones: a list of `{path|instancePath|field, message}` (JSON
 * pointers such as `/zones/0/slots` included), `{errors: [...]}`, or `{fields: {name: message}}`.
 */
export type FieldError = { name: (string | number)[]; errors: string[] };

function pathOf(raw: unknown): (string | number)[] | undefined {
  if (Array.isArray(raw)) return raw.filter((p): p is string | number => typeof p === 'string' || typeof p === 'number');
  if (typeof raw !== 'string' || raw === '') return undefined;
  const parts = raw
    .replace(/^body/, '')
    .split(/[/.[\]]+/)
    .filter(Boolean);
  return parts.map((part) => (/^\d+$/.test(part) ? Number(part) : part));
}

export function fieldErrorsOf(details: unknown): FieldError[] {
  if (typeof details !== 'object' || details === null) return [];
  let entries: unknown[] = [];
  if (Array.isArray(details)) entries = details;
  else if (Array.isArray((details as { errors?: unknown }).errors)) entries = (details as { errors: unknown[] }).errors;
  else if (Array.isArray((details as { issues?: unknown }).issues)) entries = (details as { issues: unknown[] }).issues;
  else if (typeof (details as { fields?: unknown }).fields === 'object' && (details as { fields?: unknown }).fields !== null) {
    return Object.entries((details as { fields: Record<string, unknown> }).fields).map(([name, message]) => ({
      name: pathOf(name) ?? [name],
      errors: [String(message)],
    }));
  }
  const byField = new Map<string, FieldError>();
  for (const entry of entries) {
    if (typeof entry !== 'object' || entry === null) continue;
    const record = entry as Record<string, unknown>;
    let name = pathOf(record['path'] ?? record['instancePath'] ?? record['field'] ?? record['property']);
    // A "required" error points at the parent object; the missing property is named separately.
    const missing = (record['params'] as { missingProperty?: unknown } | undefined)?.missingProperty;
    if (typeof missing === 'string') name = [...(name ?? []), missing];
    if (!name || name.length === 0) continue;
    const message = typeof record['message'] === 'string' ? record['message'] : 'invalid';
    const key = JSON.stringify(name);
    const existing = byField.get(key);
    if (existing) existing.errors.push(message);
    else byField.set(key, { name, errors: [message] });
  }
  return [...byField.values()];
}
