// Browser tests of the search page (soeg/) in headless Chromium: queries, Danish matching, exact
// tokens, facets, URL state, result links landing on their item, accessibility, and the download
// budgets at 50,000 agenda items, counted on the server.
//
// The functional tests build a real site (`referat build`) from minutes written below. The budget
// test puts the index of a generated 50,000-item corpus (`examples/search-bench.rs`) into a copy of
// that site, so the page and script are the real ones and only the index is big.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import vm from 'node:vm';
import { execFileSync } from 'node:child_process';
import { repo, buildSite, serveDir, launchBrowser, axe } from './lib.mjs';

const PREFIX = '/referater/';
// The marks' note once its live region has its text.
const NOTE = '.highlight-note [role=status]:not(:empty)';

function bench(args) {
  // The profile of the binary the tests run (lib.mjs referatBin), so one build serves both.
  const release = process.env.REFERAT_PROFILE === 'release' ? ['--release'] : [];
  execFileSync('cargo', ['run', '--quiet', ...release, '--example', 'search-bench', '--', ...args], { cwd: repo, stdio: 'pipe' });
}

const MINUTES = {
  'direktionen/2017-03-20.md': `# **REFERAT Direktionen d. 20-03-2017**

**Mødedato** Mandag d. 20. marts 2017 kl. 10:00

**Mødested** B204

**Mødedeltagere** Lars Holte, Jørgen Lerhard

## **Punkt 1: Økonomiopfølgning - 20-03-2017**

16/26813

### **Baggrund**

Udskudt fra direktionmødet 13-03-2017

## **Punkt 2: Lukket**

17/171

### **Baggrund**

HEMMELIGLUKKET lokalplan for en personalesag.

## **Punkt 3: Godkendelse af handicappolitik og udsattepolitik**

15/14789

### **Baggrund**

Socialudvalget godkendte i januar 2016 en revision af *handicappolitikken*.

## **Punkt 4: Lokalplan for Århus Bygade**

00.01.00-A00-1-21

### **Sagsfremstilling**

Lokalplanerne for området ved Aarhus Bygade og Ørstedsvej skal revideres. <script>window.hacked = 1</script><img src=x onerror="window.hacked = 2">
`,
  'byraadet/2018-06-12.md': `# **REFERAT Byrådet d. 12-06-2018**

**Mødedato** Tirsdag d. 12. juni 2018 kl. 17:00

**Mødested** Byrådssalen

**Mødedeltagere** Anna Hansen, Bo Jensen

## **Punkt 1: Budget 2019**

18/1000

### **Baggrund**

Første behandling af budgettet, jf. sag 16/26813.

## **Punkt 2: Ny lokalplan for Taastrup Hovedgade**

16/26813

### **Baggrund**

Forslag til lokalplan vedtages.

### **Beslutning i Byrådet den 12-06-2018**

Godkendt, dog ikke arkitektkonkurrencen.
`,
  // Many items of one word (more than a page of results) and a very long compound word.
  'teknikudvalget/2019-05-07.md': `# **REFERAT Teknikudvalget d. 07-05-2019**

**Mødedato** Tirsdag d. 7. maj 2019 kl. 15:00

**Mødested** Mødelokale 2

**Mødedeltagere** Carl Madsen, Dorte Lund

## **Punkt 1: Godkendelse af erhvervshovedprojektbeskrivelse**

19/3001

### **Sagsfremstilling**

Erhvervshovedprojektbeskrivelsesudkastet og erhvervshovedprojektbeskrivelse for havnen forelægges til underretning.

## **Punkt 2: Vejbump på Skolevej 2**

19/3002

### **Sagsfremstilling**

Vejbump nummer 2 med overkørsel og medfinansiering fra staten.

## **Punkt 3: Vejbump på Skolevej 3**

19/3003

### **Sagsfremstilling**

Vejbump nummer 3 med overkørsel og medfinansiering fra staten.

## **Punkt 4: Vejbump på Skolevej 4**

19/3004

### **Sagsfremstilling**

Vejbump nummer 4 med overkørsel og medfinansiering fra staten.

## **Punkt 5: Vejbump på Skolevej 5**

19/3005

### **Sagsfremstilling**

Vejbump nummer 5 med overkørsel og medfinansiering fra staten.

## **Punkt 6: Vejbump på Skolevej 6**

19/3006

### **Sagsfremstilling**

Vejbump nummer 6 med overkørsel og medfinansiering fra staten.

## **Punkt 7: Vejbump på Skolevej 7**

19/3007

### **Sagsfremstilling**

Vejbump nummer 7 med overkørsel og medfinansiering fra staten.

## **Punkt 8: Vejbump på Skolevej 8**

19/3008

### **Sagsfremstilling**

Vejbump nummer 8 med overkørsel og medfinansiering fra staten.

## **Punkt 9: Vejbump på Skolevej 9**

19/3009

### **Sagsfremstilling**

Vejbump nummer 9 med overkørsel og medfinansiering fra staten.

## **Punkt 10: Vejbump på Skolevej 10**

19/3010

### **Sagsfremstilling**

Vejbump nummer 10 med overkørsel og medfinansiering fra staten.

## **Punkt 11: Vejbump på Skolevej 11**

19/3011

### **Sagsfremstilling**

Vejbump nummer 11 med overkørsel og medfinansiering fra staten.

## **Punkt 12: Vejbump på Skolevej 12**

19/3012

### **Sagsfremstilling**

Vejbump nummer 12 med overkørsel og medfinansiering fra staten.

## **Punkt 13: Vejbump på Skolevej 13**

19/3013

### **Sagsfremstilling**

Vejbump nummer 13 med overkørsel og medfinansiering fra staten.

## **Punkt 14: Vejbump på Skolevej 14**

19/3014

### **Sagsfremstilling**

Vejbump nummer 14 med overkørsel og medfinansiering fra staten.

## **Punkt 15: Vejbump på Skolevej 15**

19/3015

### **Sagsfremstilling**

Vejbump nummer 15 med overkørsel og medfinansiering fra staten.

## **Punkt 16: Vejbump på Skolevej 16**

19/3016

### **Sagsfremstilling**

Vejbump nummer 16 med overkørsel og medfinansiering fra staten.

## **Punkt 17: Vejbump på Skolevej 17**

19/3017

### **Sagsfremstilling**

Vejbump nummer 17 med overkørsel og medfinansiering fra staten.

## **Punkt 18: Vejbump på Skolevej 18**

19/3018

### **Sagsfremstilling**

Vejbump nummer 18 med overkørsel og medfinansiering fra staten.

## **Punkt 19: Vejbump på Skolevej 19**

19/3019

### **Sagsfremstilling**

Vejbump nummer 19 med overkørsel og medfinansiering fra staten.

## **Punkt 20: Vejbump på Skolevej 20**

19/3020

### **Sagsfremstilling**

Vejbump nummer 20 med overkørsel og medfinansiering fra staten.

## **Punkt 21: Vejbump på Skolevej 21**

19/3021

### **Sagsfremstilling**

Vejbump nummer 21 med overkørsel og medfinansiering fra staten.

## **Punkt 22: Vejbump på Skolevej 22**

19/3022

### **Sagsfremstilling**

Vejbump nummer 22 med overkørsel og medfinansiering fra staten.

## **Punkt 23: Vejbump på Skolevej 23**

19/3023

### **Sagsfremstilling**

Vejbump nummer 23 med overkørsel og medfinansiering fra staten.

## **Punkt 24: Vejbump på Skolevej 24**

19/3024

### **Sagsfremstilling**

Vejbump nummer 24 med overkørsel og medfinansiering fra staten.

## **Punkt 25: Vejbump på Skolevej 25**

19/3025

### **Sagsfremstilling**

Vejbump nummer 25 med overkørsel og medfinansiering fra staten.

## **Punkt 26: Vejbump på Skolevej 26**

19/3026

### **Sagsfremstilling**

Vejbump nummer 26 med overkørsel og medfinansiering fra staten.

## **Punkt 27: Trafiksikkerhedsplan for de næste fire år**

19/3027

### **Sagsfremstilling**

Forvaltningen har gennemgået trafiksikkerheden i hele kommunen og foreslår en række tiltag, herunder hastighedsdæmpning, bedre skiltning og flere fodgængerfelter ved skolerne. Desuden foreslås det at forny gadebelysningen langs stierne.
`,
};

// A meeting for the regressions of the journalist review: words with æ/ø/å (typed as ae/oe/aa),
// a decomposed "å" (NFD, as PDFs and macOS write it), an absent member, dates in other forms.
MINUTES['kulturudvalget/2016-09-30.md'] = `# **REFERAT Kulturudvalget d. 30-09-2016**

**Mødedato** Fredag d. 30. september 2016 kl. 09:00

**Mødested** Rådhuset

**Mødedeltagere** Eva Nielsen, Finn Olsen

**Afbud** Gitte Petersen

## **Punkt 1: Ny leverandør af kaffe**

16/9001

### **Sagsfremstilling**

Direktøren foreslår en ny leverandør vedrørende kaffe til mødelokalet i A\u030Arslev. Kontrakten blev drøftet 21.12.16 og godkendt den 3. februar 2015.

## **Punkt 2: Prisliste for mødeforplejning**

16/9002

### **Sagsfremstilling**

Prislisten blev drøftet 17/11 2016. Priserne ligger mellem 30-100 kr. pr. person.

## **Punkt 3: Tilskud til mødelokaler**

16/9003

### **Sagsfremstilling**

Rammen er 2,5 mio. kr. Heraf er 1.250.000 kr. brugt.
`;

const temps = [];

/** Builds the site of MINUTES with `referat build`, served under PREFIX. */
function realSite() {
  const content = fs.mkdtempSync(path.join(os.tmpdir(), 'referat-search-content-'));
  temps.push(content);
  for (const [file, text] of Object.entries(MINUTES)) {
    fs.mkdirSync(path.dirname(path.join(content, file)), { recursive: true });
    fs.writeFileSync(path.join(content, file), text);
  }
  const out = buildSite({ content, baseUrl: `http://127.0.0.1${PREFIX}` });
  temps.push(path.dirname(out));
  return out;
}

let browser; let small; let server;

before(async () => {
  execFileSync('cargo', ['build', '--quiet'], { cwd: repo, stdio: 'pipe' });
  small = realSite();
  server = await serveDir(small, PREFIX);
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  await server?.close();
  for (const dir of temps) fs.rmSync(dir, { recursive: true, force: true });
});

