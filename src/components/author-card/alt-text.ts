/**
 * Whether an image's alternative text, as a CMS delivered it, describes anything. File names,
 * camera numbers, URLs and placeholder words ("avtor1", "IMG_2034.jpg", "photo") only add noise
 * for a screen reader; they are dropped and the photo is treated as decorative.
 */

const EXTENSION = /\.(?:jpe?g|jfif|png|gif|webp|avif|svg|heic|heif|tiff?|bmp|ico)$/i;
const URL_LIKE = /^(?:[a-z][a-z\d+.-]*:|\/\/|www\.)|[/\\]/i;
/** Words CMSes and uploads put where a description belongs, with an optional number after them. */
const PLACEHOLDER =
  /^(?:image|img|photo|foto|picture|pic|pict|bild|grafik|avatar|avtor|author|autor|autorin|portrait|porträt|headshot|profile|profil|profilbild|user|untitled|unbenannt|unnamed|placeholder|default|thumbnail|thumb|alt|alt text|alttext|null|undefined|none|nan|test|blank|spacer|dummy|screenshot|bildschirmfoto|scan|dsc|dscn|dscf|pxl|mvimg|wp|whatsapp image|kein bild|no image|ohne titel|sans titre)(?:[\s_.-]*[\d_.-]*\d[\d_.-]*)?$/i;
/** Camera and phone file names without their extension: `IMG_2034`, `DSC_0001`, `PXL_20240101_123456`. */
const CAMERA = /^[a-z]{1,6}[_-]?\d[\d_-]*$/i;
const HEXISH = /^[\da-f-]{8,}$/i;

/**
 * True when `alt` is a file name, URL or placeholder rather than a description.
 */
export function isPlaceholderAlt(alt: string): boolean {
  const value = alt.normalize('NFC').replace(/\s+/g, ' ').trim();
  if (!value) return true;
  if (EXTENSION.test(value) || URL_LIKE.test(value)) return true;
  if (!/\p{L}/u.test(value)) return true;
  if (PLACEHOLDER.test(value) || CAMERA.test(value) || HEXISH.test(value)) return true;
  // One token mixing letters with digits or underscores ("avtor1", "vz_2023", "a8f3k2"): a file name.
  if (!value.includes(' ') && (/\d/.test(value) || value.includes('_'))) return true;
  return false;
}
