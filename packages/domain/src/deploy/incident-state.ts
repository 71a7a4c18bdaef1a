/** The life of an incident in Zhanqin, from the call (接警) to the closing report. */
export const INCIDENT_STATES = ['open', 'dispatched', 'closed', 'cancelled'] as const;
export type IncidentState = (typeof INCIDENT_STATES)[number];
export type IncidentEvent = 'dispatch' | 'close' | 'cancel';

const NEXT: Record<IncidentState, Partial<Record<IncidentEvent, IncidentState>>> = {
  open: { dispatch: 'dispatched', close: 'closed', cancel: 'cancelled' },
  dispatched: { dispatch: 'dispatched', close: 'closed' },
  closed: {},
  cancelled: {},
};

export const nextIncidentState = (state: IncidentState, event: IncidentEvent): IncidentState | null => NEXT[state][event] ?? null;
