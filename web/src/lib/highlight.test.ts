import { describe, expect, it } from 'vitest';
import { highlightParts } from './highlight';

describe('highlightParts', () => {
  it('splits on mark tags and unescapes the text', () => {
    expect(highlightParts('<mark>Aurora</mark> Bau &amp; S&#39;hne')).toEqual([
      { text: 'Aurora', marked: true },
      { text: " Bau & S'hne", marked: false },
    ]);
  });

  it('keeps any other markup as literal text', () => {
    expect(highlightParts('&lt;img src=x onerror=alert(1)&gt; <b>x</b>')).toEqual([
      { text: '<img src=x onerror=alert(1)> <b>x</b>', marked: false },
    ]);
  });
});