/** Types `q` into the search box and waits until the page has answered it. */
async function search(page, q) {
  await page.evaluate(() => { delete document.getElementById('search').dataset.query; });
  await page.fill('#search-q', q);
  await page.waitForFunction((want) => document.getElementById('search').dataset.query === want, q);
}

async function open(srv, query = '', viewport = { width: 1280, height: 720 }) {
  const page = await browser.newPage({ viewport });
  await page.goto(`${srv.url}soeg/${query}`);
  await page.waitForFunction(() => document.getElementById('search')?.dataset.ready === 'true');
  if (query.includes('q=')) await page.waitForFunction(() => document.getElementById('search').dataset.query !== undefined);
  return page;
}

const titles = (page) => page.$$eval('#search-results .search-result h2', (hs) => hs.map((h) => h.textContent));

/** Waits until the page shows `n` results. */
const shown = (page, n) => page.waitForFunction((want) => document.querySelectorAll('#search-results li').length === want, n, { timeout: 5000 });

test('the JS stemmer and folding give exactly the terms of the Rust index', () => {
  const vocab = path.join(path.dirname(small), 'vocab.json');
  bench(['--vocab', vocab]);
  const { stop, words } = JSON.parse(fs.readFileSync(vocab, 'utf8'));
  const ctx = { TextEncoder };
  vm.createContext(ctx);
  vm.runInContext(fs.readFileSync(path.join(repo, 'templates/static/search.js'), 'utf8'), ctx);
  const s = ctx.referatSearch;
  s.setStopWords(stop);
  assert.ok(words.length > 3000, 'a real vocabulary');
  const wrong = words.filter(([w, st, t, alt]) => s.stem(w.toLowerCase()) !== st || s.terms(w)[0] !== t || s.terms(w)[1] !== alt)
    .map(([w, st, t, alt]) => [w, st, t, alt, s.stem(w.toLowerCase()), ...s.terms(w)]);
  assert.deepEqual(wrong.slice(0, 10), []);
  assert.equal(s.exactKey('16/026813'), 'c:16/26813');
  assert.equal(s.exactKey('00.01.00-a00-1-21'), 'c:00.01.00-A00-1-21');
  assert.equal(s.exactKey('20.3.2017'), 'd:2017-03-20');
  assert.equal(s.exactKey('31-02-2017'), null);
  assert.equal(s.exactKey('2017-012345'), 'c:2017-012345');
  assert.equal(s.exactKey('emn-2019-00123,'), 'c:EMN-2019-00123');
  assert.equal(s.exactKey('2017-2020'), null, 'a period');
  assert.equal(s.exactKey('1889-12345'), null);
  // Regression: the ae/oe/aa spelling of a word was stemmed as it stood and got another term than
  // the word with æ/ø/å ("leverandoer" → "leverando", "leverandør" → "leverandoer"), so it found
  // nothing. Its second term is the term of the word with æ/ø/å.
  assert.ok(words.filter(([w, , , alt]) => /aa|ae|oe/i.test(w) && alt).length > 30, 'second terms are in the vocabulary');
  for (const [danish, typed] of [['leverandør', 'leverandoer'], ['direktør', 'direktoer'], ['vedrørende', 'vedroerende'],
    ['miljø', 'miljoe'], ['nuværende', 'nuvaerende'], ['Århus', 'AARHUS'], ['årets', 'aarets']]) {
    assert.ok(Array.from(s.terms(typed)).includes(s.term(danish)), typed);
  }
  for (const [one, other] of [['beboer', 'beboerne'], ['konto', 'kontoer'], ['tema', 'temaer']]) {
    assert.equal(s.term(other), s.term(one), 'a word that really holds the pair keeps its forms together');
  }
  assert.equal(s.letters('michael'), 'michæl', 'as src/search/text.rs letters');
  // Regression: `16-26813`, the form of the case page's address, was no case number.
  assert.equal(s.exactKey('16-26813'), 'c:16/26813');
  assert.equal(s.exactKey('16-18'), null, 'an age range');
  // Regression: two-digit years and dates written out were no dates (src/mention.rs reads the same).
  assert.equal(s.exactKey('21.12.16'), 'd:2016-12-21');
  assert.equal(s.exactKey('20-03-17'), 'd:2017-03-20');
  assert.equal(s.exactKey('15/03/98'), 'd:1998-03-15');
  assert.equal(s.exactKey('21.12-16'), null);
  assert.equal(s.exactKey('32.12.16'), null);
  assert.equal(s.exactKey('20. marts 2017'), 'd:2017-03-20');
  assert.equal(s.exactKey('20. Mar. 2017'), 'd:2017-03-20');
  assert.equal(s.exactKey('20. mar 2017'), null, 'an abbreviation has its period');
  assert.equal(s.exactKey('20/3 2017'), 'd:2017-03-20');
  // src/mention.rs reads the minutes' "20/3 2017" as this date, and "20.3 2017" as no date.
  assert.equal(s.exactKey('20.3 2017'), null);
  // Amounts are one word each, as src/search/text.rs amount_word reads them.
  for (const [number, word] of [['2,5', '2,5'], ['2.500.000', '2500000'], ['1.250,50', '1250,50'], ['20.03.2017', null],
    ['14.00', null], ['1,2,3', null], ['12.5', null], ['1234.567', null]]) {
    assert.equal(s.amountWord(number), word, number);
  }
});

test('parsing: only a query being typed has a prefix; labels beside a case number are not required words', () => {
  const ctx = { TextEncoder };
  vm.createContext(ctx);
  vm.runInContext(fs.readFileSync(path.join(repo, 'templates/static/search.js'), 'utf8'), ctx);
  const s = ctx.referatSearch;
  s.setStopWords(['af', 'den', 'er', 'det', 'for']);
  const groups = (q, live) => JSON.parse(JSON.stringify(s.parse(q, live).groups));
  // Regression: the last word was always a prefix, also in a submitted or linked query: "høring af"
  // required a word starting with "af", "bil" matched "bilag", "det er" matched every "er…" word.
  assert.deepEqual(groups('høring af', false), [{ term: s.term('høring'), prefix: null }]);
  assert.deepEqual(groups('bil', false), [{ term: 'bil', prefix: null }]);
  assert.deepEqual(groups('det er', false), []);
  assert.deepEqual(JSON.parse(JSON.stringify(s.parse('det er', false).stopped)), ['det', 'er']);
  assert.deepEqual(groups('høring af', true), [{ term: s.term('høring'), prefix: null }, { term: null, prefix: 'af', stop: 'af' }]);
  assert.deepEqual(groups('bil', true), [{ term: 'bil', prefix: 'bil' }]);
  // Regression: "sag 16/26813" required the word "sag"; "sagsnr." and "j.nr." found nothing.
  // (A case number in its address form keeps its words to fall back on, see below.)
  const keyed = (q, live) => groups(q, live).map(({ words, ...g }) => g);
  for (const q of ['sag 16/26813', 'sagsnr. 16/26813', 'j.nr. 16/26813', 'Sagsnummer: 16/26813', 'journalnr. 16-26813', '16/26813 sagen', 'jnr 16/26813']) {
    assert.deepEqual(keyed(q, false), [{ key: 'c:16/26813' }], q);
    assert.deepEqual(keyed(q, true), [{ key: 'c:16/26813' }], `${q} typed`);
  }
  assert.deepEqual(groups('dato 20-03-2017', false), [{ key: 'd:2017-03-20' }]);
  assert.deepEqual(groups('sag om lokalplan', false).length, 3, 'a label without a case number is a word');
  assert.deepEqual(groups('leverandoer', false), [{ term: s.terms('leverandoer')[0], alt: s.term('leverandør'), prefix: null }]);
  // Regression: "20. marts 2017" and "20/3 2017" in a query were words and a case number, not a date.
  for (const q of ['20. marts 2017', 'den 20. mar. 2017', '20 marts 2017', '20/3 2017', 'dato 20-03-17']) {
    assert.deepEqual(groups(q, false), [{ key: 'd:2017-03-20' }], q);
  }
  assert.deepEqual(groups('20/3', false), [{ key: 'c:20/3' }], 'without a year it is a case number');
  // As src/mention.rs reads the minutes: after a case label, "16/5 2017" is case 16/5 and a year;
  // "20.3 2017" is no date; "(20/3 2017)" is.
  assert.deepEqual(groups('sag 16/5 2017', false), [{ key: 'c:16/5' }, { term: '2017', prefix: null }]);
  assert.deepEqual(groups('j.nr.: 16/5 2017', false), [{ key: 'c:16/5' }, { term: '2017', prefix: null }]);
  assert.deepEqual(groups('den 16/5 2017', false), [{ key: 'd:2017-05-16' }]);
  assert.deepEqual(groups('(20/3 2017)', false), [{ key: 'd:2017-03-20' }]);
  assert.deepEqual(groups('20.3 2017', false), [{ term: '20', prefix: null }, { term: '2017', prefix: null }]);
  // Regression: "30-100 kr" became the exact key of case 30/100 alone and found nothing. A case
  // number in its address form carries its words, which the search uses when the index has no
  // such case (the browser test '... an amount is words' runs that part).
  assert.deepEqual(groups('30-100 kr', false), [
    { key: 'c:30/100', words: [{ term: '30', prefix: null }, { term: '100', prefix: null }] }, { term: 'kr', prefix: null }]);
  assert.deepEqual(groups('16-268', true), [{ key: 'c:16/268', words: [{ term: '16', prefix: null }, { term: '268', prefix: '268' }] }]);
  assert.deepEqual(groups('16-18 år', false).length, 3, 'an age range is words');
  // Regression: "2000-12000" read as a year-serial case number found nothing when the index had
  // no such case; it keeps its words too (the index has no such key since src/mention.rs reads
  // "2000-12000 kr." as an amount range).
  assert.deepEqual(groups('2000-12000', false), [{ key: 'c:2000-12000', words: [{ term: '2000', prefix: null }, { term: '12000', prefix: null }] }]);
  assert.deepEqual(groups('2,5 mio.', false), [{ term: '2,5', prefix: null }, { term: s.term('mio'), prefix: null }]);
  assert.deepEqual(groups('bevilget 1.250.000', true), [{ term: s.term('bevilget'), prefix: null }, { term: '1250000', prefix: '1250000' }]);
  // The words a result's page marks (`?fremhaev=`): what made a group, labels and stop words left out.
  const kept = (q, live) => Array.from(s.parse(q, live).kept);
  assert.deepEqual(kept('høring af den nye plan', false), ['høring', 'nye', 'plan']);
  assert.deepEqual(kept('sag 16/26813 budget', false), ['16/26813', 'budget']);
  assert.deepEqual(kept('20. marts 2017 2,5 mio', true), ['20. marts 2017', '2,5', 'mio']);
  assert.deepEqual(kept('høring af', true), ['høring'], 'a stop word being typed is searched as a prefix, not marked');
  // Regression: a decomposed "å" (a + U+030A) split the word.
  assert.deepEqual(groups('A\u030Arslev', false), [{ term: s.term('Årslev'), prefix: null }]);
});

