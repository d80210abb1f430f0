// attribution/unattributed-quote: quoted words that no attribution credits to anyone. Scare quotes are
// nobody's words, and a quotation nested in an attributed one belongs to its speaker.
import type { Root } from 'nlcst';
import type { VFile } from 'vfile';
import { dataOf, report } from '../context.js';

export default function unattributed() {
  return (_tree: Root, file: VFile): void => {
    const data = dataOf(file);
    let outerEnd = -1;
    let outerAttributed = false;
    for (const q of data.quotes) {
      // Quotes are sorted by start: one that begins inside the last outer quotation is nested in it.
      const nested = q.start < outerEnd;
      if (!nested) { outerEnd = q.end; outerAttributed = q.attributed; }
      if (q.attributed || q.scare || nested && outerAttributed) { continue; }
      if (nested) { continue; }
      report(file, q.start, q.end, 'Quotation without attribution: no one is credited with these words', 'attribution/unattributed-quote');
    }
  };
}
