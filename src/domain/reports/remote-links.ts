/**
 * Whether an auditor working from elsewhere can open a link of `Preuves`.
 *
 * The audit is prepared inside the collectivité, where intranet addresses,
 * network shares and local files open fine; the auditor (and the national
 * commission) work from outside and cannot open any of them. The rules look
 * at the address only (no network access): what cannot be reached from the
 * internet by construction, plus host names that say « intranet ».
 */

export type LinkReach =
  /** A public http(s) address. */
  | { readonly kind: 'public'; readonly url: string }
  /** An address a remote auditor cannot open; `url` is set when it is still an http(s) link. */
  | { readonly kind: 'unreachable'; readonly reason: UnreachableReason; readonly url?: string }
  /** Not an address at all (a reference, a note). */
  | { readonly kind: 'text' };

export type UnreachableReason = 'intranet' | 'private-ip' | 'local-host' | 'file' | 'network-share' | 'local-path';

/** Top-level names that only exist inside an organisation's network (RFC 6762, RFC 8375, common private zones). */
const PRIVATE_TLDS = new Set(['local', 'lan', 'intra', 'intranet', 'internal', 'corp', 'home', 'localdomain', 'private', 'domain', 'priv', 'grp']);
/** First labels that name an intranet (« intranet.agglo.fr » is usually not published outside). */
const INTRANET_LABELS = new Set(['intranet', 'intra']);

function ipv4Private(host: string): boolean | null {
  const m = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(host);
  if (!m) return null;
  const [a, b] = [Number(m[1]), Number(m[2])];
  return a === 10 || a === 127 || (a === 172 && b >= 16 && b <= 31) || (a === 192 && b === 168) || (a === 169 && b === 254) || a === 0;
}

function ipv6Private(host: string): boolean | null {
  if (!host.startsWith('[')) return null;
  const h = host.slice(1, -1).toLowerCase();
  return h === '::1' || /^f[cd][0-9a-f]{2}:/.test(h) || /^fe[89ab][0-9a-f]:/.test(h);
}

/** Where a link of `Preuves` leads, for someone outside the collectivité's network. */
export function linkReach(raw: string | null | undefined): LinkReach {
  const value = (raw ?? '').trim();
  if (!value) return { kind: 'text' };
  if (/^file:/i.test(value)) return { kind: 'unreachable', reason: 'file' };
  if (/^(\\\\|\/\/)[^\\/\s]+[\\/]/.test(value)) return { kind: 'unreachable', reason: 'network-share' };
  if (/^[a-z]:[\\/]/i.test(value) || /^(~\/|\/(home|users|mnt|media|srv|data|partage|commun)\/)/i.test(value)) return { kind: 'unreachable', reason: 'local-path' };
  const m = /^(https?):\/\/([^/?#\s]+)([^\s]*)$/i.exec(value);
  if (!m) return { kind: 'text' };
  const authority = m[2].replace(/^[^@]*@/, '');
  const host = (authority.startsWith('[') ? authority.replace(/\](:\d+)?$/, ']') : authority.replace(/:\d+$/, '')).toLowerCase().replace(/\.$/, '');
  const url = value;
  const v6 = ipv6Private(host);
  if (v6 !== null) return v6 ? { kind: 'unreachable', reason: host === '[::1]' ? 'local-host' : 'private-ip', url } : { kind: 'public', url };
  const v4 = ipv4Private(host);
  if (v4 !== null) return v4 ? { kind: 'unreachable', reason: host.startsWith('127.') ? 'local-host' : 'private-ip', url } : { kind: 'public', url };
  if (host === 'localhost' || host.endsWith('.localhost')) return { kind: 'unreachable', reason: 'local-host', url };
  const labels = host.split('.');
  if (labels.length === 1) return { kind: 'unreachable', reason: 'intranet', url };
  if (PRIVATE_TLDS.has(labels[labels.length - 1])) return { kind: 'unreachable', reason: 'intranet', url };
  if (labels.some((l) => INTRANET_LABELS.has(l))) return { kind: 'unreachable', reason: 'intranet', url };
  return { kind: 'public', url };
}
