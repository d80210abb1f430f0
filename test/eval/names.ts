// Placeholder until the names evaluation is written.
import type { Section } from './run.ts';

export async function evaluate(_dir: string): Promise<Section> {
  return { title: 'names: not yet evaluated', lines: [], json: {} };
}
