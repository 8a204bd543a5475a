/**
 * The web's field-type registry: per type one display and one input component, found
 * through this map. A new type is one entry here; unknown types fall back to text.
 */
import { AddressDisplay, AddressInput } from './AddressField';
import { DateDisplay, DateInput, DateTimeDisplay, DateTimeInput } from './DateFields';
import { EnumDisplay, EnumInput, MultiEnumDisplay, MultiEnumInput } from './EnumFields';
import { JsonDisplay, JsonInput } from './JsonField';
import { LinkDisplay, LinkInput, LinkMultipleDisplay, LinkMultipleInput } from './LinkFields';
import { MoneyDisplay, MoneyInput } from './MoneyField';
import { ParentDisplay, ParentInput } from './ParentField';
import { BooleanDisplay, BooleanInput, NumberDisplay, NumberInput, PercentDisplay } from './NumberFields';
import {
  EmailDisplay,
  LongTextDisplay,
  LongTextInput,
  PhoneDisplay,
  PlainDisplay,
  TextFieldInput,
  UnknownDisplay,
  UnknownInput,
  UrlDisplay,
} from './TextFields';
import type { FieldKind } from './types';

const text: FieldKind = { Display: PlainDisplay, Input: TextFieldInput, literal: 'string' };

export const fieldKinds: Readonly<Record<string, FieldKind>> = {
  text,
  long_text: { Display: LongTextDisplay, Input: LongTextInput, literal: 'string' },
  email: { Display: EmailDisplay, Input: TextFieldInput, literal: 'string' },
  phone: { Display: PhoneDisplay, Input: TextFieldInput, literal: 'string' },
  url: { Display: UrlDisplay, Input: TextFieldInput, literal: 'string' },
  integer: { Display: NumberDisplay, Input: NumberInput, literal: 'number' },
  decimal: { Display: NumberDisplay, Input: NumberInput, literal: 'number' },
  percent: { Display: PercentDisplay, Input: NumberInput, literal: 'number' },
  money: { Display: MoneyDisplay, Input: MoneyInput, literal: 'number' },
  boolean: { Display: BooleanDisplay, Input: BooleanInput, literal: 'boolean' },
  date: { Display: DateDisplay, Input: DateInput, literal: 'string' },
  datetime: { Display: DateTimeDisplay, Input: DateTimeInput, literal: 'string' },
  enum: { Display: EnumDisplay, Input: EnumInput, literal: 'string' },
  multi_enum: { Display: MultiEnumDisplay, Input: MultiEnumInput, literal: 'string' },
  link: { Display: LinkDisplay, Input: LinkInput, literal: 'string' },
  link_multiple: { Display: LinkMultipleDisplay, Input: LinkMultipleInput, literal: 'string' },
  parent: { Display: ParentDisplay, Input: ParentInput, literal: 'string' },
  address: { Display: AddressDisplay, Input: AddressInput, literal: 'string' },
  json: { Display: JsonDisplay, Input: JsonInput, literal: 'string' },
};

/** A type this app does not know yet: text for text, JSON for objects (never `[object Object]`). */
const unknown: FieldKind = { Display: UnknownDisplay, Input: UnknownInput, literal: 'string' };

/** The registered kind of a field type; a text-like fallback for a type this app does not know yet. */
export function fieldKind(type: string): FieldKind {
  return fieldKinds[type] ?? unknown;
}
