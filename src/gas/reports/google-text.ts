/**
 * What Slides and Docs keep of an inserted text. Both APIs strip "some control characters
 * (U+0000-U+0008, U+000C-U+001F) and characters from the Unicode Basic Multilingual Plane
 * Private Use Area (U+E000-U+F8FF)" from `insertText`
 * (https://developers.google.com/slides/api/reference/rest/v1/presentations/request#inserttextrequest,
 * https://developers.google.com/docs/api/reference/rest/v1/documents/request#inserttextrequest):
 * the U+F0B7 bullets of a text pasted from Word, a stray carriage return or form feed. Every
 * index a batch computes (styles, paragraphs, table cells) must count the text Google keeps, so
 * the request builders strip them first, once, here. U+000B (vertical tab) and U+007F (delete)
 * go too: invisible, and not worth an index.
 */
const STRIPPED = /[\u0000-\u0008\u000b-\u001f\u007f\ue000-\uf8ff]/g;

/** The text as Google will store it; `\n` and `\t` are kept (newlines are the caller's to place). */
export function googleText(text: string): string {
  return text.replace(/\r\n?/g, '\n').replace(STRIPPED, '');
}