test('the JS reads range shard keys as the Rust index writes them', () => {
  const ctx = { TextEncoder };
  vm.createContext(ctx);
  vm.runInContext(fs.readFileSync(path.join(repo, 'templates/static/search.js'), 'utf8'), ctx);
  const s = ctx.referatSearch;
  // src/search/json.rs front_coding_round_trips
  const keys = Array.from(s.frontDecode('A A0 B0 A20 C10 D1 Alo Ck Dalp Aoe Aø Bx'));
  assert.deepEqual(keys, ['', '0', '00', '20', '2010', '2011', 'lo', 'lok', 'lokalp', 'oe', 'ø', 'øx']);
  const shard = (t) => keys[s.shardOfTerm(keys, t)];
  assert.equal(shard('lokal'), 'lok');
  assert.equal(shard('lokalplan'), 'lokalp');
  assert.equal(shard('aeble'), '2011');
  assert.equal(shard('zz'), 'oe');
  assert.equal(shard('øz'), 'øx');
  assert.equal(shard('\u{1F600}'), 'øx', 'astral characters sort after the BMP, as in Rust');
  assert.equal(s.shardOfTerm([], 'x'), null);
});

test('a stemmed word query ranks title hits first and marks the hits', async () => {
  const page = await open(server);
  await search(page, 'lokalplanerne');
  const t = await titles(page);
  assert.deepEqual(t.slice(0, 2).sort(), ['Lokalplan for Århus Bygade', 'Ny lokalplan for Taastrup Hovedgade']);
  assert.match(await page.textContent('#search-status'), /^2 resultater/);
  assert.deepEqual(await page.$$eval('#search-results mark', (ms) => [...new Set(ms.map((m) => m.textContent.toLowerCase()))].sort()),
    ['lokalplan', 'lokalplanerne']);
  await page.close();
});

test('aa and å, ae and æ, oe and ø match each other', async () => {
  const page = await open(server);
  for (const q of ['Aarhus', 'århus', 'Oerstedsvej']) {
    await search(page, q);
    assert.deepEqual(await titles(page), ['Lokalplan for Århus Bygade'], q);
  }
  await page.close();
});

test('prefix search while typing, and no results for closed items', async () => {
  const page = await open(server);
  await search(page, 'handicappol');
  assert.deepEqual(await titles(page), ['Godkendelse af handicappolitik og udsattepolitik']);
  await search(page, 'Lukket');
  assert.equal(await page.textContent('#search-status'), 'Ingen resultater');
  await search(page, 'HEMMELIGLUKKET');
  assert.equal(await page.textContent('#search-status'), 'Ingen resultater', 'closed content is not indexed');
  await page.close();
});

// Regression: `17/171`, carried only by a closed item, said "Ingen resultater" although the case
// page sager/17-171.html exists (and the case number is on the meeting page).
test('a case number that only closed items carry offers its case page and no result', async () => {
  const page = await open(server, '?q=17%2F171');
  assert.equal(await page.getAttribute('#search-case a', 'href'), `${PREFIX}sager/17-171.html`);
  assert.equal(await page.textContent('#search-status'), 'Ingen resultater i punkternes tekst. Sagen har sin egen side.');
  assert.equal(await page.$$eval('#search-results li', (l) => l.length), 0);
  await page.close();
});

// Regression: "leverandoer", "direktoer " and "vedroerende " found nothing while "leverandør" did.
test('words typed with ae, oe and aa for æ, ø and å find them, also as a prefix while typing', async () => {
  const page = await open(server);
  for (const q of ['leverandoer', 'direktoeren ', 'vedroerende ', 'leverando', 'Leverandør']) {
    await search(page, q);
    assert.deepEqual(await titles(page), ['Ny leverandør af kaffe'], q);
  }
  await page.close();
});

// Regression: a decomposed "å" in the minutes (from a PDF) was indexed as "a" and "rhus"-like
// pieces, and a decomposed query did not find the composed word.
test('decomposed letters in the minutes and in the query are the composed letters', async () => {
  const page = await open(server);
  for (const q of ['Årslev', 'A\u030Arslev', 'aarslev']) {
    await search(page, q);
    assert.deepEqual(await titles(page), ['Ny leverandør af kaffe'], q);
    assert.deepEqual(await page.$$eval('#search-results mark', (ms) => ms.map((m) => m.textContent)), ['Årslev'], q);
  }
  await page.close();
});

// Regression: `30-09-2014` found nothing though 343 items say "30. september 2014"; "21.12.16" was no
// date; "20. marts 2017", "20-03-17" and "20/3 2017" in a query gave nothing.
test('dates written out or with a two-digit year are the same date in the minutes and in the query', async () => {
  const page = await open(server);
  for (const [q, written] of [['03-02-2015', '3. februar 2015'], ['3. feb. 2015', '3. februar 2015'], ['3/2 2015', '3. februar 2015'],
    ['21-12-2016', '21.12.16'], ['21.12.16', '21.12.16'], ['21. december 2016', '21.12.16']]) {
    await search(page, q);
    assert.deepEqual(await titles(page), ['Ny leverandør af kaffe'], q);
    assert.deepEqual(await page.$$eval('#search-results .search-snippet mark', (ms) => ms.map((m) => m.textContent)), [written], q);
  }
  const linked = await open(server, '?q=20.+marts+2017');
  assert.equal((await titles(linked)).length, 4, 'the meeting of 20-03-2017 and its three open items');
  await linked.close();
  await page.close();
});

// Regression: the query "17/11 2016" became the date 2016-11-17, but the index read the minutes'
// "17/11 2016" as case 17/11, so the item saying it was not found; "30-100 kr" became case 30/100
// and found nothing, where the words found the item.
test('day/month and a year in the minutes are the date of the query, and an amount is words', async () => {
  const page = await open(server);
  for (const q of ['17/11 2016', '17-11-2016', '17. november 2016']) {
    await search(page, q);
    assert.deepEqual(await titles(page), ['Prisliste for mødeforplejning'], q);
    assert.deepEqual(await page.$$eval('#search-results .search-snippet mark', (ms) => ms.map((m) => m.textContent)), ['17/11 2016'], q);
  }
  for (const q of ['30-100 kr', '30-100']) {
    await search(page, q);
    assert.deepEqual(await titles(page), ['Prisliste for mødeforplejning'], q);
    assert.equal(await page.$('#search-case a'), null, `${q}: no case page`);
  }
  const linked = await open(server, '?q=30-100+kr');
  assert.deepEqual(await titles(linked), ['Prisliste for mødeforplejning']);
  await linked.close();
  await page.close();
});

// Regression: amounts were not searchable: "2,5 mio" looked for "mio" alone (one-digit words are
// left out), "1.250.000" for "250" and "000" anywhere.
test('an amount with a decimal comma or thousands stops finds the items that hold it, marked', async () => {
  const page = await open(server);
  for (const [q, mark] of [['2,5 mio', '2,5'], ['1.250.000', '1.250.000'], ['1250000 kr', '1.250.000']]) {
    await search(page, q);
    assert.deepEqual(await titles(page), ['Tilskud til mødelokaler'], q);
    assert.ok((await page.$$eval('#search-results .search-snippet mark', (ms) => ms.map((m) => m.textContent))).includes(mark), q);
  }
  await search(page, '2.500.000');
  assert.deepEqual(await titles(page), [], 'another amount finds nothing');
  await page.close();
});

// Regression: the last word was a prefix even after Enter, from a shared link or on Back.
/** The status and the titles of the results a page shows. */
const seen = async (page) => ({ status: await page.textContent('#search-status'), titles: await titles(page) });

// Regression (review): typing "budget" showed 1629 results (its last word a prefix while typing),
// Enter or a reload of the address 190 (no prefix). Now the last word is a prefix however the
// query came, so the address gives what was seen; a case number stays exact.
test('the last word is a prefix whether typed, submitted or reloaded: the same count and first results', async () => {
  for (const q of ['handicappol', 'budget', 'lokalplan for', 'vejbump']) {
    const page = await open(server);
    await search(page, q);
    const typed = await seen(page);
    assert.match(typed.status, /^\d+ resultat/, `${q}: ${typed.status}`);
    await page.evaluate(() => { delete document.getElementById('search').dataset.query; });
    await page.press('#search-q', 'Enter');
    await page.waitForFunction((want) => document.getElementById('search').dataset.query === want, q);
    assert.deepEqual(await seen(page), typed, `${q}: submitted`);
    assert.equal(new URL(page.url()).searchParams.get('q'), q);
    await page.reload();
    await page.waitForFunction((want) => document.getElementById('search')?.dataset.query === want, q);
    assert.deepEqual(await seen(page), typed, `${q}: reloaded`);
    const linked = await open(server, `?q=${encodeURIComponent(q)}`);
    assert.deepEqual(await seen(linked), typed, `${q}: linked`);
    await linked.close();
    await page.close();
  }
  const page = await open(server, '?q=handicappol');
  assert.deepEqual(await titles(page), ['Godkendelse af handicappolitik og udsattepolitik'], 'a link: a prefix');
  // The word itself ranks above a longer word it starts: "budget" (title) before "budgettet".
  await search(page, 'budget');
  assert.equal((await titles(page))[0], 'Budget 2019');
  // A case number or date is exact, never a prefix.
  await search(page, '16/2681');
  assert.equal(await page.textContent('#search-status'), 'Ingen resultater');
  const exact = await open(server, '?q=16%2F26813');
  assert.equal((await titles(exact)).length, 3);
  await exact.close();
  // A space after the last word ends it: whole, typed or linked.
  await search(page, 'handicappol ');
  assert.equal(await page.textContent('#search-status'), 'Ingen resultater');
  // Back to a typed query restores the same results.
  await search(page, 'lokalplan for');
  const before = await seen(page);
  await page.press('#search-q', 'Enter');
  await search(page, 'vejbump');
  await page.press('#search-q', 'Enter');
  await page.goBack();
  await page.waitForFunction(() => document.getElementById('search-q').value === 'lokalplan for');
  await page.waitForFunction(() => document.getElementById('search').dataset.query === 'lokalplan for');
  assert.deepEqual(await seen(page), before);
  await page.close();
});

