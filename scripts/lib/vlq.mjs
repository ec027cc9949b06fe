// @ts-check
const BASE64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/**
 * The fields of one source-map segment (base64 VLQ, relative to the previous segment):
 * [generated column, source, original line, original column, name], as many as it has.
 * Shared by the size attribution (size-budget.mjs) and the profile (profile.mjs).
 * @param {string} segment
 * @returns {number[]}
 */
export function decodeSegment(segment) {
  const fields = [];
  let value = 0;
  let shift = 0;
  for (const char of segment) {
    const digit = BASE64.indexOf(char);
    value += (digit & 31) << shift;
    if (digit & 32) shift += 5;
    else {
      fields.push(value & 1 ? -(value >> 1) : value >> 1);
      value = 0;
      shift = 0;
    }
  }
  return fields;
}
