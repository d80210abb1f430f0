// Attribution extraction on a PolNeAR-layout folder: npm run eval -- DIR [--json] [--only attributions].
// The articles are read from DIR at run time; nothing of them is copied into the project.
import { analyse } from '../../src/core/pipeline.ts';
import type { Section } from './run.ts';
import { loadCorpus, scoreDoc, toScored, total, type PRF, type DocScore } from './polnear.ts';


const pct = (x: number): string => (100 * x).toFixed(1);
const line = (name: string, s: PRF): string => `${name.padEnd(34)} P ${pct(s.precision).padStart(5)}  R ${pct(s.recall).padStart(5)}  F1 ${pct(s.f1).padStart(5)}   (tp ${s.tp}, pred ${s.pred}, gold ${s.gold})`;

function quantile(xs: number[], q: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? s[Math.min(s.length - 1, Math.floor(q * s.length))] : 0;
}

export async function evaluate(dir: string): Promise<Section> {
  const docs = loadCorpus(dir);
  const scores: DocScore[] = [];
  const times: number[] = [];
  // One warm-up run so that the first article does not pay for module start-up in the timings.
  if (docs[0]) { analyse(docs[0].text); }
  for (const d of docs) {
    const t0 = performance.now();
    const result = analyse(d.text);
    times.push(performance.now() - t0);
    scores.push(scoreDoc(result.attributions.map(toScored), d.gold));
  }
  const t = total(scores);
  const median = quantile(times, 0.5), p95 = quantile(times, 0.95);
  return {
    title: `attributions: ${docs.length} articles in ${dir}`,
    lines: [
      line('direct quotations @0.8', t.direct08),
      line('direct quotations @0.3', t.direct03),
      `${'speaker accuracy (direct, @0.8)'.padEnd(34)} ${pct(t.speakerAccuracy)}`,
      line('end to end (direct @0.8 + speaker)', t.endToEnd),
      line('all attributions @0.5', t.all05),
      `${'speaker accuracy (all, @0.5)'.padEnd(34)} ${pct(t.allSpeakerAccuracy)}`,
      line('exact Content', t.exactContent),
      line('exact Source', t.exactSource),
      line('exact Cue', t.exactCue),
      `time per article: median ${median.toFixed(2)} ms, p95 ${p95.toFixed(2)} ms`,
    ],
    json: { ...t, timeMs: { median, p95 } },
  };
}