// Regression: "sag 16/26813" gave 1 of 3 results (the word "sag" was required), "sagsnr. 16/26813",
// "j.nr. 16/26813" and "16-26813" (the case page's address form) gave nothing.
test('a case number written with a label or as in its address finds its items', async () => {
  const page = await open(server);
  for (const q of ['sag 16/26813', 'sagsnr. 16/26813', 'j.nr. 16/26813', '16-26813']) {
    await search(page, q);
    assert.equal((await titles(page)).length, 3, q);
    assert.equal(await page.getAttribute('#search-case a', 'href'), `${PREFIX}sager/16-26813.html`, q);
  }
  const linked = await open(server, '?q=sagsnr.+16%2F26813');
  assert.equal((await titles(linked)).length, 3);
  await linked.close();
  await page.close();
});

// Regression: the meeting's own doc indexed the labels "Mødested" and "Deltagere" as words, and
// not the absent members.
test('a meeting is found by its place and people, not by the labels of its header', async () => {
  const page = await open(server);
  for (const q of ['mødested ', 'deltagere ', 'afbud ']) {
    await search(page, q);
    assert.equal(await page.textContent('#search-status'), 'Ingen resultater', q);
  }
  await search(page, 'Gitte Petersen');
  assert.deepEqual(await titles(page), ['Kulturudvalget 30-09-2016']);
  assert.match(await page.textContent('#search-results .search-snippet'), /Afbud: Gitte Petersen/);
  await page.close();
});

test('a case number finds exactly its items and offers the case page first', async () => {
  const page = await open(server);
  await search(page, '16/26813');
  assert.equal(await page.getAttribute('#search-case a', 'href'), `${PREFIX}sager/16-26813.html`);
  const t = await titles(page);
  assert.deepEqual(t.slice(0, 2).sort(), ['Ny lokalplan for Taastrup Hovedgade', 'Økonomiopfølgning - 20-03-2017']);
  assert.deepEqual(t.slice(2), ['Budget 2019'], 'the item that only mentions it comes last');
  assert.deepEqual(await page.$$eval('#search-results mark', (ms) => ms.map((m) => m.textContent)), ['16/26813', '16/26813', '16/26813']);
  await search(page, '16/2681');
  assert.equal(await page.textContent('#search-status'), 'Ingen resultater', 'no near misses');
  await search(page, '00.01.00-A00-1-21');
  assert.deepEqual(await titles(page), ['Lokalplan for Århus Bygade']);
  await search(page, '20-03-2017');
  assert.equal((await titles(page)).length, 4, 'the meeting and its three open items');
  // Results write dates as the pages do, and a date query marks them.
  assert.deepEqual(await page.$$eval('#search-results .search-meta mark', (ms) => [...new Set(ms.map((m) => m.textContent))]), ['20. marts 2017']);
  await search(page, '13.03.2017');
  assert.deepEqual(await titles(page), ['Økonomiopfølgning - 20-03-2017']);
  await page.close();
});

test('facets filter by body and year with counts, and the URL keeps the state', async () => {
  const page = await open(server);
  await search(page, 'lokalplan');
  // A no-break space joins a name and its count.
  const facet = (label) => page.$$eval(`nav[aria-label="${label}"] li`, (lis) => lis.map((l) => l.textContent.replace(/\u00a0/g, ' ')));
  assert.deepEqual(await facet('Udvalg'), ['Alle udvalg', 'Byrådet (1)', 'Direktionen (1)']);
  assert.deepEqual(await facet('År'), ['Alle år', '2018 (1)', '2017 (1)']);
  await page.click('nav[aria-label="Udvalg"] a:text("Byrådet")');
  await page.waitForFunction(() => document.querySelectorAll('#search-results li').length === 1);
  assert.deepEqual(await titles(page), ['Ny lokalplan for Taastrup Hovedgade']);
  // A year the query has hits in stays listed, with 0 within the committee (as committees do within a year).
  assert.deepEqual(await facet('År'), ['Alle år', '2018 (1)', '2017 (0)']);
  assert.equal(new URL(page.url()).search, '?q=lokalplan&organ=byraadet');
  const linked = await open(server, '?q=lokalplan&aar=2017');
  assert.equal(await linked.inputValue('#search-q'), 'lokalplan');
  assert.deepEqual(await titles(linked), ['Lokalplan for Århus Bygade']);
  assert.equal(await linked.getAttribute('nav[aria-label="År"] a[aria-current]', 'data-value'), '2017');
  await linked.close();
  await page.close();
});

// Regression: editing the query dropped the committee and year filters; invalid filter values in
// the URL were ignored but no facet was marked current.
test('facets: a filter stays when the query changes, also with no results, and invalid values mean "Alle"', async () => {
  const page = await open(server);
  await search(page, 'lokalplan');
  await page.click('nav[aria-label="Udvalg"] a:text("Byrådet")');
  await shown(page, 1);
  await search(page, 'lokalplan taastrup');
  assert.equal(new URL(page.url()).search, '?q=lokalplan+taastrup&organ=byraadet');
  assert.deepEqual(await titles(page), ['Ny lokalplan for Taastrup Hovedgade']);
  await search(page, 'handicappolitik');
  assert.equal(new URL(page.url()).search, '?q=handicappolitik&organ=byraadet');
  assert.equal(await page.textContent('#search-status'), 'Ingen resultater med de valgte filtre (1 uden filtre).');
  const current = await page.$$eval('#search-facets a[aria-current]', (as) => as.map((a) => a.parentNode.textContent.replace(/\u00a0/g, ' ')));
  assert.deepEqual(current, ['Byrådet (0)', 'Alle år'], 'the filter is shown as current');
  await page.click('nav[aria-label="Udvalg"] a:text("Alle udvalg")');
  await shown(page, 1);
  assert.deepEqual(await titles(page), ['Godkendelse af handicappolitik og udsattepolitik']);
  assert.equal(new URL(page.url()).search, '?q=handicappolitik');
  const invalid = await open(server, '?q=lokalplan&organ=findesikke&aar=abc');
  assert.equal((await titles(invalid)).length, 2);
  assert.deepEqual(await invalid.$$eval('#search-facets a[aria-current]', (as) => as.map((a) => a.textContent)), ['Alle udvalg', 'Alle år']);
  await invalid.close();
  // A year of the index without a hit for the query: listed with 0 and current, to be cleared.
  const noYear = await open(server, '?q=lokalplan&aar=2019');
  assert.equal(await noYear.textContent('#search-status'), 'Ingen resultater med de valgte filtre (2 uden filtre).');
  assert.equal(await noYear.textContent('nav[aria-label="År"] a[aria-current]'), '2019');
  await noYear.close();
  await page.close();
});

// Regression (review): with "?q=budget&aar=2017" (a year without hits) the committee list lost its
// committees while the year list showed "2017 (0)"; "&organ=nope&aar=1999" showed a made-up "1999 (0)".
test('facets: a count of 0 is listed alike in both lists, and unknown filter values leave the address', async () => {
  const facet = (page, label) => page.$$eval(`nav[aria-label="${label}"] li`, (lis) => lis.map((l) => l.textContent.replace(/\u00a0/g, ' ')));
  const page = await open(server, '?q=lokalplan&aar=2019');
  assert.deepEqual(await facet(page, 'Udvalg'), ['Alle udvalg', 'Byrådet (0)', 'Direktionen (0)']);
  assert.deepEqual(await facet(page, 'År'), ['Alle år', '2019 (0)', '2018 (1)', '2017 (1)']);
  assert.equal(new URL(page.url()).search, '?q=lokalplan&aar=2019', 'a year of the index stays');
  // Both filters without hits: each current with 0, the others kept.
  await page.click('nav[aria-label="Udvalg"] a:text("Byrådet")');
  await page.waitForFunction(() => new URL(location.href).searchParams.get('organ') === 'byraadet' && document.getElementById('search').dataset.query === 'lokalplan');
  assert.deepEqual(await facet(page, 'Udvalg'), ['Alle udvalg', 'Byrådet (0)', 'Direktionen (0)']);
  assert.deepEqual(await facet(page, 'År'), ['Alle år', '2019 (0)', '2018 (1)', '2017 (0)']);
  await page.close();
  const unknown = await open(server, '?q=lokalplan&organ=nope&aar=1999');
  assert.equal(new URL(unknown.url()).search, '?q=lokalplan', 'unknown values are dropped from the address');
  assert.equal((await titles(unknown)).length, 2);
  assert.deepEqual(await facet(unknown, 'År'), ['Alle år', '2018 (1)', '2017 (1)'], 'no made-up "1999 (0)"');
  assert.deepEqual(await facet(unknown, 'Udvalg'), ['Alle udvalg', 'Byrådet (1)', 'Direktionen (1)']);
  await unknown.close();
});

/** Serves `dirs.root` like a static host without cache headers: with Last-Modified long ago, so a
 * browser may reuse its copies for days (heuristic freshness) unless the page asks it not to. */
async function serveCacheable(dirs) {
  const old = new Date(Date.now() - 60 * 24 * 3600 * 1000).toUTCString();
  const http = await import('node:http');
  const server = http.createServer((req, res) => {
    let p = decodeURIComponent(new URL(req.url, 'http://x').pathname).slice(PREFIX.length);
    let file = path.join(dirs.root, path.normalize(p));
    if (fs.existsSync(file) && fs.statSync(file).isDirectory()) file = path.join(file, 'index.html');
    if (!fs.existsSync(file)) { res.writeHead(404); res.end(); return; }
    const type = file.endsWith('.js') ? 'text/javascript' : file.endsWith('.json') ? 'application/json' : 'text/html; charset=utf-8';
    if (req.headers['if-modified-since'] === old && dirs.root === dirs.servedWhen[req.url]) { res.writeHead(304); res.end(); return; }
    dirs.servedWhen[req.url] = dirs.root;
    res.writeHead(200, { 'content-type': type, 'last-modified': old });
    res.end(fs.readFileSync(file));
  });
  await new Promise((r) => server.listen(0, '127.0.0.1', r));
  return { url: `http://127.0.0.1:${server.address().port}${PREFIX}`, close: () => new Promise((r) => server.close(r)) };
}

