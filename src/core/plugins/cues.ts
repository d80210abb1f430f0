// The speech and thought verbs that make an attribution, in every inflection. General English, written
// from a style guide's list of reporting verbs, not taken from any corpus.

// Base forms of regular reporting verbs (inflected by rule below).
const REGULAR = `
say add argue warn urge emphasize emphasise stress note explain state declare announce insist claim assert
maintain acknowledge admit concede recall reply respond answer ask suggest predict promise vow pledge tweet
post continue conclude complain counter caution contend observe remark report testify confirm deny believe
hope fear expect worry estimate describe accuse criticize criticise praise agree disagree inform highlight
joke quip shout yell whisper boast brag lament muse wonder speculate signal indicate reveal disclose allege
charge reiterate repeat echo demand propose recommend advise instruct acknowledge complain question blast
slam insist recount cite mention affirm assure contend theorize speculate tout decry denounce dismiss
exclaim retort grumble mutter sigh scoff concur urge opine reason surmise guess figure imagine suspect
doubt assume realize realise recognize recognise reckon add predict forecast announce threaten vow
plan intend aim chant decide
`;
const IRREGULAR: Record<string, string[]> = {
  say: ['say', 'says', 'said', 'saying'],
  tell: ['tell', 'tells', 'told', 'telling'],
  write: ['write', 'writes', 'wrote', 'writing', 'written'],
  think: ['think', 'thinks', 'thought', 'thinking'],
  speak: ['speak', 'speaks', 'spoke', 'speaking', 'spoken'],
  forecast: ['forecast', 'forecasts', 'forecasting', 'forecasted'],
  know: ['know', 'knows', 'knew', 'known', 'knowing'],
  call: ['call', 'calls', 'called', 'calling'],
  feel: ['feel', 'feels', 'felt', 'feeling'],
  want: ['want', 'wants', 'wanted', 'wanting'],
  show: ['show', 'shows', 'showed', 'shown', 'showing'],
  find: ['find', 'finds', 'found', 'finding'],
  seek: ['seek', 'seeks', 'sought', 'seeking'],
};

/** Longer verbs stressed on the last syllable, which double their final consonant: admitted, referred. */
const DOUBLED = new Set(['admit', 'commit', 'omit', 'concur', 'refer', 'prefer', 'confer', 'regret', 'rebut', 'compel', 'propel', 'occur', 'deter', 'control', 'patrol']);

function inflect(base: string): string[] {
  const out = [base];
  const third = /(s|sh|ch|x|z|o)$/.test(base) ? `${base}es` : /[^aeiou]y$/.test(base) ? `${base.slice(0, -1)}ies` : `${base}s`;
  let past: string, ing: string;
  if (base.endsWith('e')) { past = `${base}d`; ing = base.endsWith('ee') ? `${base}ing` : `${base.slice(0, -1)}ing`; }
  else if (/[^aeiou]y$/.test(base)) { past = `${base.slice(0, -1)}ied`; ing = `${base}ing`; }
  else if (/^(?:qu|[^aeiou])*[aeiou][^aeiouwxy]$/.test(base) && base.length <= 4 || DOUBLED.has(base)) { past = `${base}${base.at(-1)}ed`; ing = `${base}${base.at(-1)}ing`; }
  else { past = `${base}ed`; ing = `${base}ing`; }
  out.push(third, past, ing);
  return out;
}

/** Inflected form -> base form. */
export const CUES = new Map<string, string>();
for (const base of REGULAR.split(/\s+/).filter(Boolean)) { for (const f of inflect(base)) { CUES.set(f, base); } }
for (const [base, forms] of Object.entries(IRREGULAR)) { for (const f of forms) { CUES.set(f, base); } }

/** Verbs of pure speech: reliable with any subject, and the only ones that may follow their subject ("said Smith"). */
export const SPEECH = new Set(`say tell add write argue warn urge emphasize emphasise stress note explain state declare announce insist
claim assert maintain acknowledge admit concede recall reply respond answer ask suggest predict promise vow pledge tweet post
continue conclude complain counter caution contend observe remark report testify confirm deny joke quip shout yell whisper
boast brag lament muse exclaim retort grumble mutter scoff concur reiterate repeat allege charge write recount speak point
chant
`.split(/\s+/).filter(Boolean));

