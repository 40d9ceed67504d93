/** A rule's verdict: the cleaned value, or a French refusal to show as is. */
export type Verdict<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly message: string };

export const accept = <T>(value: T): Verdict<T> => ({ ok: true, value });
export const refuse = <T = never>(message: string): Verdict<T> => ({ ok: false, message });
