import type { RollupTotals } from './campaign-figures';

/** Declines for one catalogue reason; `name` is the catalogue's (Chinese) name. */
export class DeclineReasonCount {
  reason!: string;
  name!: string;
  count!: number;
}

/**
 * The later stages of the funnel (visited → needs → submitted → recommended come from the other figures):
 * needs that reached a claim (对接), an approval (授信), a signed contract (放款), whatever their status now;
 * beside them the declines, by reason, and the needs that came back repaired from a second diagnosis (二次诊断).
 */
export class FunnelFigures {
  claimed!: number;
  approved!: number;
  signed!: number;
  declined!: number;
  declinesByReason!: DeclineReasonCount[];
  repaired!: number;
}

/** The later funnel stages of some totals; the reasons keep their code as name until `nameDeclines` names them. */
export function funnelOf(t: RollupTotals): FunnelFigures {
  return {
    claimed: t.reachedClaimed,
    approved: t.reachedApproved,
    signed: t.reachedSigned,
    declined: t.declines,
    declinesByReason: [...t.declinesByReason.entries()]
      .filter(([, n]) => n > 0)
      .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))
      .map(([reason, count]) => ({ reason, name: reason, count })),
    repaired: t.reachedRepaired,
  };
}
