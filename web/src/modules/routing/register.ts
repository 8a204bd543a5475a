import { addRecordSlot } from '@/lib/recordSlots';
import { RoutingPanel } from './RoutingPanel';

/** Puts the routing panel on the record pages (it shows itself only for routed records). */
export function registerRoutingSlots(): void {
  addRecordSlot('recordPanels', RoutingPanel);
}
