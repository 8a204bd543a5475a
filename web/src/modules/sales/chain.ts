/** The customer's sales chains shaped for the timeline: newest chain first, each step with where it opens. */
import { formatSince } from './duration';
import type { Chain, ChainStep } from './salesApi';

const KIND_PLURAL: Record<string, string> = {
  enquiry: 'enquiries',
  quotation: 'quotations',
  quotation_revision: 'quotations',
  order: 'orders',
  delivery: 'deliveries',
  invoice: 'invoices',
  credit_note: 'invoices',
  payment: 'payments',
};

const KIND_LABEL: Record<string, string> = {
  enquiry: 'Enquiry',
  quotation: 'Quotation',
  quotation_revision: 'Revision',
  order: 'Order',
  delivery: 'Delivery',
  invoice: 'Invoice',
  credit_note: 'Credit note',
  payment: 'Payment',
};

export interface TimelineStep {
  key: string;
  kind: string;
  kindLabel: string;
  label: string;
  status: string;
  at: string;
  since: string;
  /** The seconds since the previous step, for saying it out in words. */
  seconds: number | null;
  /** The record page the step opens; undefined for a kind this app does not know. */
  href: string | undefined;
}

export interface TimelineChain {
  key: string;
  /** The step the chain starts with: "Enquiry ENQ-2027-00001 (fax)". */
  title: string;
  steps: TimelineStep[];
  /** From the first to the last step, as "+6 d 2 h"; empty for a single step. */
  span: string;
  /** The latest step's time, which orders the chains. */
  latest: string;
}

export function stepHref(step: Pick<ChainStep, 'kind' | 'id'>): string | undefined {
  const plural = KIND_PLURAL[step.kind];
  return plural === undefined || step.id === '' ? undefined : `/${plural}/${encodeURIComponent(step.id)}`;
}

export function kindLabel(kind: string): string {
  return KIND_LABEL[kind] ?? kind.replace(/_/g, ' ');
}

/** Chains whose latest step is newest come first: the deal in motion is what is looked for. */
export function chainTimeline(chains: readonly Chain[]): TimelineChain[] {
  const shaped = chains
    .filter((chain) => chain.steps.length > 0)
    .map((chain): TimelineChain => {
      const steps = chain.steps.map((step, index): TimelineStep => {
        // A payment appears once per invoice it settles: the key tells them apart.
        const key = `${String(index)}:${step.kind}:${step.id}:${String(step.revision ?? '')}`;
        return {
          key,
          kind: step.kind,
          kindLabel: kindLabel(step.kind),
          label: step.label,
          status: step.status,
          at: step.at,
          since: formatSince(step.seconds_since_previous),
          seconds: step.seconds_since_previous,
          href: stepHref(step),
        };
      });
      const first = chain.steps[0];
      const latest = chain.steps.reduce((late, step) => (step.at > late ? step.at : late), '');
      return {
        key: first === undefined ? '' : `${first.kind}:${first.id}`,
        title: first?.label ?? '',
        steps,
        span: chain.steps.length > 1 ? formatSince(chain.seconds_total).replace(/^\+/, '') : '',
        latest,
      };
    });
  return shaped.sort((left, right) => (left.latest < right.latest ? 1 : left.latest > right.latest ? -1 : 0));
}
