/** Turns a picklist name such as `product_groups` into "Product groups". */
export function picklistTitle(name: string): string {
  const words = name.replace(/[_-]+/g, ' ').trim();
  return words.charAt(0).toUpperCase() + words.slice(1);
}
