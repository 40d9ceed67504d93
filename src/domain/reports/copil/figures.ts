/**
 * Figures shown in several sections: built once here so that the same
 * quantity reads the same everywhere (one budget total, HT), and checked at
 * generation (ready.ts).
 */
import { formatEuroHT, formatNumberFr, formatPercentFr } from '../../text/numbers';
import { typographie } from '../../text/typography';
import type { CopilContext } from './context';
import type { Figure } from './section';

export function figuresCommunes(ctx: CopilContext): { score: Figure; budget: Figure; retards: Figure } {
  return {
    score: { label: 'score réalisé', value: typographie(formatPercentFr(ctx.d.etoiles.scoreRealise / 100, 1)) },
    budget: { label: 'budget du plan', value: typographie(formatEuroHT(ctx.budget.total)) },
    retards: { label: 'échéances dépassées', value: typographie(`${formatNumberFr(ctx.enRetard.length)} ${ctx.enRetard.length >= 2 ? 'échéances dépassées' : 'échéance dépassée'}`) },
  };
}
