import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { analyse } from '../../src/core/pipeline.ts';
import type { Finding } from '../../src/core/model.ts';

const conflicts = (text: string, language = 'plaintext'): Finding[] => {
  const ds = analyse(text, { language }).diagnostics.filter(d => d.rule.startsWith('conflict/'));
  for (const d of ds) {
    assert.equal(text.slice(d.start, d.end), d.text);
    for (const r of d.related) { assert.equal(text.slice(r.start, r.end), r.text); }
  }
  return ds;
};
const only = (ds: Finding[], rule: string): Finding[] => ds.filter(d => d.rule === rule);
const sample = (name: string): string => readFileSync(new URL(`../fixtures/workspace/${name}`, import.meta.url), 'utf8');

describe('conflict/figure', () => {
  const base = 'The mill employs 640 workers at its river site, the owner said.\n\nSales rose last year.\n\n';

  it('flags a different value for the same quantity, on the later figure, linking the earlier', () => {
    const text = `${base}The owner told the council that 480 workers at the river site were employed by the mill.`;
    const [d, ...rest] = only(conflicts(text), 'conflict/figure');
    assert.ok(d, 'expected a conflict');
    assert.equal(rest.length, 0);
    assert.equal(d.text, '480');
    assert.equal(d.related[0].text, '640');
    assert.match(d.message, /480/);
    assert.match(d.message, /640/);
  });

  it('offers the majority value when one figure is the odd one out', () => {
    const text = 'Officials said 75 deputies patrol the county fair. Later, 75 deputies patrol the county fair, officials said again.\n\nThe fair opened.\n\nOfficials said 95 deputies patrol the county fair.';
    const d = only(conflicts(text), 'conflict/figure');
    assert.equal(d.length, 1);
    assert.equal(d[0].text, '95');
    assert.deepEqual(d[0].expected, ['75']);
  });

  it('finds a restated sentence with money changed, after emoji and CRLF', () => {
    const text = '🚢 The port will spend $48 million on dredging, officials said.\r\n\r\nWork starts soon.\r\n\r\n😀 The port will spend $62 million on dredging, officials said.\r\n';
    const d = only(conflicts(text), 'conflict/figure');
    assert.equal(d.length, 1);
    assert.equal(d[0].text, '$62 million');
    assert.equal(d[0].related[0].text, '$48 million');
  });

  it('finds it in Markdown, offsets into the source', () => {
    const text = '# Port\n\n**The port will spend $48 million on dredging, officials said.**\n\nWork starts soon.\n\nThe port will spend *$62 million* on dredging, officials said.\n';
    const d = only(conflicts(text, 'markdown'), 'conflict/figure');
    assert.equal(d.length, 1);
    assert.equal(d[0].start, text.indexOf('$62 million'));
  });

  const quiet: Array<[string, string]> = [
    ['hedges', 'More than 10,000 people signed the petition, organisers said.\n\nOrganisers said 11,000 people signed the petition.'],
    ['rounding', 'The tax would rise about 17 percent for renters in the city.\n\nThe tax would rise 16.7 percent for renters in the city.'],
    ['different years', 'In 2019, the county paid 300 nurses at the hospital.\n\nIn 2023, the county paid 420 nurses at the hospital.'],
    ['different subjects', 'The plan would create 500 jobs at the port, Lee said.\n\nThe plan would create 2,000 jobs in the city, Lee said.'],
    ['changes', 'Ridership fell from 900 riders a day to 600 riders a day.\n\nThe line now carries 600 riders a day.'],
    ['parts and totals', 'The party holds 61 of the 150 seats in parliament.\n\nThe party needs 76 seats in parliament to govern.'],
    ['different people', 'Senator Ames said 40 percent of voters back the plan.\n\nSenator Ruiz said 55 percent of voters back the plan.'],
  ];
  for (const [what, text] of quiet) {
    it(`stays quiet on ${what}`, () => { assert.deepEqual(only(conflicts(text), 'conflict/figure').map(d => d.text), []); });
  }

  it('compares the ends of a range with the same ends only, and never a margin of error with a result', () => {
    const range = 'Clinton said 90 to 95 percent of the emails were preserved, her aides said.\n\nThe review went on.\n\nClinton said 90 to 95 percent of the emails were preserved, her aides said again.';
    assert.deepEqual(only(conflicts(range), 'conflict/figure'), []);
    const moved = range.replace(/90 to 95 percent(?![\s\S]*90 to 95)/, '90 to 98 percent');
    assert.deepEqual(only(conflicts(moved), 'conflict/figure').map(d => d.text), ['98 percent']);
    const poll = 'Smith and Jones trailed the mayor in their own races in the state poll, by 5 and 10 percentage points, respectively.\n\nThe poll was taken last week.\n\nFor that sample, the margin of error is plus or minus 3.4 percentage points.';
    assert.deepEqual(only(conflicts(poll), 'conflict/figure'), []);
  });

  it('keeps the figures of two subgroups apart ("among men", "among women")', () => {
    const ages = 'In the 2012 election, black turnout among voters ages 18 to 29 was 53 percent.\n\nIt was higher for older voters. It was 66 percent among voters 30 to 44 and 70 percent among those 45 and older.';
    assert.deepEqual(only(conflicts(ages), 'conflict/figure'), []);
    const same = 'Turnout among voters in the county was 66 percent in the new count.\n\nThe count was late.\n\nTurnout among voters in the county was 53 percent in the new count.';
    assert.deepEqual(only(conflicts(same), 'conflict/figure').map(d => d.text), ['53 percent']);
  });

  it('catches the harbor sample: 1,200 jobs at the terminal, then 900', () => {
    const text = sample('harbor-dredging.txt');
    const d = only(conflicts(text), 'conflict/figure');
    assert.equal(d.length, 1);
    assert.equal(d[0].text, '900');
    assert.equal(d[0].related[0].text, '1,200');
  });
});

