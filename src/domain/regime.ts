/** How a contract's obligation is handled (domain.md §2): none, on trust, or with a plan. */
export type Regime = 'none' | 'trust' | 'plan';
