/** The hidden tab holding list values too long for an inline dropdown (Excel's 255-character limit). */
export const LISTS_SHEET = 'Listes';

/** Excel refuses an inline list (`"a,b,c"`) longer than this. */
export const INLINE_LIST_MAX = 255;

/** Name used instead when the user has a tab of their own called `Listes`. */
export const LISTS_SHEET_FALLBACK = `${LISTS_SHEET} Cap Circulaire`;