/** Intentions and wishes, whose content is an infinitive: "plans to run", "hopes to win". */
export const INTENT = new Set('want hope plan intend aim seek expect promise vow pledge threaten decide agree'.split(' '));

/** Thought and belief verbs: only trusted with a clause after them ("believes that ...", "thinks the plan ..."). */
export const THOUGHT = new Set('believe think hope fear expect worry know feel suspect doubt assume realize realise recognize recognise reckon imagine guess figure wonder want plan intend aim seek'.split(' '));

/** Verbs that take the addressee as object before the content: "told reporters that ...". */
export const TELLING = new Set(['tell', 'inform', 'assure', 'warn', 'remind', 'ask', 'urge', 'advise', 'instruct']);

/** Words that may stand between a source and its verb and belong to the cue ("has also said"). */
export const AUXILIARY = new Set(`has have had is was were are will would could can may might should must do does did also later then
again previously recently repeatedly once further first often frequently publicly privately earlier still never already reportedly
has've just only even now initially subsequently separately similarly likewise simply flatly openly quickly
not didn't doesn't don't won't wouldn't hasn't haven't hadn't isn't wasn't can't couldn't long
`.split(/\s+/).filter(Boolean).flatMap(w => w.includes("'") ? [w, w.replace("'", '’')] : [w]));

export const PRONOUNS = new Set(['he', 'she', 'they', 'i', 'we', 'you', 'it', 'who']);

/** Common titles that precede a name ("Mayor Alan Okafor"); used to tell a role reference ("the mayor"). */
export const TITLES = new Set(`mr mrs ms miss dr prof sen rep gov lt gen col sgt capt adm cmdr president vice mayor governor senator
representative minister secretary chancellor premier judge justice chief commissioner councilmember councilman councilwoman
councillor councilor speaker deputy director spokesperson spokesman spokeswoman chairman chairwoman chair ceo executive officer
ambassador attorney general sheriff inspector superintendent professor rev father sister pastor bishop pope king queen prince
princess lord lady sir dame commander captain sergeant lieutenant colonel major admiral trustee treasurer auditor clerk
assemblyman assemblywoman delegate leader whip majority minority house senate health finance foreign defense defence interior
state harbor harbour port city county federal national prime first lady founder president-elect presidential candidate nominee
economist analyst strategist adviser advisor aide official officials spokesperson pollster
`.split(/\s+/).filter(Boolean));

/**
 * Stance verbs whose object is what the subject holds or said about it: "X endorsed Y", "X criticized the
 * plan", "X accused Y of Z". Only trusted in the past tense or the present third person with a subject
 * right before: the bare form is as often a noun ("support", "back", "attack").
 */
const OBJECT_BASES = `endorse support back oppose criticize criticise defend praise blast slam attack reject condemn denounce
applaud welcome dismiss mock accuse blame fault hail laud ridicule dispute deride lambaste chide scold rebuke tout
decry excoriate berate disparage commend congratulate thank express voice`;
export const OBJECT_CUES = new Map<string, string>();
for (const base of OBJECT_BASES.split(/\s+/).filter(Boolean)) {
  const [, third, past] = inflect(base);
  OBJECT_CUES.set(third, base);
  OBJECT_CUES.set(past, base);
}
/** "declined to comment", "refused to say": an intention whose content is the infinitive. */
export const REFUSAL = new Set(['declined', 'declines', 'refused', 'refuses']);
/** Evidence that "shows" or "finds" something: the subject's head noun. */
export const EVIDENCE = new Set(`poll polls polling survey surveys study studies data records record report reports figures numbers
results analysis research documents document filings filing video footage emails statistics review investigation audit tally
count estimates projections models census returns ledger ledgers memo memos transcript transcripts letter letters email
post tweet`.split(/\s+/).filter(Boolean));
