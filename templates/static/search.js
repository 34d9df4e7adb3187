// The search page (soeg/): reads the sharded index written by src/search/ and shows results.
// No framework, no external script. Text analysis is a port of src/search/text.rs (Snowball Danish
// stemmer, folding) and must stay in step with it: tests/browser/search.test.mjs checks parity.
(function () {
  'use strict';

  // The search index format this script reads: `FORMAT` in src/search/json.rs. A build warns when a
  // templates folder's copy of this file declares another one (or none), and the page says so
  // instead of failing when the index it finds has another format.
  const FORMAT = 4;

  // ---- text analysis (port of src/search/text.rs) ----

  const VOWELS = 'aeiouyæåø';
  const S_ENDING = 'abcdfghjklmnoprtvyzå';
  const byLength = (a, b) => b.length - a.length;
  const MAIN = ['hed', 'ethed', 'ered', 'e', 'erede', 'ende', 'erende', 'ene', 'erne', 'ere', 'en', 'heden',
    'eren', 'er', 'heder', 'erer', 's', 'heds', 'es', 'endes', 'erendes', 'enes', 'ernes', 'eres', 'ens',
    'hedens', 'erens', 'ers', 'ets', 'erets', 'et', 'eret'].map((s) => Array.from(s)).sort(byLength);
  const OTHER = ['ig', 'lig', 'elig', 'els', 'løst'].map((s) => Array.from(s)).sort(byLength);
  const PAIRS = ['gd', 'dt', 'gt', 'kt'].map((s) => Array.from(s));
  const isVowel = (c) => VOWELS.includes(c);
  const MAX_WORD_CHARS = 40;

  /** True if the char array `w` ends with `suffix` lying wholly at or after position `from`. */
  function endsIn(w, suffix, from) {
    const start = w.length - suffix.length;
    if (start < from) return false;
    for (let i = 0; i < suffix.length; i++) if (w[start + i] !== suffix[i]) return false;
    return true;
  }

  function consonantPair(w, p1) {
    if (PAIRS.some((p) => endsIn(w, p, p1))) w.length -= 1;
  }

  /** The Snowball Danish stemmer on a lower-cased word. */
  function stem(word) {
    const w = Array.from(word);
    let p1 = w.length;
    if (w.length >= 3) {
      let i = 0;
      while (i < w.length && !isVowel(w[i])) i++;
      while (i < w.length && isVowel(w[i])) i++;
      if (i < w.length) p1 = Math.max(i + 1, 3);
    }
    const main = MAIN.find((s) => endsIn(w, s, p1));
    if (main && main.length === 1 && main[0] === 's') {
      if (w.length >= 2 && S_ENDING.includes(w[w.length - 2])) w.length -= 1;
    } else if (main) {
      w.length -= main.length;
    }
    consonantPair(w, p1);
    if (endsIn(w, ['i', 'g', 's', 't'], 0)) w.length -= 2;
    const other = OTHER.find((s) => endsIn(w, s, p1));
    if (other && other[1] === 'ø') {
      w.length -= 1;
    } else if (other) {
      w.length -= other.length;
      consonantPair(w, p1);
    }
    const n = w.length;
    if (n - 1 >= p1 && n >= 2 && !isVowel(w[n - 1]) && w[n - 2] === w[n - 1]) w.length -= 1;
    return w.join('');
  }

  /** Lower-cases and folds: æ→ae, ø→oe, å→aa, accents dropped. */
  function fold(s) {
    let out = '';
    for (const c of s.toLowerCase()) {
      if (c === 'æ') out += 'ae';
      else if (c === 'ø') out += 'oe';
      else if (c === 'å') out += 'aa';
      else if (c < '\u0080') out += c;
      else out += c.normalize('NFKD').replace(/[\u0300-\u036f]/g, '');
    }
    return out;
  }

  const LETTER_OF = { aa: 'å', ae: 'æ', oe: 'ø' };

  /** aa→å, ae→æ, oe→ø in a lower-cased word, left to right, before stemming (src/search/text.rs letters). */
  const letters = (lower) => lower.replace(/aa|ae|oe/g, (p) => LETTER_OF[p]);

  const WORD = /[\p{Alphabetic}\p{N}]+/gu;

  /** Words of `text` with their offsets. */
  function words(text) {
    return Array.from(text.matchAll(WORD), (m) => ({ word: m[0], start: m.index, end: m.index + m[0].length }));
  }

  let stopWords = new Set();

  const isStopWord = (word) => stopWords.has(fold(word.toLowerCase()));

  /**
   * The index term of a word and its second term, that of the word read with å/æ/ø for aa/ae/oe
   * where that differs ("leverandoer": the term of "leverandør"), else null; [null, null] for a
   * stop word or a too long word (src/search/text.rs Analyzer::terms).
   */
  function terms(word) {
    if (Array.from(word).length > MAX_WORD_CHARS) return [null, null];
    const lower = word.toLowerCase();
    if (stopWords.has(fold(lower))) return [null, null];
    const t = fold(stem(lower)) || null;
    const read = letters(lower);
    const alt = read === lower ? null : fold(stem(read)) || null;
    return [t, alt !== t ? alt : null];
  }

  /** The index term of a word, or null (stop word, too long). */
  const term = (word) => terms(word)[0];

  /** Compares strings by code point, as Rust sorts them (UTF-16 order differs above U+FFFF). */
  function cmpCodePoints(a, b) {
    const n = Math.min(a.length, b.length);
    for (let i = 0; i < n; i++) {
      const x = a.codePointAt(i); const y = b.codePointAt(i);
      if (x !== y) return x - y;
    }
    return a.length - b.length;
  }

  /** The term shard holding `t`: the last shard key ≤ `t` in the sorted `keys` (src/search/index.rs shard_of_term). */
  function shardOfTerm(keys, t) {
    let lo = 0; let hi = keys.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cmpCodePoints(keys[mid], t) <= 0) lo = mid + 1; else hi = mid;
    }
    return lo > 0 ? lo - 1 : (keys.length ? 0 : null);
  }

  // ---- exact tokens (port of src/mention.rs and src/search/exact.rs) ----

  function dateKey(y, m, d) {
    const date = new Date(Date.UTC(y, m - 1, d));
    if (y < 1 || date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return null;
    return `d:${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
  }

  const MONTHS = ['januar', 'februar', 'marts', 'april', 'maj', 'juni', 'juli', 'august', 'september', 'oktober', 'november', 'december'];
  const MONTH_SHORT = { jan: 1, feb: 2, mar: 3, apr: 4, jun: 6, jul: 7, aug: 8, sep: 9, sept: 9, okt: 10, nov: 11, dec: 12 };

  /** The month of a Danish month name ("marts") or abbreviation with its period ("mar."), else 0. */
  function monthOf(word) {
    const w = word.toLowerCase();
    const full = MONTHS.indexOf(w.replace(/\.$/, ''));
    if (full >= 0) return full + 1;
    return w.endsWith('.') ? MONTH_SHORT[w.slice(0, -1)] || 0 : 0;
  }

  /** A two-digit year as src/mention.rs reads it: 2000–2069, 1970–1999. */
  const fullYear = (yy) => (yy < 70 ? 2000 : 1900) + yy;

  /**
   * The exact key of a query token that is a case number or a date, else null. A token may be a
   * date of several words ("20. marts 2017", "20/3 2017"), see `dateTokens`.
   */
  const bare = (token) => token.replace(/^[("']+|[)"'.,;:!?]+$/g, '');

  function exactKey(token) {
    const t = bare(token);
    let m = /^(\d{1,2})[-./](\d{1,2})[-./](\d{4})$/.exec(t);
    if (m) return dateKey(+m[3], +m[2], +m[1]);
    // A two-digit year: day and month of two digits, one separator (src/mention.rs short_year_date).
    m = /^(\d{2})([-./])(\d{2})\2(\d{2})$/.exec(t);
    if (m) return dateKey(fullYear(+m[4]), +m[3], +m[1]);
    m = /^(\d{1,2})\.? (\p{L}+\.?) (\d{4})$/u.exec(t);
    if (m) return monthOf(m[2]) ? dateKey(+m[3], monthOf(m[2]), +m[1]) : null;
    // Day/month, a space, a year: a date as src/mention.rs reads it in the minutes (only with "/":
    // the minutes' "20.3 2017" is no date there, so the query's is none either).
    m = /^(\d{1,2})\/(\d{1,2}) (\d{4})$/.exec(t);
    if (m) return dateKey(+m[3], +m[2], +m[1]);
    m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(t);
    if (m) return dateKey(+m[1], +m[2], +m[3]);
    // A KLE number's key keeps its year's last two digits, as the index does (src/case.rs).
    if (/^\d{2}\.\d{2}\.\d{2}-[A-Za-z]\d{2}-\d{1,7}-(\d{4}|\d{2})$/.test(t)) {
      return `c:${t.toUpperCase().replace(/-\d{2}(\d{2})$/, '-$1')}`;
    }
    m = /^(\d{2})\/(\d{1,7})$/.exec(t);
    if (m) return `c:${m[1]}/${parseInt(m[2], 10)}`;
    // The short case number as the site's case pages write it in their address (sager/16-26813.html).
    // The minutes' text never has it in this form, so `parse` keeps the token's words to fall back on
    // when the index has no such case ("30-100 kr" is an amount), see `resolveKeys`.
    m = DASHED_CASE.exec(t);
    if (m) return `c:${m[1]}/${parseInt(m[2], 10)}`;
    // Year-serial (WorkZone, eDoc, GetOrganized): zeros kept, as the index does (src/case.rs).
    m = YEAR_SERIAL.exec(t);
    if (m && (m[1] || m[3].length >= 5)) return `c:${t.toUpperCase()}`;
    return null;
  }

  const DASHED_CASE = /^(\d{2})-(\d{3,7})$/;
  const YEAR_SERIAL = /^(?:([A-Za-z]{2,4})-)?((?:19|20)\d{2})-(\d{3,7})$/;

  /**
   * The index word of an amount written with a decimal comma or thousands stops ("2,5"; "2.500.000"
   * is "2500000"), else null: the digit groups alone are too short or too common to find it by
   * (src/search/text.rs amount_word).
   */
  function amountWord(number) {
    const m = /^(\d+(?:\.\d+)*)(?:,(\d+))?$/.exec(number);
    if (!m) return null;
    const groups = m[1].split('.');
    const grouped = groups.length > 1;
    if ((grouped && groups[0].length > 3) || groups.slice(1).some((g) => g.length !== 3) || (!grouped && m[2] === undefined)) return null;
    const word = groups.join('') + (m[2] === undefined ? '' : `,${m[2]}`);
    return word.length <= MAX_WORD_CHARS ? word : null;
  }

  /** FNV-1a over the key's bytes, modulo the shard count (src/search/exact.rs shard_of). */
  function shardOf(key, shards) {
    let h = 0x811c9dc5;
    for (const b of new TextEncoder().encode(key)) {
      h ^= b;
      h = Math.imul(h, 0x01000193) >>> 0;
    }
    return h % Math.max(1, shards);
  }

  // ---- postings (port of src/search/encode.rs) ----

  const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
  const VALUE = new Map(Array.from(ALPHABET, (c, i) => [c.charCodeAt(0), i]));

  /** Calls `f(id)` for every doc id in an encoded postings string. */
  function eachId(s, f) {
    if (s.charCodeAt(0) === 126) { // '~': bitmap
      for (let i = 1; i < s.length; i++) {
        const v = VALUE.get(s.charCodeAt(i)) || 0;
        if (v) for (let k = 0; k < 6; k++) if (v & (1 << k)) f((i - 1) * 6 + k);
      }
      return;
    }
    let n = 0; let shift = 0; let prev = -1;
    for (let i = 0; i < s.length; i++) {
      const v = VALUE.get(s.charCodeAt(i)) || 0;
      n += (v & 31) * 2 ** shift;
      shift += 5;
      if (!(v & 32)) { prev = prev + 1 + n; f(prev); n = 0; shift = 0; }
    }
  }

  /** Plain numbers as src/search/encode.rs `numbers` writes them. */
  function numbers(s) {
    const out = [];
    let n = 0; let shift = 0;
    for (let i = 0; i < s.length; i++) {
      const v = VALUE.get(s.charCodeAt(i)) || 0;
      n += (v & 31) * 2 ** shift;
      shift += 5;
      if (!(v & 32)) { out.push(n); n = 0; shift = 0; }
    }
    return out;
  }

  /** Shard keys from the manifest's front-coded list (src/search/json.rs front_code). */
  function frontDecode(coded) {
    const keys = [];
    for (const part of coded.split(' ')) {
      if (!part) continue;
      const prev = keys.length ? keys[keys.length - 1] : '';
      // The shared length counts characters (code points), as src/search/json.rs front_code does.
      keys.push(Array.from(prev).slice(0, part.charCodeAt(0) - 65).join('') + part.slice(1));
    }
    return keys;
  }

  function decode(s) {
    const ids = [];
    eachId(s, (id) => ids.push(id));
    return ids;
  }

  // ---- queries ----

  /** Words that only label a case number or date beside them ("sag 16/26813", "j.nr. 16/26813"). */
  const LABELS = new Set(['sag', 'sagen', 'sagsnr', 'sagsnummer', 'j.nr', 'jnr', 'journalnr', 'journalnummer', 'dato', 'den', 'd']);
  const isLabel = (tok) => LABELS.has(tok.toLowerCase().replace(/[.:,;]+$/, ''));
  /** The labels before which "16/5 2017" is case 16/5 and a year, not a date (src/mention.rs CASE_LABELS). */
  const CASE_LABELS = new Set(['sag', 'sagen', 'sagsnr', 'sagsnummer', 'j.nr', 'jnr', 'journalnr', 'journalnummer', 'nr']);
  const isCaseLabel = (tok) => tok !== undefined && CASE_LABELS.has(tok.toLowerCase().replace(/^[^\p{L}\p{N}]+/u, '').replace(/[.:]+$/, ''));

  /**
   * Query text to groups: every group must match (AND); a group is an exact key or a term (+ prefix).
   * With `open` the last word, with no space after it, is also a prefix, even when it is a stop word
   * so far ("for" on the way to "forslag"): such a group has no term and is marked `stop`. The
   * search page always parses so (`run`), typed, submitted, linked or restored alike, so that the
   * address gives what was seen; a case number or date is an exact key and never a prefix. The page
   * a result leads to parses its `?fremhaev=` open only when it ends in "*".
   * Returns the groups, the stop words left out, and the words the groups came from (`kept`: for
   * the page a result leads to, which marks them).
   */
  /** The query's tokens, a date of several words as one: "20. marts 2017", "20 mar. 2017", "20/3 2017". */
  function dateTokens(raw) {
    const tokens = [];
    for (let i = 0; i < raw.length; i++) {
      const three = raw.slice(i, i + 3).join(' ');
      const two = raw.slice(i, i + 2).join(' ');
      if (i + 2 < raw.length && /^\d{1,2}\.?$/.test(raw[i]) && exactKey(three)) { tokens.push(three); i += 2; }
      else if (i + 1 < raw.length && /^\d{1,2}\/\d{1,2}$/.test(bare(raw[i])) && !isCaseLabel(raw[i - 1]) && exactKey(two)) { tokens.push(two); i += 1; }
      else tokens.push(raw[i]);
    }
    return tokens;
  }

  function parse(q, openLast) {
    q = q.normalize('NFC');
    const tokens = dateTokens(q.trim().split(/\s+/).filter(Boolean));
    const open = openLast && !/\s$/.test(q);
    const keys = tokens.map(exactKey);
    const groups = [];
    const stopped = [];
    const kept = [];
    /** Appends the groups of the words of `tok`, the `i`th token, to `out`. */
    const wordGroups = (tok, i, out, left) => {
      const ws = words(tok);
      ws.forEach(({ word }, j) => {
        // One letter finds nothing worth reading, and while typing it is the start of a word: it
        // is left out, so "lokalplan b" keeps the results for "lokalplan" until the next letter.
        if (fold(word.toLowerCase()).length < 2) { left.push(word); return; }
        const typing = open && i === tokens.length - 1 && j === ws.length - 1;
        const prefix = typing ? fold(word.toLowerCase()) : '';
        // A word with aa/ae/oe is also looked up as the word with å/æ/ø ("leverandoer").
        const [t, alt] = terms(word);
        if (t) out.push({ term: t, ...(alt ? { alt } : {}), prefix: prefix.length >= 2 ? prefix : null });
        else if (!isStopWord(word)) return;
        else if (prefix.length >= 2) { out.push({ term: null, prefix, stop: word }); return; }
        else { left.push(word); return; }
        // A stop word typed so far is searched as a prefix, but not marked ("og" on every line).
        if (out === groups) kept.push(word);
      });
      return out;
    };
    tokens.forEach((tok, i) => {
      const key = keys[i];
      // "16-26813" and "2017-012345" are case numbers only if the index has them, else their words
      // ("30-100 kr", "2000-12000 kr").
      const t = bare(tok);
      if (key && (DASHED_CASE.test(t) || YEAR_SERIAL.test(t))) { groups.push({ key, words: wordGroups(tok, i, [], []) }); kept.push(tok); return; }
      if (key) { groups.push({ key }); kept.push(tok); return; }
      // A label beside a case number or date is not a word the items must hold.
      if ((keys[i - 1] || keys[i + 1]) && isLabel(tok)) return;
      const amount = amountWord(bare(tok));
      if (amount) {
        const typing = open && i === tokens.length - 1;
        groups.push({ term: term(amount), prefix: typing ? amount : null });
        kept.push(tok);
        return;
      }
      wordGroups(tok, i, groups, stopped);
    });
    return { groups, stopped, kept };
  }

  // ---- marking hits (the result list, and the page a result leads to) ----

  function el(tag, attrs, ...children) {
    const e = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs || {})) e.setAttribute(k, v);
    for (const c of children) if (c != null) e.append(c);
    return e;
  }

  const EXACT = /\d{1,2}[-./]\d{1,2}[-./]\d{4}|\d{4}-\d{2}-\d{2}|\d{2}\.\d{2}\.\d{2}-[A-Za-z]\d{2}-\d{1,7}-\d{2,4}|\d{2}([-./])\d{2}\1\d{2}(?![-./]?[\dA-Za-z])|\d{1,2}\. [A-Za-z]+\.? \d{4}|\d{1,2}\/\d{1,2} \d{4}(?![-./]?[\dA-Za-z])|\d{2}\/\d{1,7}/g;

  const NUMBER = /\d+(?:[.,]\d+)+/g;
  const ALNUM = /[\p{Alphabetic}\p{N}]/u;

  /** Where `text` matches the query: words by term or typed prefix, case numbers and dates by exact key. */
  function hitRanges(text, groups) {
    const ranges = [];
    const keys = new Set(groups.filter((g) => g.key).map((g) => g.key));
    if (keys.size) {
      for (const m of text.matchAll(EXACT)) {
        if (keys.has(exactKey(m[0]))) ranges.push([m.index, m.index + m[0].length]);
        // "sag 16/5 2017": the case number before a year (src/mention.rs CASE_LABELS).
        else if (/^\d{2}\/\d{1,2} /.test(m[0]) && keys.has(exactKey(m[0].split(' ')[0]))) ranges.push([m.index, m.index + m[0].indexOf(' ')]);
      }
    }
    const wordGroups = groups.filter((g) => g.term || g.prefix);
    if (wordGroups.length) {
      // Amounts as the index lists them whole ("2,5", "2.500.000"), standing apart from other words.
      for (const m of text.matchAll(NUMBER)) {
        const end = m.index + m[0].length;
        const before = Array.from(text.slice(Math.max(0, m.index - 2), m.index)).pop() || '';
        if (ALNUM.test(before) || ALNUM.test(Array.from(text.slice(end, end + 2))[0] || '')) continue;
        const a = amountWord(m[0]);
        if (a && wordGroups.some((g) => g.term === a || (g.prefix && a.startsWith(g.prefix)))) ranges.push([m.index, end]);
      }
      for (const { word, start, end } of words(text)) {
        const both = terms(word).filter(Boolean);
        const f = fold(word.toLowerCase());
        const hit = (g) => both.some((t) => t === g.term || t === g.alt) || (g.prefix && f.startsWith(g.prefix));
        if (wordGroups.some(hit)) ranges.push([start, end]);
      }
    }
    return ranges.sort((a, b) => a[0] - b[0]);
  }

  /** Text with the hits wrapped in <mark> (built as DOM nodes, never parsed as HTML). */
  function marked(text, groups) {
    const frag = document.createDocumentFragment();
    let at = 0;
    for (const [start, end] of hitRanges(text, groups)) {
      if (start < at) continue;
      frag.append(text.slice(at, start), el('mark', {}, text.slice(start, end)));
      at = end;
    }
    frag.append(text.slice(at));
    return frag;
  }

  const api = { numbers, stem, fold, letters, term, terms, words, exactKey, amountWord, parse, shardOf, shardOfTerm, decode, frontDecode, setStopWords: (w) => { stopWords = new Set(w); } };
  globalThis.referatSearch = api;
  if (typeof document === 'undefined') return;

  // ---- the page a result leads to (highlight.js loads this script there) ----

  /**
   * Marks the words of `?fremhaev=` (the query a search result was found by, "*" after a word typed
   * so far) in the agenda item the address names, or on the whole page, says how many there are,
   * offers to remove them, and brings the first into view. Marks wrap the page's own text nodes.
   */
  function highlight() {
    const q = new URLSearchParams(location.search).get('fremhaev') || '';
    const prefix = /\*$/.test(q);
    const { groups, kept } = parse(q.replace(/\*+$/, ''), prefix);
    let id = '';
    try { id = decodeURIComponent(location.hash.slice(1)); } catch { /* a malformed address: the whole page */ }
    // The item the address names, also by its heading ("#punkt-3-titel"); else the whole page.
    const named = (id && document.getElementById(id)) || document.querySelector('main');
    const target = named && named.closest('.item, main');
    if (!groups.length || !target) return;
    const nodes = [];
    const walker = document.createTreeWalker(target, NodeFilter.SHOW_TEXT);
    while (walker.nextNode()) if (!walker.currentNode.parentElement.closest('script, style, mark')) nodes.push(walker.currentNode);
    const marks = [];
    for (const node of nodes) {
      const frag = marked(node.data, groups);
      const hits = frag.querySelectorAll('mark');
      if (!hits.length) continue;
      marks.push(...hits);
      node.replaceWith(frag);
    }
    if (!marks.length) return;
    // The words that were found, each once and at most five: the address is anyone's to write.
    const found = kept.map((w, i) => ({ w, typed: prefix && i === kept.length - 1 }))
      .filter(({ w, typed }, i, all) => all.findIndex((o) => o.w.toLowerCase() === w.toLowerCase()) === i
        && marks.some((m) => hitRanges(m.textContent, parse(w, typed).groups).length))
      .slice(0, 5);
    if (!found.length) return;
    const quoted = found.map(({ w, typed }) => `»${w}${typed ? '…' : ''}«`);
    const list = quoted.length > 1 ? `${quoted.slice(0, -1).join(', ')} og ${quoted[quoted.length - 1]}` : quoted[0];
    const count = marks.length === 1 ? 'ét sted' : `${marks.length} steder`;
    const button = el('button', { type: 'button' }, 'Fjern fremhævningen');
    // A live region is announced when its text changes, not when it arrives filled: it goes in
    // empty and gets its text a moment later (WCAG 4.1.3). The button is no part of the message.
    const status = el('span', { role: 'status' });
    const note = el('p', { class: 'highlight-note' }, status, ' ', button);
    const heading = target.querySelector('h1, h2');
    if (heading) heading.after(note); else target.prepend(note);
    setTimeout(() => { status.textContent = `${list} er fremhævet ${count} ${target.matches('main') ? 'på siden' : 'i punktet'}.`; }, 100);
    button.addEventListener('click', () => {
      for (const m of marks) m.replaceWith(...m.childNodes);
      target.normalize();
      note.remove();
      history.replaceState(history.state, '', `${location.pathname}${location.hash}`);
      // The button is gone: focus stays where the reader was, at the item's heading (WCAG 2.4.3).
      const to = heading || target;
      to.setAttribute('tabindex', '-1');
      to.focus();
    });
    // The browser has scrolled to the item; its first hit may lie further down.
    const show = () => {
      const r = marks[0].getBoundingClientRect();
      if (r.top < 0 || r.bottom > innerHeight) marks[0].scrollIntoView({ block: 'center' });
    };
    if (document.readyState === 'complete') show(); else addEventListener('load', show, { once: true });
  }

  // ---- the index, fetched lazily ----

  const root = document.getElementById('search');
  if (!root) { highlight(); return; }
  const base = root.dataset.base || '/';
  const COLD_REQUESTS = 4;
  const PAGE = 10;
  const TYPING_PAUSE_MS = 150;
  const MAX_GROUP_SHARDS = 2;
  let manifest = null;
  const files = new Map();
  let requests = 0;
  /** The URLs fetched, in order: the page's record of what a query's first paint took (`data-paint-files`). */
  const fetchLog = [];

  /**
   * Fetches an index file once per page. The manifest (`index.json`) is revalidated with the server
   * every time: a cached one from before a rebuild would send the new shards' doc ids to old records.
   * Every other file lies in the folder of the manifest's version (`soeg/<v>/t/3.json`), whose files
   * never change, so any cache may keep them and a cache never mixes two builds; a version in a query
   * string instead (`t/3.json?v=…`) was ignored by static hosts and left out of some CDNs' cache keys.
   */
  function fetchJSON(path) {
    if (!files.has(path)) {
      const manifestFile = path === 'index.json';
      if (!manifestFile && !manifest) return Promise.reject(new Error(`${path}: no manifest`));
      const url = manifestFile ? `${base}soeg/index.json` : `${base}soeg/${manifest.v}/${path}`;
      requests += 1;
      fetchLog.push(url);
      files.set(path, fetch(url, manifestFile ? { cache: 'no-cache' } : {}).then((r) => {
        if (!r.ok) throw new Error(`${path}: HTTP ${r.status}`);
        return r.json();
      }).catch((e) => { files.delete(path); throw e; }));
    }
    return files.get(path);
  }

  /**
   * After an index file could not be fetched: asks for the manifest anew, and if the site was rebuilt
   * since this page read it (its version's folder was removed, as `serve` does and an upload may),
   * forgets every file of the old version and keeps the new manifest for the query to run again.
   * True if there is a new version.
   */
  async function newerManifest() {
    const old = manifest && manifest.v;
    if (!old) return false;
    files.delete('index.json');
    const m = await fetchJSON('index.json').catch(() => null);
    if (!manifest || manifest.v !== old) return true; // another query got there first
    if (!m || m.v === old) return false;
    files.clear();
    files.set('index.json', Promise.resolve(m));
    manifest = null;
    current = null;
    return true;
  }

  /** The index has a format this script cannot read: its message is the page's status. */
  class FormatError extends Error {}

  /** Every doc's value from runs in doc order: value, count pairs, each count less `less`. */
  function fromRuns(docs, runs, less) {
    const out = new Uint16Array(docs);
    let id = 0;
    for (let r = 0; r + 1 < runs.length; r += 2) {
      const n = runs[r + 1] + less;
      out.fill(runs[r], id, id + n);
      id += n;
    }
    return out;
  }

  async function loadManifest() {
    if (manifest) return manifest;
    const m = await fetchJSON('index.json');
    if (manifest) return manifest;
    if (m.format !== FORMAT) {
      const found = Number.isInteger(m.format) ? `format ${m.format}` : 'et ukendt format';
      throw new FormatError(`Søgningen virker ikke: webstedets søgeindeks har ${found}, men søgesidens script `
        + `kan kun læse format ${FORMAT}. Webstedets redaktion skal opdatere search.js.`);
    }
    m.keyList = frontDecode(m.keys);
    // Doc ids run from the newest meeting to the oldest; the year and the body of each come as runs.
    m.docYear = fromRuns(m.docs, m.years, 0);
    m.years = new Set(m.docYear);
    m.docBody = fromRuns(m.docs, numbers(m.body_runs), 1);
    api.setStopWords(m.stop);
    manifest = m;
    return m;
  }

  /** The term shard that holds `t` (or would), or null when there are none. */
  function shardFor(t) {
    return shardOfTerm(manifest.keyList, t);
  }

  /** The shards after the one `prefix` falls in that also hold terms starting with it. */
  function deeperShards(prefix) {
    const keys = manifest.keyList;
    const out = [];
    for (let n = shardFor(prefix) + 1; n < keys.length && keys[n].startsWith(prefix); n++) out.push(n);
    return out;
  }

  // ---- scoring ----

  function raise(scores, s, value) {
    eachId(s, (id) => { if (scores[id] < value) scores[id] = value; });
  }

  /** Scores of one group: max over its exact term (2, title 8) and prefix expansions (1, title 4). */
  async function groupScores(g, m) {
    const scores = new Float32Array(m.docs);
    if (g.key) {
      const shard = await fetchJSON(`x/${shardOf(g.key, m.xs)}.json`);
      const e = shard[g.key];
      if (e) { raise(scores, e[0], 2); raise(scores, e[1], 8); g.page = e[2]; g.records = e[3]; }
      return scores;
    }
    const keys = new Set([g.term, g.alt, g.prefix].filter(Boolean).map(shardFor).filter((n) => n !== null));
    // A prefix whose terms run on into the next shards (e.g. "økon" when "oekonomi…" terms fill
    // shards of their own): fetch those shards too when they are few, else wait for more letters.
    if (g.prefix) {
      const deeper = deeperShards(g.prefix);
      if (keys.size + deeper.length <= MAX_GROUP_SHARDS) deeper.forEach((n) => keys.add(n));
    }
    const shards = await Promise.all(Array.from(keys, (n) => fetchJSON(`t/${n}.json`)));
    const expansions = [];
    for (const shard of shards) {
      for (const t of [g.term, g.alt]) {
        const e = t && shard[t];
        if (e) { raise(scores, e[0], 2); raise(scores, e[1], 8); }
        // The records of a word's first page beyond the doc chunks a first visit fetches.
        if (e && e[3]) g.records = Object.assign(g.records || {}, e[3]);
      }
      if (!g.prefix) continue;
      for (const t in shard) if (t !== g.term && t !== g.alt && t.startsWith(g.prefix)) expansions.push(shard[t]);
    }
    // An expansion's title hits rank above the word's other hits: its records come along too.
    expansions.sort((a, b) => b[2] - a[2]).slice(0, 60).forEach((e) => {
      raise(scores, e[0], 1); raise(scores, e[1], 4);
      if (e[3]) g.records = Object.assign(g.records || {}, e[3]);
    });
    return scores;
  }

  /**
   * The groups with a case number typed as in its page's address ("16-26813") replaced by the
   * token's words when the index has no such case: "30-100 kr" is an amount, and the minutes never
   * write a case number so (src/mention.rs reads "16/26813"), so an absent key means no case. The
   * exact shard asked for is the one the key's lookup reads anyway.
   */
  async function resolveKeys(groups, m) {
    const known = await Promise.all(groups.map(async (g) => !g.words || g.key in await fetchJSON(`x/${shardOf(g.key, m.xs)}.json`)));
    return groups.flatMap((g, k) => (known[k] ? [g] : g.words));
  }

  /** All matching docs, ranked: score, then doc id, which runs from the newest meeting (and a
   * meeting before its items, the items in their order). src/search/json.rs `records` follows this
   * ranking for the records a term carries. The last word is a prefix however the query came
   * (typed, submitted, linked): the address shows what was seen while typing. */
  async function run(q) {
    const m = await loadManifest();
    let { groups, stopped, kept } = parse(q, true);
    groups = await resolveKeys(groups, m);
    if (!groups.length) return { groups, hits: [], stopped };
    const all = await Promise.all(groups.map((g) => groupScores(g, m)));
    // The sum of the kept groups' scores where all of them match (the groups' own arrays stay as
    // they are, for a second try without the stop word being typed).
    const combine = (keep) => {
      const total = keep.length === 1 ? all[keep[0]] : Float32Array.from(all[keep[0]]);
      for (let k = 1; k < keep.length; k++) {
        const g = all[keep[k]];
        for (let d = 0; d < m.docs; d++) total[d] = total[d] > 0 && g[d] > 0 ? total[d] + g[d] : 0;
      }
      const hits = [];
      for (let d = 0; d < m.docs; d++) if (total[d] > 0) hits.push(d);
      return { total, hits };
    };
    let { total, hits } = combine(groups.map((g, k) => k));
    if (!hits.length && groups.some((g) => g.stop)) {
      // The stop word being typed was meant as one after all ("lokalplan med"): leave it out.
      const dropped = groups.filter((g) => g.stop).map((g) => g.stop);
      stopped = stopped.concat(dropped);
      kept = kept.filter((w) => !dropped.includes(w));
      const keep = groups.map((g, k) => k).filter((k) => !groups[k].stop);
      groups = keep.map((k) => groups[k]);
      if (!keep.length) return { groups, hits: [], stopped };
      ({ total, hits } = combine(keep));
    }
    hits.sort((a, b) => total[b] - total[a] || a - b);
    // The words the page a result leads to marks (`?fremhaev=`), "*" after one typed so far.
    const last = groups[groups.length - 1];
    const mark = kept.join(' ') + (last && last.prefix && !last.stop ? '*' : '');
    return { groups, hits, stopped, mark };
  }

  // ---- the page ----

  const form = root.querySelector('form');
  const input = form.querySelector('input[name="q"]');
  const status = root.querySelector('#search-status');
  const list = root.querySelector('#search-results');
  const casePage = root.querySelector('#search-case');
  const facets = root.querySelector('#search-facets');
  const more = root.querySelector('#search-more');
  // What a screen reader hears: the status once typing pauses, not at every key (WCAG 4.1.3); the
  // visible status follows at once. The page's own region is silenced so nothing is heard twice.
  const announcer = el('p', { role: 'status', 'data-announcer': '' });
  announcer.style.cssText = 'position:absolute;width:1px;height:1px;margin:-1px;overflow:hidden;clip-path:inset(50%);white-space:nowrap';
  for (const a of ['role', 'aria-live', 'aria-atomic']) status.removeAttribute(a);
  status.after(announcer);
  const PAUSE_MS = 900;
  let announceTimer = 0;
  const title = document.title;
  // `live`: the query is being typed (input events), so its status is announced once typing pauses.
  // Its results are those of the same query submitted or linked: the last word is a prefix in all.
  const state = { q: '', live: false, organ: '', aar: '', visible: PAGE };
  let current = null;
  let seq = 0;

  /** "2017-03-20" as the pages write it, "20. marts 2017" (a date query still marks it). */
  const written = (iso) => { const [y, m, d] = iso.split('-'); return `${+d}. ${MONTHS[m - 1]} ${y}`; };

  /** A result: its link carries the query's words (`?fremhaev=`) for its page to mark (`highlight`). */
  function resultItem(record, groups, mark) {
    const [title, body, date, number, caseNo, , snippet, folder] = record;
    const [bodyName, bodySlug] = manifest.bodies[body];
    const query = mark ? `?${new URLSearchParams({ fremhaev: mark })}` : '';
    const url = `${base}${folder || `${bodySlug}/${date}/`}${query}${number ? `#punkt-${number}` : ''}`;
    const meta = [bodyName, written(date), number ? `punkt ${number}` : 'møde', caseNo && `sag ${caseNo}`].filter(Boolean).join(' · ');
    return el('li', { class: 'search-result' },
      el('h2', {}, el('a', { href: url }, marked(title, groups))),
      el('p', { class: 'search-meta' }, marked(meta, groups)),
      snippet ? el('p', { class: 'search-snippet' }, marked(snippet, groups)) : null,
      // The snippet is the item's start: when nothing shown holds a hit, say that the item does further down.
      hitRanges(`${title}\n${meta}\n${snippet}`, groups).length ? null
        : el('p', { class: 'search-where' }, `Fundet længere nede ${number ? 'i punktet' : 'på siden'}.`));
  }

  function paramsURL(over) {
    const s = { ...state, ...over };
    const p = new URLSearchParams();
    if (s.q) p.set('q', s.q);
    if (s.organ) p.set('organ', s.organ);
    if (s.aar) p.set('aar', s.aar);
    const qs = p.toString();
    return `${location.pathname}${qs ? `?${qs}` : ''}`;
  }

  function facetList(label, entries, param, all) {
    // Styled without bullets: the role keeps it a list in Safari's VoiceOver.
    const ul = el('ul', { role: 'list' });
    const item = (value, text, count) => {
      const a = el('a', { href: paramsURL({ [param]: value }), 'data-param': param, 'data-value': value }, text);
      if (state[param] === value) a.setAttribute('aria-current', 'true');
      // The count is a box of its own that never wraps (style.css .facet-count), beside the name
      // it counts: "Beskæftigelsesudvalget (" and "5)" were two lines in the 14rem column.
      return el('li', {}, a, count == null ? null : el('span', { class: 'facet-count' }, `\u00a0(${count})`));
    };
    ul.append(item('', all, null));
    for (const [value, text, count] of entries) ul.append(item(value, text, count));
    return el('nav', { 'aria-label': label }, el('h2', {}, label), ul);
  }

  /**
   * Drops filter values the index does not know (`?organ=findesikke&aar=1999`) from the state and
   * the address: "Alle …" is then current, and no made-up "1999 (0)" is listed. A year of the index
   * without hits for this query stays (it is listed with 0, to be cleared).
   */
  function validFilters() {
    const before = paramsURL({});
    if (state.organ && !manifest.bodies.some((b) => b[1] === state.organ)) state.organ = '';
    if (state.aar && !(/^\d{4}$/.test(state.aar) && manifest.years.has(+state.aar))) state.aar = '';
    if (paramsURL({}) !== before && here() === before) history.replaceState(history.state, '', paramsURL({}));
  }

  function renderFacets(hits) {
    const m = manifest;
    const bodyIndex = state.organ ? m.bodies.findIndex((b) => b[1] === state.organ) : -1;
    const year = +state.aar || 0;
    // Both lists treat a count of 0 alike: each lists every body (year) the query has hits in,
    // counted within the other list's filter, so 0 where that filter leaves none; a filter value
    // with no hit at all is listed too (with 0), so it is shown as current and can be removed.
    // A year that matches nothing no longer empties the committee list.
    const byBody = new Map(); const byYear = new Map();
    for (const d of hits) {
      const b = m.docBody[d]; const y = m.docYear[d];
      byBody.set(b, (byBody.get(b) || 0) + (!year || y === year ? 1 : 0));
      byYear.set(y, (byYear.get(y) || 0) + (bodyIndex < 0 || b === bodyIndex ? 1 : 0));
    }
    if (bodyIndex >= 0 && !byBody.has(bodyIndex)) byBody.set(bodyIndex, 0);
    if (year && !byYear.has(year)) byYear.set(year, 0);
    const bodies = Array.from(byBody, ([b, n]) => [m.bodies[b][1], m.bodies[b][0], n]).sort((a, b) => b[2] - a[2] || a[1].localeCompare(b[1], 'da'));
    const years = Array.from(byYear, ([y, n]) => [String(y), String(y), n]).sort((a, b) => b[0] - a[0]);
    const any = hits.length || bodyIndex >= 0 || year;
    facets.replaceChildren(...(any ? [facetList('Udvalg', bodies, 'organ', 'Alle udvalg'), facetList('År', years, 'aar', 'Alle år')] : []));
    return hits.filter((d) => (bodyIndex < 0 || m.docBody[d] === bodyIndex) && (!year || m.docYear[d] === year));
  }

  /** The record of doc `d`: from the query's inline records while its doc chunk is not fetched, else from the chunk. */
  function recordOf(d, inline) {
    const path = `d/${Math.floor(d / manifest.chunk)}.json`;
    if (!files.has(path) && inline[d]) return inline[d];
    return fetchJSON(path).then((chunk) => chunk[d % manifest.chunk]);
  }

  /**
   * Shows results in rank order as far as their doc chunks are loaded, fetching at most `budget`
   * chunks (the first query of a visit keeps its first paint within 4 requests in all; later ones
   * fetch what a page needs, once typing has paused, so every keystroke does not download result
   * chunks). Returns the docs of the page not shown yet, for `fill`.
   */
  async function renderResults(mine, shown, { groups, mark }, budget, pause) {
    const m = manifest;
    const records = [];
    const inline = Object.assign({}, ...groups.map((g) => g.records || {}));
    const page = shown.slice(0, state.visible);
    const missing = page.some((d) => !inline[d] && !files.has(`d/${Math.floor(d / m.chunk)}.json`));
    if (missing && pause) {
      await new Promise((r) => setTimeout(r, TYPING_PAUSE_MS));
      if (mine !== seq) return null;
    }
    let fetched = 0;
    for (const d of page) {
      const path = `d/${Math.floor(d / m.chunk)}.json`;
      if (!files.has(path) && !inline[d]) {
        if (fetched >= budget) break;
        fetched += 1;
      }
      records.push(recordOf(d, inline));
    }
    const rows = await Promise.all(records);
    if (mine !== seq) return null;
    list.replaceChildren(...rows.map((r) => resultItem(r, groups, mark)));
    list.removeAttribute('aria-busy');
    more.hidden = rows.length >= shown.length;
    return page.slice(rows.length);
  }

  /**
   * The rest of a first page the cold budget left out (`docs`, in rank order): their chunks are
   * fetched at once, and each result is added below the others as soon as it and those before it
   * are there, so the page fills in rank order and nothing shown moves. False if a newer query came.
   */
  async function fill(mine, docs, { groups, mark }) {
    const inline = Object.assign({}, ...groups.map((g) => g.records || {}));
    const pending = docs.map((d) => recordOf(d, inline));
    for (const p of pending) {
      const row = await p;
      if (mine !== seq) return false;
      list.append(resultItem(row, groups, mark));
    }
    return true;
  }

  function renderCasePage(groups) {
    const g = groups.find((x) => x.page);
    casePage.replaceChildren(...(g ? [el('a', { href: `${base}sager/${g.page}.html` }, `Sagen ${g.key.slice(2)}: alle punkter`)] : []));
  }

  /** The status for a query of only stop words: say they are left out, rather than "Ingen resultater". */
  function stopWordsNote(stopped) {
    if (stopped.every((w) => fold(w.toLowerCase()).length < 2)) return 'Skriv mindst to bogstaver.';
    const quoted = [...new Set(stopped.map((w) => w.toLowerCase()))].slice(0, 3).map((w) => `»${w}«`);
    const list = quoted.length > 1 ? `${quoted.slice(0, -1).join(', ')} og ${quoted[quoted.length - 1]}` : quoted[0];
    return `Søgningen ser bort fra småord som ${list}. Skriv mindst ét andet ord.`;
  }

  /** Shows `text` as the status and has it announced, unless `quiet` (a first page still filling:
   * it is announced once, when the page is complete). */
  function say(text, quiet = false) {
    if (status.textContent !== text) status.textContent = text;
    clearTimeout(announceTimer);
    const speak = () => { if (announcer.textContent !== text) announcer.textContent = text; };
    if (quiet) return;
    if (state.live && text) announceTimer = setTimeout(speak, PAUSE_MS); else speak();
    // The tab's and history's title names the search (WCAG 2.4.2).
    document.title = state.q.trim() ? `»${state.q.trim()}« – ${title}` : title;
  }

  // ---- history ----
  // A committed search (submit, or typing that starts after one) and a facet change are history
  // entries of their own, so Back undoes them; further typing replaces the entry it began. Each
  // entry's state keeps how many results were shown and the scroll position, restored on Back
  // (popstate within the page, or a new load of it when coming back from a result).

  let typing = false; // the current entry was made by typing, and more typing replaces it
  let restoring = false; // a restore is rendering: the scroll position is not the user's yet
  let scrollTimer = 0;

  const here = () => `${location.pathname}${location.search}`;

  /** The result or facet link that has focus, to give it back on Back (WCAG 2.4.3). */
  function focusKey() {
    const a = document.activeElement;
    const links = [...list.querySelectorAll('h2 a')];
    if (links.includes(a)) return { result: links.indexOf(a) };
    if (a && facets.contains(a) && a.dataset.param) return { param: a.dataset.param, value: a.dataset.value };
    return null;
  }

  function saveScroll() {
    clearTimeout(scrollTimer);
    const scroll = Math.round(scrollY);
    const focus = focusKey();
    const saved = history.state || {};
    if (restoring || (saved.scroll === scroll && JSON.stringify(saved.focus ?? null) === JSON.stringify(focus))) return;
    history.replaceState({ ...saved, scroll, focus }, '');
  }

  /** Focuses what had focus when the entry was left, or the search box if that is gone. */
  function refocus(saved) {
    const f = saved && saved.focus;
    if (!f) return;
    const target = f.result != null ? list.querySelectorAll('h2 a')[f.result]
      : [...facets.querySelectorAll('a[data-param]')].find((a) => a.dataset.param === f.param && a.dataset.value === f.value);
    (target || input).focus({ preventScroll: true });
  }

  /** Writes the state to history: 'push' a new entry, 'replace' the current one, or 'none'. */
  function record(nav) {
    const url = paramsURL({});
    if (nav === 'none') return;
    if (nav === 'push' && url !== here()) {
      saveScroll();
      history.pushState({ visible: state.visible, scroll: Math.round(scrollY) }, '', url);
    } else {
      history.replaceState({ ...history.state, visible: state.visible }, '', url);
    }
  }

  async function update({ nav = 'replace', keepVisible = false, retry = true } = {}) {
    const mine = ++seq;
    const started = performance.now();
    const cold = !manifest;
    const before = requests;
    const logged = fetchLog.length;
    if (!keepVisible) state.visible = PAGE;
    record(nav);
    if (!state.q.trim()) {
      list.replaceChildren(); list.removeAttribute('aria-busy'); facets.replaceChildren(); casePage.replaceChildren(); more.hidden = true;
      say('');
      root.dataset.query = '';
      return true;
    }
    try {
      const same = current && current.q === state.q;
      const result = same ? current : { q: state.q, ...(await run(state.q)) };
      if (mine !== seq) return;
      current = result;
      validFilters();
      renderCasePage(result.groups);
      const shown = renderFacets(result.hits);
      // The first paint of a first visit keeps within the cold budget; the rest of its first page
      // (the results whose chunks that left out) is fetched right after and added as it comes:
      // "7 resultater, viser 1" read as broken. More than a page only when restoring "Vis flere".
      // A cold query of two words in two term shards has one result file left of its 4 requests.
      const budget = cold && state.visible <= PAGE ? Math.max(0, COLD_REQUESTS - (requests - before)) : Infinity;
      const rest = await renderResults(mine, shown, result, budget, !cold && nav !== 'none');
      if (mine !== seq || !rest) return;
      const total = `${shown.length} ${shown.length === 1 ? 'resultat' : 'resultater'}`;
      root.dataset.paint = state.q;
      root.dataset.paintRequests = String(requests - before);
      root.dataset.paintFiles = fetchLog.slice(logged).join(' ');
      root.dataset.paintShown = String(list.children.length);
      if (rest.length) {
        // The list is busy and the status is not announced until the page is complete.
        list.setAttribute('aria-busy', 'true');
        more.hidden = true;
        say(total, true);
        if (!await fill(mine, rest, result) || mine !== seq) return;
        list.removeAttribute('aria-busy');
        more.hidden = list.children.length >= shown.length;
      }
      const count = list.children.length;
      if (shown.length) say(total + (count < shown.length ? `, viser ${count}` : ''));
      else if (!result.groups.length && result.stopped.length) say(stopWordsNote(result.stopped));
      else if (result.hits.length) say(`Ingen resultater med de valgte filtre (${result.hits.length} uden filtre).`);
      // A case whose items are all closed has no result, but its case page is public.
      else if (result.groups.some((g) => g.page)) say('Ingen resultater i punkternes tekst. Sagen har sin egen side.');
      else say('Ingen resultater');
      root.dataset.ms = (performance.now() - started).toFixed(1);
      root.dataset.requests = String(requests - before);
    } catch (e) {
      // A file of the version this page read is gone (the site was rebuilt): once, with the new one.
      if (retry && !(e instanceof FormatError) && mine === seq && await newerManifest() && mine === seq) {
        return update({ nav: 'none', keepVisible: true, retry: false });
      }
      if (mine === seq) {
        // Nothing of the previous query may stay on screen under an error about this one.
        const lost = root.contains(document.activeElement) && !form.contains(document.activeElement);
        current = null;
        list.replaceChildren(); list.removeAttribute('aria-busy'); facets.replaceChildren(); casePage.replaceChildren(); more.hidden = true;
        if (lost) input.focus();
        say(e instanceof FormatError ? e.message : 'Søgningen kunne ikke hentes. Prøv igen.');
      }
    }
    if (mine === seq) root.dataset.query = state.q;
    return mine === seq;
  }

  let timer = 0;
  input.addEventListener('input', () => {
    clearTimeout(timer);
    timer = setTimeout(() => {
      // The committee and year filters stay: a refined query is still about them.
      state.q = input.value; state.live = true;
      const nav = typing ? 'replace' : 'push';
      typing = true;
      update({ nav });
    }, 60);
  });
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    clearTimeout(timer);
    state.q = input.value;
    state.live = false;
    const nav = typing ? 'replace' : 'push';
    typing = false;
    update({ nav });
  });
  facets.addEventListener('click', (e) => {
    const a = e.target.closest('a[data-param]');
    if (!a) return;
    e.preventDefault();
    state[a.dataset.param] = a.dataset.value;
    typing = false;
    update({ nav: 'push' }).then(() => facets.querySelector(`a[data-param="${a.dataset.param}"][aria-current]`)?.focus());
  });
  more.addEventListener('click', async () => {
    const before = list.children.length;
    state.visible = before + PAGE;
    if (!await update({ keepVisible: true })) return;
    // The button hides itself when all are shown, which would drop focus to <body> (WCAG 2.4.3):
    // focus goes on to the first of the new results, where reading continues.
    if (document.activeElement !== more && document.activeElement !== document.body) return;
    const next = list.children[before]?.querySelector('a');
    if (next) next.focus(); else if (more.hidden) input.focus();
  });

  /** Shows the query and facets of the URL, as many results as the entry's state says, where it was scrolled. */
  async function restore(saved) {
    const params = new URLSearchParams(location.search);
    const q = params.get('q') || '';
    state.q = q;
    state.live = false;
    state.organ = params.get('organ') || '';
    state.aar = params.get('aar') || '';
    state.visible = Math.max(PAGE, (saved && +saved.visible) || 0);
    input.value = q;
    typing = !q; // an empty search page is no result to come back to
    restoring = true;
    const done = await update({ nav: 'none', keepVisible: true });
    restoring = false;
    if (done && saved && saved.scroll != null) scrollTo(0, saved.scroll);
    if (done) refocus(saved);
  }

  history.scrollRestoration = 'manual'; // results come after load; restore() scrolls once they are there
  addEventListener('scroll', () => { clearTimeout(scrollTimer); scrollTimer = setTimeout(saveScroll, 200); }, { passive: true });
  addEventListener('pagehide', saveScroll);
  addEventListener('popstate', (e) => {
    clearTimeout(timer);
    clearTimeout(scrollTimer);
    restore(e.state);
  });

  root.dataset.ready = 'true';
  restore(history.state);
})();
