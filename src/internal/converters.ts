import type { ComplexAttributeConverter } from 'lit';

/**
 * A number attribute where an empty value means "not given": CMS templates often print
 * `minutes=""` when a field is blank. Anything else goes through `Number()`, so the element can
 * warn about `abc` (NaN) or `1e309` (Infinity) itself.
 */
export const optionalNumber: ComplexAttributeConverter<number | null> = {
  fromAttribute: (value) => (value === null || value.trim() === '' ? null : Number(value)),
  toAttribute: (value) => (value === null ? null : String(value)),
};
