// Placeholder until the attributions evaluation is written.
import type { Section } from './run.ts';

export async function evaluate(_dir: string): Promise<Section> {
  return { title: 'attributions: not yet evaluated', lines: [], json: {} };
}