/** The site of MINUTES with one meeting more (case 18/555 on 20-03-2018): a rebuild whose index differs. */
function rebuiltSite() {
  const content = fs.mkdtempSync(path.join(os.tmpdir(), 'referat-search-v2-'));
  temps.push(content);
  for (const [file, text] of Object.entries(MINUTES)) {
    fs.mkdirSync(path.dirname(path.join(content, file)), { recursive: true });
    fs.writeFileSync(path.join(content, file), text);
  }
  fs.mkdirSync(path.join(content, 'direktionen'), { recursive: true });
  fs.writeFileSync(path.join(content, 'direktionen/2018-03-20.md'), MINUTES['direktionen/2017-03-20.md']
    .replaceAll('20-03-2017', '20-03-2018').replace('20. marts 2017', '20. marts 2018').replace('16/26813', '18/555'));
  const v2 = buildSite({ content, baseUrl: `http://127.0.0.1${PREFIX}` });
  temps.push(path.dirname(v2));
  return v2;
}

/** The version a built site's manifest names, whose folder soeg/<v>/ holds its index files. */
const versionOf = (site) => JSON.parse(fs.readFileSync(path.join(site, 'soeg/index.json'), 'utf8')).v;

/** Opens the search page for `q` anew and returns the dates of the results it shows. */
async function shownDates(page, srv, q) {
  await page.goto(`${srv.url}soeg/?q=${encodeURIComponent(q)}`);
  await page.waitForFunction((want) => document.getElementById('search').dataset.query === want, q);
  return page.$$eval('#search-results .search-meta', (ms) => ms.map((m) => m.textContent.split(' · ')[1]));
}

// Regression: soeg/index.json was fetched without revalidation, so after a rebuild a browser's
// cached manifest was read with the new shards and the results pointed at the wrong items. The
// upload here keeps the old version's folder (an s3 sync without --delete), so a manifest read from
// the cache would still find its files and show the old results: only revalidation gets the new.
test('after a rebuild the search never mixes a cached manifest with new shards', async () => {
  const v2 = rebuiltSite();
  const v1 = versionOf(small);
  assert.notEqual(versionOf(v2), v1);
  fs.cpSync(path.join(small, 'soeg', v1), path.join(v2, 'soeg', v1), { recursive: true });
  const dirs = { root: small, servedWhen: {} };
  const srv = await serveCacheable(dirs);
  const page = await browser.newPage();
  try {
    assert.deepEqual(await shownDates(page, srv, 'udsattepolitik'), ['20. marts 2017']);
    dirs.root = v2; // the site is rebuilt with one more meeting and deployed
    assert.deepEqual(await shownDates(page, srv, 'udsattepolitik'), ['20. marts 2018', '20. marts 2017']);
  } finally {
    await page.close();
    await srv.close();
  }
});

/**
 * Serves `dirs.root` like a CDN whose cache key leaves out the query string (as some do by
 * default): every file once fetched is served from its cache by path, except the pages and
 * soeg/index.json, which README's "Hosting" says to revalidate. Records every request in `seen`.
 */
async function serveBehindCdn(dirs) {
  const http = await import('node:http');
  const cache = new Map();
  const seen = [];
  const server = http.createServer((req, res) => {
    seen.push(req.url);
    const p = decodeURIComponent(new URL(req.url, 'http://x').pathname).slice(PREFIX.length);
    const revalidated = p === '' || p.endsWith('/') || p.endsWith('.html') || p === 'soeg/index.json';
    if (revalidated || !cache.has(p)) {
      let file = path.join(dirs.root, path.normalize(p));
      if (fs.existsSync(file) && fs.statSync(file).isDirectory()) file = path.join(file, 'index.html');
      if (!fs.existsSync(file)) { res.writeHead(404); res.end(); return; }
      const type = file.endsWith('.js') ? 'text/javascript' : file.endsWith('.json') ? 'application/json'
        : file.endsWith('.css') ? 'text/css' : 'text/html; charset=utf-8';
      cache.set(p, { type, body: fs.readFileSync(file) });
    }
    const { type, body } = cache.get(p);
    res.writeHead(200, { 'content-type': type, 'cache-control': 'no-store' });
    res.end(body);
  });
  await new Promise((r) => server.listen(0, '127.0.0.1', r));
  return { url: `http://127.0.0.1:${server.address().port}${PREFIX}`, seen, close: () => new Promise((r) => server.close(r)) };
}

// Regression (hosting review, "search cache-busting is not safe behind a CDN"): the shards kept
// their names from build to build, versioned only by "?v=" in the request, so a CDN that caches by
// path served the old build's shards to the new manifest: wrong titles and links.
test('behind a CDN that ignores the query string, a rebuilt site never shows a shard of the old build', async () => {
  const v2 = rebuiltSite();
  const dirs = { root: small };
  const srv = await serveBehindCdn(dirs);
  const page = await browser.newPage();
  try {
    assert.deepEqual(await shownDates(page, srv, 'udsattepolitik'), ['20. marts 2017']);
    dirs.root = v2;
    assert.deepEqual(await shownDates(page, srv, 'udsattepolitik'), ['20. marts 2018', '20. marts 2017']);
    assert.deepEqual(await shownDates(page, srv, '18/555'), ['20. marts 2018'], 'a case number of the new meeting only');
  } finally {
    await page.close();
    await srv.close();
  }
});

// `serve` removes the previous version's folder once the new index is in place, and an upload may
// too: a page that read the old manifest gets a 404 for its next file and asks for the manifest anew.
test('an open search page reads the new index once the folder of the old one is gone', async () => {
  const v2 = rebuiltSite();
  const dirs = { root: small };
  const srv = await serveBehindCdn(dirs);
  const page = await open(srv, '?q=udsattepolitik');
  try {
    assert.equal(await page.textContent('#search-status'), '1 resultat');
    dirs.root = v2; // deployed while the page is open; soeg/<old version>/ is gone
    assert.ok(!fs.existsSync(path.join(v2, 'soeg', versionOf(small))));
    await search(page, '18/555');
    const dates = await page.$$eval('#search-results .search-meta', (ms) => ms.map((m) => m.textContent.split(' · ')[1]));
    assert.ok(dates.length >= 1 && dates.every((d) => d === '20. marts 2018'), `${dates}`);
    assert.equal(await page.getAttribute('#search-case a', 'href'), `${PREFIX}sager/18-555.html`);
    await search(page, 'udsattepolitik');
    assert.equal(await page.textContent('#search-status'), '2 resultater', 'the earlier query, now with the new index');
    const index = srv.seen.filter((u) => u.includes('/soeg/') && u.endsWith('.json'));
    assert.ok(index.some((u) => u.includes(`/soeg/${versionOf(small)}/`)) && index.some((u) => u.includes(`/soeg/${versionOf(v2)}/`)), `${index}`);
  } finally {
    await page.close();
    await srv.close();
  }
});

test('the search page fetches no URL with ?v=: index files lie in their version\'s folder, script and stylesheet are named by their hash', async () => {
  const page = await browser.newPage();
  const urls = [];
  page.on('request', (r) => urls.push(new URL(r.url()).pathname + new URL(r.url()).search));
  await page.goto(`${server.url}soeg/?q=lokalplan`);
  await page.waitForFunction(() => document.getElementById('search').dataset.query === 'lokalplan');
  await search(page, '16/26813');
  await page.close();
  assert.deepEqual(urls.filter((u) => u.includes('?v=') || (u.includes('?') && !u.startsWith(`${PREFIX}soeg/?q=`))), []);
  const v = versionOf(small);
  const index = urls.filter((u) => u.endsWith('.json'));
  // The manifest, a term shard and an exact shard (their entries carry these results' records).
  assert.ok(index.length >= 3, `${index}`);
  for (const u of index) assert.match(u, new RegExp(`^${PREFIX}soeg/(index\\.json|${v}/[txd]/\\d+\\.json)$`));
  const assets = urls.filter((u) => u.includes('/static/'));
  // The icon may be asked for more than once (the browser's own request for it).
  const named = [...new Set(assets.map((u) => u.replace(/\.[0-9a-f]{10}\./, '.')))].sort();
  assert.deepEqual(named, [`${PREFIX}static/favicon.svg`, `${PREFIX}static/search.js`, `${PREFIX}static/style.css`]);
});

