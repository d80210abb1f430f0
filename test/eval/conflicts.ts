// Placeholder until the conflicts evaluation is written.
import type { Section } from './run.ts';

export async function evaluate(_dir: string): Promise<Section> {
  return { title: 'conflicts: not yet evaluated', lines: [], json: {} };
}
