import { describe, expect, it } from 'vitest';
import { fieldErrorsOf } from './form-errors.ts';

describe('fieldErrorsOf', () => {
  it('reads JSON-pointer paths, including array indices', () => {
    expect(fieldErrorsOf([{ instancePath: '/zones/0/slots', message: 'must be >= 0' }])).toEqual([
      { name: ['zones', 0, 'slots'], errors: ['must be >= 0'] },
    ]);
  });
  it('reads {errors:[…]} with dotted paths and groups messages per field', () => {
    expect(
      fieldErrorsOf({
        errors: [
          { path: 'lat', message: 'too big' },
          { path: 'lat', message: 'not a number' },
        ],
      }),
    ).toEqual([{ name: ['lat'], errors: ['too big', 'not a number'] }]);
  });
  it('names the missing property of a required error', () => {
    expect(fieldErrorsOf([{ instancePath: '', params: { missingProperty: 'nameEn' }, message: 'required' }])).toEqual([
      { name: ['nameEn'], errors: ['required'] },
    ]);
  });
  it("reads the server's {part, issues:[…]} validation details", () => {
    expect(fieldErrorsOf({ part: 'body', issues: [{ path: '/agreement/responseMinutes', message: 'must be integer' }] })).toEqual(
      [{ name: ['agreement', 'responseMinutes'], errors: ['must be integer'] }],
    );
  });
  it('reads a {fields:{…}} map and ignores what it cannot place', () => {
    expect(fieldErrorsOf({ fields: { code: 'taken' } })).toEqual([{ name: ['code'], errors: ['taken'] }]);
    expect(fieldErrorsOf('oops')).toEqual([]);
    expect(fieldErrorsOf([{ message: 'no path' }])).toEqual([]);
  });
});