test('a result link lands on its agenda item', async () => {
  const page = await open(server, '?q=handicappolitik');
  const href = await page.getAttribute('#search-results a', 'href');
  // A linked query's last word is a prefix, as typed: its page marks it so ("*").
  assert.equal(href, `${PREFIX}direktionen/2017-03-20/?fremhaev=handicappolitik*#punkt-3`);
  await page.click('#search-results a');
  await page.waitForURL(/#punkt-3$/);
  assert.match(await page.textContent(':target h2'), /Punkt 3:\s+Godkendelse af handicappolitik/);
  await page.close();
});

test('the page a result leads to marks the query\'s words in that item, and the reader can remove the marks', async () => {
  const page = await open(server, '?q=handicappolitik');
  // What the live region held when it arrived: a screen reader announces a change, not an arrival.
  await page.addInitScript(() => {
    window.arrived = [];
    new MutationObserver((records) => records.forEach((r) => r.addedNodes.forEach((n) => {
      if (n.nodeType === 1 && n.matches('.highlight-note')) window.arrived.push(n.querySelector('[role=status]').textContent);
    }))).observe(document, { childList: true, subtree: true });
  });
  await Promise.all([page.waitForSelector(NOTE), page.click('#search-results a')]);
  assert.deepEqual(await page.evaluate(() => window.arrived), [''], 'the live region arrives empty');
  // The title's word and the body's inflected, emphasized form; nothing outside the item.
  assert.deepEqual(await page.$$eval(':target mark', (ms) => ms.map((m) => m.textContent)), ['handicappolitik', 'handicappolitikken']);
  assert.equal(await page.$$eval('mark', (ms) => ms.length), 2);
  assert.equal(await page.textContent(':target .highlight-note'), '»handicappolitik…« er fremhævet 2 steder i punktet. Fjern fremhævningen');
  assert.deepEqual(await axe(page), []);
  await page.click('.highlight-note button');
  assert.equal(await page.$$eval('mark', (ms) => ms.length), 0);
  assert.equal(await page.$('.highlight-note'), null);
  assert.match(await page.textContent(':target'), /revision af handicappolitikken\./, 'the text is whole again');
  assert.ok(page.url().endsWith('/direktionen/2017-03-20/#punkt-3'), page.url());
  assert.equal(await page.evaluate(() => document.activeElement.id), 'punkt-3-titel', 'focus stays at the item');
  await page.close();
});

test('marking on the page a result leads to: a word typed so far, a case number, words across items, markup in the address', async () => {
  const page = await open(server);
  await search(page, 'handicappol');
  const href = await page.getAttribute('#search-results a', 'href');
  assert.ok(href.endsWith('?fremhaev=handicappol*#punkt-3'), href);
  await Promise.all([page.waitForSelector(NOTE), page.click('#search-results a')]);
  assert.deepEqual(await page.$$eval(':target mark', (ms) => ms.map((m) => m.textContent)), ['handicappolitik', 'handicappolitikken']);
  assert.match(await page.textContent('.highlight-note'), /^»handicappol…« er fremhævet 2 steder/);
  // A case number marks the case number, here in its link; stop words never reach the address.
  await page.goto(`${server.url}soeg/?q=${encodeURIComponent('sag 16/26813 for')}`);
  await page.waitForFunction(() => document.getElementById('search').dataset.query === 'sag 16/26813 for');
  const links = await page.$$eval('#search-results h2 a', (as) => as.map((a) => a.getAttribute('href')));
  assert.ok(links.length && links.every((h) => h.includes('?fremhaev=16%2F26813#')), links.join(' '));
  await page.goto(`${server.url}direktionen/2017-03-20/?fremhaev=16%2F26813#punkt-1`);
  await page.waitForSelector(NOTE);
  assert.deepEqual(await page.$$eval('mark', (ms) => ms.map((m) => `${m.parentElement.tagName} ${m.textContent}`)), ['A 16/26813']);
  // The address is the reader's input: it is text, never markup.
  await page.goto(`${server.url}direktionen/2017-03-20/?fremhaev=${encodeURIComponent('lokalplan <img src=x onerror="window.hacked=3">')}#punkt-4`);
  await page.waitForSelector(NOTE);
  assert.equal(await page.evaluate(() => window.hacked), undefined);
  assert.equal(await page.$$eval('.highlight-note img', (l) => l.length), 0);
  // The note names only words that were found, each once (the address is anyone's to write), and an
  // address naming the item's heading marks the item, with the note beside the heading, not in it.
  await page.goto(`${server.url}direktionen/2017-03-20/?fremhaev=${encodeURIComponent('Kommunen har lukket skolen lokalplan Lokalplan')}#punkt-4-titel`);
  await page.waitForSelector(NOTE);
  assert.match(await page.textContent('.highlight-note'), /^»lokalplan« er fremhævet \d+ steder i punktet\./);
  assert.equal(await page.$$eval('h2 .highlight-note', (l) => l.length), 0);
  // A malformed fragment marks the whole page instead of failing.
  await page.goto(`${server.url}direktionen/2017-03-20/?fremhaev=B204#%E0%A4%A`);
  await page.waitForSelector(NOTE);
  // A meeting's own result (no item) marks the whole page.
  await page.goto(`${server.url}direktionen/2017-03-20/?fremhaev=B204`);
  await page.waitForSelector(NOTE);
  assert.match(await page.textContent('.highlight-note'), /på siden/);
  // Without the parameter the page loads no search script.
  const scripts = [];
  page.on('request', (r) => { if (r.resourceType() === 'script') scripts.push(r.url()); });
  await page.goto(`${server.url}direktionen/2017-03-20/#punkt-4`);
  await page.waitForLoadState('load');
  assert.deepEqual(scripts.map((u) => u.replace(/.*\/static\/|\.[0-9a-f]{10}/g, '')), ['highlight.js']);
  await page.close();
});

test('a result whose words lie beyond its snippet says so, and its page shows them', async () => {
  const page = await open(server);
  await search(page, 'gadebelysningen');
  assert.deepEqual(await titles(page), ['Trafiksikkerhedsplan for de næste fire år']);
  assert.equal(await page.$$eval('#search-results mark', (ms) => ms.length), 0, 'the snippet is the item\'s start');
  assert.equal(await page.textContent('#search-results .search-where'), 'Fundet længere nede i punktet.');
  await search(page, 'trafiksikkerhedsplan');
  assert.equal(await page.$('#search-results .search-where'), null, 'a hit in the title needs no word');
  await search(page, 'gadebelysningen');
  await Promise.all([page.waitForSelector(NOTE), page.click('#search-results a')]);
  assert.deepEqual(await page.$$eval('mark', (ms) => ms.map((m) => m.textContent)), ['gadebelysningen']);
  const inView = await page.$eval('mark', (m) => { const r = m.getBoundingClientRect(); return r.top >= 0 && r.bottom <= innerHeight; });
  assert.ok(inView, 'the first hit is in view');
  await page.close();
});

test('keyboard only: reach the box, type, reach the results, follow one', async () => {
  const page = await open(server);
  for (let i = 0; i < 20 && await page.evaluate(() => document.activeElement.id) !== 'search-q'; i++) {
    await page.keyboard.press('Tab');
  }
  assert.equal(await page.evaluate(() => document.activeElement.id), 'search-q');
  await page.keyboard.type('budget');
  await page.waitForFunction(() => document.getElementById('search').dataset.query === 'budget');
  await page.keyboard.press('Tab'); // submit button
  await page.keyboard.press('Tab'); // the first result: results come before the facets
  assert.ok(await page.evaluate(() => document.activeElement.closest('#search-results')), 'the first result is next');
  const first = await page.evaluate(() => document.activeElement.getAttribute('href'));
  for (let i = 0; i < 40 && await page.evaluate(() => document.activeElement.textContent) !== 'Alle udvalg'; i++) {
    await page.keyboard.press('Tab');
  }
  assert.equal(await page.evaluate(() => document.activeElement.textContent), 'Alle udvalg', 'the facets follow the results');
  await page.keyboard.press('Shift+Tab');
  for (let i = 0; i < 40 && await page.evaluate((h) => document.activeElement.getAttribute('href') !== h, first); i++) {
    await page.keyboard.press('Shift+Tab');
  }
  await Promise.all([page.waitForURL(/2018-06-12\/\?fremhaev=budget\*#punkt-1$/), page.keyboard.press('Enter')]);
  await page.close();
});

test('the search box in the site header leads to results', async () => {
  const page = await browser.newPage();
  await page.goto(server.url);
  await page.fill('#sidehoved-soeg', 'handicappolitik');
  await Promise.all([page.waitForURL(/soeg\/\?q=handicappolitik$/), page.press('#sidehoved-soeg', 'Enter')]);
  await page.waitForFunction(() => document.getElementById('search').dataset.query === 'handicappolitik');
  assert.deepEqual(await titles(page), ['Godkendelse af handicappolitik og udsattepolitik']);
  await page.close();
});

test('the search page with results passes axe-core', async () => {
  const page = await open(server, '?q=lokalplan');
  assert.deepEqual(await axe(page), []);
  await page.close();
});

test('minutes text cannot inject markup or script through results', async () => {
  const page = await open(server, '?q=handicappolitikken');
  assert.equal(await page.$$eval('#search-results script, #search-results em, #search-results img', (e) => e.length), 0);
  assert.match(await page.textContent('#search-results .search-snippet'), /revision af handicappolitikken/);
  await search(page, 'Aarhus');
  await search(page, 'hacked');
  assert.equal(await page.evaluate(() => window.hacked), undefined);
  assert.equal(await page.$$eval('#search-results script, #search-results img', (e) => e.length), 0);
  await page.close();
});

test('without JavaScript the form still sends ?q= to the search page and says what it needs', async () => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto(`${server.url}soeg/`);
  await page.fill('#search-q', 'lokalplan');
  await Promise.all([page.waitForURL(/soeg\/\?q=lokalplan$/), page.press('#search-q', 'Enter')]);
  assert.equal(await page.inputValue('#search-q'), '', 'no script fills the box');
  assert.match(await page.textContent('noscript'), /kræver JavaScript/);
  await context.close();
});

test('reflow: at 320 px a very long word in a result does not make the page scroll sideways (WCAG 1.4.10)', async () => {
  const page = await open(server, '', { width: 320, height: 640 });
  await search(page, 'erhvervshovedprojektbeskrivelse');
  assert.deepEqual(await titles(page), ['Godkendelse af erhvervshovedprojektbeskrivelse']);
  const { scroll, inner } = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, inner: innerWidth }));
  assert.ok(scroll <= inner, `the page is ${scroll} px wide in a ${inner} px window`);
  await page.close();
});

test('back and forward: Back after a facet click returns to the unfiltered results, not away from the search page', async () => {
  const page = await open(server);
  await search(page, 'lokalplan');
  await page.click('nav[aria-label="Udvalg"] a:text("Byrådet")');
  await shown(page, 1);
  await page.goBack();
  await shown(page, 2);
  assert.equal(new URL(page.url()).search, '?q=lokalplan');
  assert.equal(await page.getAttribute('nav[aria-label="Udvalg"] a[aria-current]', 'data-value'), '');
  await page.goForward();
  await shown(page, 1);
  assert.equal(new URL(page.url()).search, '?q=lokalplan&organ=byraadet');
  assert.equal(await page.getAttribute('nav[aria-label="Udvalg"] a[aria-current]', 'data-value'), 'byraadet');
  // A query typed after the facet click is an entry of its own: Back returns to the filtered results.
  await search(page, 'vejbump');
  await page.goBack();
  await page.waitForFunction(() => document.getElementById('search-q').value === 'lokalplan', null, { timeout: 5000 });
  await shown(page, 1);
  assert.equal(new URL(page.url()).search, '?q=lokalplan&organ=byraadet');
  await page.close();
});

test('focus: "Vis flere resultater" moves focus to the first new result instead of dropping it (WCAG 2.4.3)', async () => {
  const page = await open(server);
  await search(page, 'vejbump');
  assert.match(await page.textContent('#search-status'), /^25 resultater, viser 10$/);
  await shown(page, 10);
  const focusedResult = () => page.evaluate(() => {
    const li = document.activeElement.closest('#search-results li');
    return li ? [...li.parentNode.children].indexOf(li) : document.activeElement.tagName;
  });
  await page.focus('#search-more');
  await page.keyboard.press('Enter');
  await shown(page, 20);
  await page.waitForFunction(() => document.activeElement.closest('#search-results'), null, { timeout: 5000 }).catch(() => {});
  assert.equal(await focusedResult(), 10, 'the 11th result');
  assert.equal(await page.evaluate(() => document.activeElement.tagName), 'A');
  await page.focus('#search-more');
  await page.keyboard.press('Enter');
  await shown(page, 25);
  await page.waitForFunction(() => document.activeElement.closest('#search-results'), null, { timeout: 5000 }).catch(() => {});
  assert.ok(await page.isHidden('#search-more'), 'all are shown');
  assert.equal(await focusedResult(), 20, 'the 21st result, not <body>');
  await page.close();
});