describe('conflict/arithmetic', () => {
  it('catches a stated cut that the article’s own levels contradict (ministry sample)', () => {
    const text = sample('ministry-budget.md');
    const d = only(conflicts(text, 'markdown'), 'conflict/arithmetic');
    assert.equal(d.length, 1);
    assert.match(d[0].text, /4\.2 billion crowns to 3\.5 billion crowns/);
    assert.equal(d[0].related[0].text, '20 percent');
    assert.match(d[0].message, /16\.7%/);
  });

  it('accepts a hedged change that agrees', () => {
    const text = 'The agency budget will fall by about 17 percent next year.\n\nThe agency budget will shrink from 4.2 billion crowns to 3.5 billion crowns.';
    assert.deepEqual(only(conflicts(text), 'conflict/arithmetic'), []);
  });

  it('catches a rise that does not follow', () => {
    const text = 'The school budget will rise by 40 percent, the board said.\n\nThe school budget grows from $10 million to $12 million.';
    assert.equal(only(conflicts(text), 'conflict/arithmetic').length, 1);
  });
});

describe('conflict/statement', () => {
  it('catches the harbor sample: would not proceed without the audit, then regardless of it', () => {
    const d = only(conflicts(sample('harbor-dredging.txt')), 'conflict/statement');
    assert.equal(d.length, 1);
    assert.match(d[0].text, /regardless of the audit/);
    assert.match(d[0].related[0].text, /without the audit/);
  });

  it('catches the ministry sample: never supported closing rural clinics, then unavoidable', () => {
    const d = only(conflicts(sample('ministry-budget.md'), 'markdown'), 'conflict/statement');
    assert.equal(d.length, 1);
    assert.match(d[0].text, /closing some rural clinics/);
    assert.match(d[0].related[0].text, /never supported closing rural clinics/);
  });

  it('catches one person supporting and opposing the same thing', () => {
    const text = 'Bauer has never supported the stadium tax, his spokesman said.\n\nIn May, Bauer said the stadium tax was necessary.';
    assert.equal(only(conflicts(text), 'conflict/statement').length, 1);
  });

  it('leaves a rebuttal by someone else alone', () => {
    const text = 'Bauer has never supported the stadium tax, his spokesman said.\n\nHis rival, Carla Mendez, said Bauer backed the stadium tax for years.';
    assert.deepEqual(only(conflicts(text), 'conflict/statement'), []);
  });

  it('leaves different objects alone', () => {
    const text = 'Bauer has never supported the stadium tax, his spokesman said.\n\nIn May, Bauer said the library levy was necessary.';
    assert.deepEqual(only(conflicts(text), 'conflict/statement'), []);
  });
});

describe('conflict/title', () => {
  it('flags two offices for one person, on the later mention', () => {
    const text = 'Health Minister Ingrid Saarinen spoke on Monday.\n\nFinance Minister Ingrid Saarinen said the budget was sound.';
    const d = only(conflicts(text), 'conflict/title');
    assert.equal(d.length, 1);
    assert.match(d[0].text, /Finance Minister Ingrid Saarinen/);
    assert.match(d[0].related[0].text, /Health Minister/);
  });

  it('accepts compatible titles and former offices', () => {
    const text = 'Health Minister Ingrid Saarinen spoke on Monday.\n\nParty leader Ingrid Saarinen agreed. The former Finance Minister Ingrid Saarinen smiled.';
    assert.deepEqual(only(conflicts(text), 'conflict/title'), []);
  });
});

describe('conflict/speaker', () => {
  it('flags one quotation credited to two people, and not the same person twice', () => {
    const text = '"We will not let this harbor close under any circumstances," Mayor Alan Okafor said.\n\nThe vote is set.\n\n"We will not let this harbor close under any circumstances," Councilmember Rosa Delgado said.';
    const speakers = new Set(analyse(text).attributions.map(a => a.speaker));
    assert.deepEqual([...speakers].sort(), ['Alan Okafor', 'Rosa Delgado']);
    const d = only(conflicts(text), 'conflict/speaker');
    assert.equal(d.length, 1);
    assert.ok(d[0].start > text.indexOf('The vote'));
    assert.equal(d[0].related.length, 1);
    const same = text.replace('Councilmember Rosa Delgado said', 'Okafor said');
    assert.deepEqual(only(conflicts(same), 'conflict/speaker'), []);
  });

  it('needs a name on both sides: a source it could not resolve to someone is no second speaker', () => {
    const text = '"We will not let this harbor close under any circumstances," Mayor Alan Okafor said.\n\nThe vote is set.\n\n"We will not let this harbor close under any circumstances," according to a letter from the council.';
    assert.ok(analyse(text).attributions.some(a => a.speaker && /letter/.test(a.speaker)), 'the letter is credited');
    assert.deepEqual(only(conflicts(text), 'conflict/speaker'), []);
  });
});
