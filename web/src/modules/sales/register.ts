import { addRecordSlot } from '@/lib/recordSlots';
import { OrderImportSlot } from './OrderImportSlot';
import { CustomerSalesSlot, SalesActionSlot, SalesPanelSlot } from './SalesSlots';

/**
 * Puts the sales cycle on the record pages: the conversions beside a document's title, the
 * line editors, checklist and payments above its details, and the balance and chain on the
 * Customer 360° page; purchase order files imported from the order list.
 */
export function registerSalesSlots(): void {
  addRecordSlot('recordActions', SalesActionSlot);
  addRecordSlot('recordPanels', SalesPanelSlot);
  addRecordSlot('customerPanels', CustomerSalesSlot);
  addRecordSlot('listActions', OrderImportSlot);
}