test('error state: when the index cannot be fetched, the previous query\'s results and facets are cleared', async () => {
  const page = await open(server);
  await search(page, 'lokalplan');
  await shown(page, 2);
  await page.route('**/soeg/**', (route) => route.abort());
  await search(page, '16/26813'); // needs an exact-key shard that 'lokalplan' did not fetch
  assert.match(await page.textContent('#search-status'), /kunne ikke hentes/);
  assert.equal(await page.$$eval('#search-results li', (l) => l.length), 0);
  assert.equal(await page.$$eval('#search-facets > *', (l) => l.length), 0);
  assert.equal(await page.textContent('#search-case'), '');
  assert.ok(await page.isHidden('#search-more'));
  await page.unroute('**/soeg/**');
  await search(page, '16/26813');
  assert.equal((await titles(page)).length, 3, 'the next try fetches again');
  await page.close();
});

test('an index of another format than the script reads: the status says so instead of the search failing', async () => {
  const page = await open(server);
  // The manifest of a site whose index is newer than this script (or a copied, older script).
  await page.route('**/soeg/index.json', async (route) => {
    const response = await route.fetch();
    const manifest = await response.json();
    await route.fulfill({ response, json: { ...manifest, format: manifest.format + 1 } });
  });
  await search(page, 'lokalplan');
  const status = await page.textContent('#search-status');
  assert.match(status, /^Søgningen virker ikke: webstedets søgeindeks har format 5, men søgesidens script kan kun læse format 4\./);
  assert.match(status, /redaktion skal opdatere search\.js/);
  assert.equal(await page.$$eval('#search-results li', (l) => l.length), 0);
  await search(page, '16/26813');
  assert.match(await page.textContent('#search-status'), /kan kun læse format 4/, 'every query says so, none fails');
  await page.close();
});

test('stop words: a word typed that begins like a stop word is searched as a prefix, and a query of only stop words says so', async () => {
  const page = await open(server);
  for (const [q, want] of [['for', /^Ny lokalplan for Taastrup/], ['han', /^Godkendelse af handicappolitik/],
    ['under', /^Godkendelse af erhvervshovedprojektbeskrivelse$/], ['over', /^Vejbump/], ['med', /^Vejbump/]]) {
    await search(page, q);
    assert.doesNotMatch(await page.textContent('#search-status'), /Ingen resultater/, q);
    assert.ok((await titles(page)).some((t) => want.test(t)), `${q}: ${await titles(page)}`);
  }
  await search(page, 'vejbump med');
  assert.match(await page.textContent('#search-status'), /^25 resultater/, 'a stop word being typed narrows by prefix');
  await search(page, 'lokalplan med');
  assert.match(await page.textContent('#search-status'), /^2 resultater/, 'and is left out when nothing has both');
  await search(page, 'for ');
  assert.equal(await page.textContent('#search-status'), 'Søgningen ser bort fra småord som »for«. Skriv mindst ét andet ord.');
  assert.equal(await page.$$eval('#search-results li', (l) => l.length), 0);
  await search(page, 'Og MED og ');
  assert.equal(await page.textContent('#search-status'), 'Søgningen ser bort fra småord som »og« og »med«. Skriv mindst ét andet ord.');
  await page.close();
});

test('one letter: a one-letter word is left out while it is typed, and alone asks for more', async () => {
  const page = await open(server);
  await search(page, 'vejbump');
  const before = await page.textContent('#search-status');
  await search(page, 'vejbump m');
  assert.equal(await page.textContent('#search-status'), before, 'the results for "vejbump" stay while "m" is typed');
  await search(page, 'h');
  assert.equal(await page.textContent('#search-status'), 'Skriv mindst to bogstaver.');
  await page.close();
});

test('restoring: Back to the results after "Vis flere" shows as many results as before, at the same scroll position', async () => {
  const page = await open(server, '', { width: 1280, height: 600 });
  await search(page, 'vejbump');
  await page.click('#search-more');
  await shown(page, 20);
  // Back within the page: from a facet click to the results shown before it.
  await page.click('nav[aria-label="År"] a:text("2019")');
  await page.waitForURL(/aar=2019/);
  await shown(page, 10);
  await page.goBack();
  await shown(page, 20);
  // The keyboard's place comes back too (WCAG 2.4.3): the facet link that was followed.
  await page.waitForFunction(() => document.activeElement.dataset.value === '2019');
  // Back from a result: the page loads again and shows the same results where they were.
  const y = await page.evaluate(() => {
    document.querySelectorAll('#search-results li')[15].scrollIntoView();
    return scrollY;
  });
  assert.ok(y > 500, `scrolled to ${y}`);
  const link = '#search-results li:nth-child(16) h2 a';
  const href = await page.getAttribute(link, 'href');
  await page.focus(link);
  await Promise.all([page.waitForURL(/2019-05-07\//), page.keyboard.press('Enter')]);
  await page.goBack();
  await shown(page, 20);
  await page.waitForFunction((want) => Math.abs(scrollY - want) <= 2, y, { timeout: 5000 }).catch(() => {});
  assert.equal(Math.round(await page.evaluate(() => scrollY)), Math.round(y));
  await page.waitForFunction((want) => document.activeElement.getAttribute('href') === want, href, { timeout: 5000 }).catch(() => {});
  assert.equal(await page.evaluate(() => document.activeElement.getAttribute('href')), href, 'focus is back on the result followed');
  assert.equal(Math.round(await page.evaluate(() => scrollY)), Math.round(y), 'focusing it did not scroll');
  await page.close();
});

// Left by the accessibility review: the status, a live region, changed at nearly every key typed
// (7 announcements for "budget for skole"), each competing with the screen reader's echo.
test('a screen reader hears the status once typing pauses, and the tab is titled by the query', async () => {
  const page = await open(server);
  await page.evaluate(() => {
    window.heard = [];
    const region = document.querySelector('#search [data-announcer]');
    new MutationObserver(() => window.heard.push(region.textContent)).observe(region, { childList: true, characterData: true, subtree: true });
  });
  await page.focus('#search-q');
  await page.keyboard.type('budget for vej', { delay: 180 });
  await page.waitForFunction(() => document.getElementById('search').dataset.query === 'budget for vej');
  const visible = await page.textContent('#search-status');
  await page.waitForFunction((want) => document.querySelector('#search [data-announcer]').textContent === want, visible);
  const heard = await page.evaluate(() => window.heard);
  assert.ok(heard.length <= 2, `announced ${heard.length} times: ${JSON.stringify(heard)}`);
  assert.equal(heard[heard.length - 1], visible);
  assert.equal(await page.$$eval('[role=status], [aria-live]', (l) => l.length), 1, 'one live region: the status is not heard twice');
  assert.match(await page.title(), /^»budget for vej« – /);
  // A submitted search is announced at once.
  await page.press('#search-q', 'Enter');
  await page.waitForFunction(() => document.querySelector('#search [data-announcer]').textContent === document.getElementById('search-status').textContent);
  assert.deepEqual(await axe(page), []);
  await page.close();
});

// Left by the review of the search page: a case number's items were listed by body within a year
// (the order of the doc ids), so a case's newest meeting could come last of that year.
test('regression: a case number lists its items newest meeting first within a year, whatever the body', async () => {
  const content = fs.mkdtempSync(path.join(os.tmpdir(), 'referat-search-case-order-'));
  temps.push(content);
  const meeting = (body, date, title) => `# **REFERAT ${body} d. ${date}**

**Mødested** Rådhuset

**Mødedeltagere** Anne Holm, Bo Nielsen

## **Punkt 1: ${title}**

18/777

### **Sagsfremstilling**

Cykelstien langs Ringvejen behandles.
`;
  const files = {
    ...MINUTES,
    'direktionen/2018-03-20.md': meeting('Direktionen', '20-03-2018', 'Cykelsti langs Ringvejen'),
    'byraadet/2018-08-14.md': meeting('Byrådet', '14-08-2018', 'Cykelsti langs Ringvejen, bevilling'),
    'teknikudvalget/2018-11-06.md': meeting('Teknikudvalget', '06-11-2018', 'Cykelsti langs Ringvejen, udbud'),
  };
  for (const [file, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(content, file)), { recursive: true });
    fs.writeFileSync(path.join(content, file), text);
  }
  const site = buildSite({ content, baseUrl: `http://127.0.0.1${PREFIX}` });
  temps.push(path.dirname(site));
  const srv = await serveDir(site, PREFIX);
  const page = await browser.newPage();
  try {
    assert.deepEqual(await shownDates(page, srv, '18/777'), ['6. november 2018', '14. august 2018', '20. marts 2018']);
  } finally {
    await page.close();
    await srv.close();
  }
});

/** A site of MINUTES and `extra` minutes files, served; its server is closed by the caller. */
async function serveWith(extra, name) {
  const content = fs.mkdtempSync(path.join(os.tmpdir(), `referat-search-${name}-`));
  temps.push(content);
  for (const [file, text] of Object.entries({ ...MINUTES, ...extra })) {
    fs.mkdirSync(path.dirname(path.join(content, file)), { recursive: true });
    fs.writeFileSync(path.join(content, file), text);
  }
  const site = buildSite({ content, baseUrl: `http://127.0.0.1${PREFIX}` });
  temps.push(path.dirname(site));
  return serveDir(site, PREFIX);
}

/** Five meetings of four committees with the same item: equal scores for "cykelsti". */
const SAME_ITEM = (() => {
  const meeting = (body, date) => `# **REFERAT ${body} d. ${date}**

**Mødested** Rådhuset

**Mødedeltagere** Anne Holm, Bo Nielsen

## **Punkt 1: Cykelsti langs Ringvejen**

### **Sagsfremstilling**

Cykelstien langs Ringvejen behandles.
`;
  return {
    'beskaeftigelsesudvalget/2018-02-05.md': meeting('Beskæftigelsesudvalget', '05-02-2018'),
    'beskaeftigelsesudvalget/2017-12-04.md': meeting('Beskæftigelsesudvalget', '04-12-2017'),
    'byraadet/2018-08-14.md': meeting('Byrådet', '14-08-2018'),
    'direktionen/2018-11-06.md': meeting('Direktionen', '06-11-2018'),
    'teknikudvalget/2018-05-01.md': meeting('Teknikudvalget', '01-05-2018'),
  };
})();

// Regression (review): equal scores fell back to doc id, which runs by committee within a year, so
// one committee's meetings came before another's newer ones.
test('equal scores rank the newest meeting first, whatever its committee, then doc id', async () => {
  const srv = await serveWith(SAME_ITEM, 'ties');
  const page = await browser.newPage();
  try {
    const want = ['6. november 2018', '14. august 2018', '1. maj 2018', '5. februar 2018', '4. december 2017'];
    assert.deepEqual(await shownDates(page, srv, 'cykelsti'), want);
    assert.deepEqual(await shownDates(page, srv, 'cykelsti ringvejen'), want, 'a finished query ranks alike');
  } finally {
    await page.close();
    await srv.close();
  }
});

// Regression (review): at 1280 px "Beskæftigelsesudvalget (" and "5)" were two lines.
test('a facet\'s count stays on the line of its name at 375 and 1280 px', async () => {
  const srv = await serveWith(SAME_ITEM, 'facet-layout');
  try {
    for (const width of [375, 1280]) {
      const page = await open(srv, '?q=cykelsti', { width, height: 900 });
      await shown(page, 5);
      const lines = await page.$$eval('#search-facets li', (lis) => lis.filter((li) => li.querySelector('.facet-count')).map((li) => {
        const a = li.querySelector('a').getClientRects();
        const last = a[a.length - 1];
        const c = li.querySelector('.facet-count').getClientRects();
        return { text: li.textContent, countRects: c.length, sameLine: Math.abs(c[0].top - last.top) < 4 };
      }));
      assert.ok(lines.some((l) => l.text.startsWith('Beskæftigelsesudvalget')), JSON.stringify(lines));
      for (const l of lines) assert.ok(l.countRects === 1 && l.sameLine, `${width} px: ${JSON.stringify(l)}`);
      if (process.env.SCREENSHOTS) await page.screenshot({ path: path.join(process.env.SCREENSHOTS, `facets-${width}.png`), fullPage: true });
      assert.deepEqual(await axe(page), [], `${width} px`);
      await page.close();
    }
  } finally {
    await srv.close();
  }
});

// Left by the review of the search page: a first visit showed "525 resultater, viser 3", as its
// 4 requests leave 2 doc store chunks and the word's newest title hits lay in 7. The term's entry
// now carries the records of its title hits beyond those chunks.
test('regression: a first visit shows a whole first page of title hits spread over many doc chunks', { timeout: 300_000 }, async () => {
  const site = fs.mkdtempSync(path.join(os.tmpdir(), 'referat-search-2500-'));
  temps.push(site);
  fs.cpSync(small, site, { recursive: true });
  bench(['--items', '2500', '--out', site]);
  const srv = await serveDir(site, PREFIX);
  try {
    const page = await open(srv);
    srv.reset();
    await search(page, 'handicappolitikken');
    const index = srv.stats.paths.filter((p) => p.includes('/soeg/'));
    assert.ok(index.length <= 4, `${index.length} requests`);
    assert.ok(srv.stats.bytes <= 100_000, `${srv.stats.bytes} bytes`);
    assert.equal(await page.$$eval('#search-results li', (l) => l.length), 10);
    assert.match(await page.textContent('#search-status'), /^\d+ resultater, viser 10$/);
    // Each result is a whole record: a title linking to an item, and its meta line.
    const hrefs = await page.$$eval('#search-results li h2 a', (l) => l.map((a) => a.getAttribute('href')));
    assert.ok(hrefs.every((h) => /#punkt-\d+$/.test(h)), hrefs.join(' '));
    // Regression (accessibility review): a link with a filter, opened on a first visit, showed
    // "9 resultater, viser 3": the filter's hits lay beyond the chunks of the 4-request budget.
    await search(page, 'økonomi');
    const organs = await page.$$eval('#search-facets a[data-param=organ]', (as) => as.map((a) => a.dataset.value).filter(Boolean));
    assert.ok(organs.length >= 3, organs.join(' '));
    await page.close();
    // Regression (review): a cold query whose first page lies in many doc chunks showed
    // "7 resultater, viser 1". The first paint keeps within the budget, then the page completes by
    // itself in rank order, and the status is announced once, when it is complete.
    let partial = 0;
    for (const q of ['lokalplan integration', 'økonomi budget', 'lokalplan budget', 'handicappolitikken budget', 'budget']) {
      const cold = await open(srv);
      await cold.evaluate(() => {
        window.heard = [];
        const a = document.querySelector('[data-announcer]');
        new MutationObserver(() => window.heard.push(a.textContent)).observe(a, { childList: true, characterData: true, subtree: true });
      });
      srv.reset();
      await search(cold, q);
      const r = await firstPaint(cold, srv, site);
      assert.ok(r.requests <= 4 && r.bytes <= 100_000, `${q}: first paint ${JSON.stringify(r)}`);
      assert.equal(r.all.shown, Math.min(10, r.total), `${q}: ${JSON.stringify(r)}`);
      if (r.shown < r.all.shown) partial += 1;
      const status = await cold.textContent('#search-status');
      assert.equal(status, r.total > 10 ? `${r.total} resultater, viser 10` : `${r.total} resultat${r.total === 1 ? '' : 'er'}`);
      await cold.waitForFunction((want) => window.heard.at(-1) === want, status);
      assert.deepEqual(await cold.evaluate(() => window.heard), [status], `${q}: announced once`);
      assert.equal(await cold.getAttribute('#search-results', 'aria-busy'), null);
      // The same ranking as a warm query of the same page gives.
      const ranked = await titles(cold);
      await search(cold, '');
      await search(cold, q);
      assert.deepEqual(await titles(cold), ranked, q);
      await cold.close();
    }
    assert.ok(partial >= 1, 'some first paint was partial, and its page completed');
    for (const organ of organs.slice(0, 3)) {
      const filtered = await open(srv, `?q=%C3%B8konomi&organ=${organ}`);
      const status = await filtered.textContent('#search-status');
      const total = Number(status.match(/^(\d+) resultat/)?.[1]);
      const want = Math.min(10, total);
      assert.equal(await filtered.$$eval('#search-results li', (l) => l.length), want, `${organ}: ${status}`);
      if (total > 10) assert.equal(status, `${total} resultater, viser 10`, organ);
      else assert.doesNotMatch(status, /viser/, organ);
      await filtered.close();
    }
  } finally {
    await srv.close();
  }
});

/**
 * What a cold query took to its first paint (the files the page lists in `data-paint-files`, their
 * bytes as served) and to its complete first page (every index file the server sent), once the
 * page has answered (`search` waits for the complete page).
 */
async function firstPaint(page, srv, root) {
  const paint = (await page.getAttribute('#search', 'data-paint-files')).split(' ').filter(Boolean);
  const size = (p) => fs.statSync(path.join(root, decodeURIComponent(p.split('?')[0]).slice(PREFIX.length))).size;
  const index = srv.stats.paths.filter((p) => p.includes('/soeg/'));
  const total = Number((await page.textContent('#search-status')).match(/^(\d+) resultat/)?.[1] || 0);
  const all = { requests: index.length, bytes: index.reduce((n, p) => n + size(p), 0), shown: await page.$$eval('#search-results li', (l) => l.length) };
  return { requests: paint.length, bytes: paint.reduce((n, u) => n + size(u), 0), shown: +(await page.getAttribute('#search', 'data-paint-shown')), total, all };
}

test('budgets at 50,000 agenda items: bytes and requests per cold query, case number, warm query time', { timeout: 900_000 }, async () => {
  const big = fs.mkdtempSync(path.join(os.tmpdir(), 'referat-search-50k-'));
  temps.push(big);
  fs.cpSync(small, big, { recursive: true });
  bench(['--items', '50000', '--out', big]);
  const srv = await serveDir(big, PREFIX);
  const report = [];
  try {
    const cold = async (q) => {
      const page = await open(srv);
      srv.reset();
      await search(page, q);
      const r = await firstPaint(page, srv, big);
      report.push(`${q}: first paint ${r.requests} requests, ${r.bytes} B, ${r.shown} shown; `
        + `page complete ${r.all.requests} requests, ${r.all.bytes} B, ${r.all.shown} shown`);
      return { page, ...r };
    };
    // 'leverandoer' and 'direktoer': a word typed with oe is looked up under a second term too.
    for (const q of ['lokalplan', 'handicappolitikken', 'økonomi', 'Århus', 'budgetopf', 'leverandoer', 'direktoer ']) {
      const r = await cold(q);
      assert.ok(r.requests <= 4, `${q}: ${r.requests} requests`);
      assert.ok(r.bytes <= 100_000, `${q}: ${r.bytes} bytes`);
      // Regression: a one-word query's first paint showed 1 of 10 when its first page lay in many
      // doc chunks; the word's entry carries the records beyond the first, and its expansions
      // their title hits' records (review: "skole" showed 3 of 10, its page made of compounds'
      // title hits).
      assert.equal(r.shown, Math.min(10, r.total), `${q}: first paint ${JSON.stringify(r)}`);
      // The rest of the first page follows by itself, in rank order, without "viser".
      assert.equal(r.all.shown, Math.min(10, r.total), q);
      if (r.total > 10) {
        assert.equal(await r.page.textContent('#search-status'), `${r.total} resultater, viser 10`);
        await r.page.click('#search-more');
        await r.page.waitForFunction(() => document.querySelectorAll('#search-results li').length > 10);
        assert.equal(await r.page.$$eval('#search-results li', (l) => l.length), Math.min(20, r.total));
      }
      await r.page.close();
    }
    const c = await cold('16/26813');
    assert.ok(c.bytes <= 40_000, `case number query: ${c.bytes} bytes`);
    assert.equal(await c.page.getAttribute('#search-case a', 'href'), `${PREFIX}sager/16-26813.html`);
    // Warm: the same page answers queries whose shards and chunks it has fetched before
    // (the first pass fetches them); time from input to rendered results, measured in the page.
    const queries = ['lokalplaner', 'lokalplan budget', 'økonomi', '16/26813', 'handicappol'];
    for (const q of queries) await search(c.page, q);
    // Median of three runs per query, so one scheduling hiccup on the shared machine does not decide.
    const times = [];
    for (const q of queries) {
      const runs = [];
      for (let i = 0; i < 3; i++) {
        srv.reset();
        await search(c.page, '');
        await search(c.page, q);
        // Index files only: the browser asks for the page's icon when it likes.
        const fetched = srv.stats.paths.filter((p) => p.includes('/soeg/'));
        assert.deepEqual(fetched, [], `${q} is warm`);
        runs.push(+(await c.page.getAttribute('#search', 'data-ms')));
      }
      times.push(runs.sort((a, b) => a - b)[1]);
    }
    report.push(`warm ms (median of 3): ${times.join(', ')}`);
    assert.ok(Math.max(...times) < 50, `warm queries took ${times.join(', ')} ms`);
    await c.page.close();
  } finally {
    console.log(report.join('\n'));
    await srv.close();
  }
});
