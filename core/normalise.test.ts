import { describe, expect, it } from 'vitest';
import { matchesFillIn, normaliseFillIn } from './normalise.js';

describe('normaliseFillIn', () => {
  it('turns full-width letters and digits into half-width lower case', () => {
    expect(normaliseFillIn('ＡＢＣ１２３')).toBe('abc123');
  });

  it('removes half-width, full-width and ideographic spaces, tabs and line breaks', () => {
    expect(normaliseFillIn(' 首问\u3000负责 制\t\n')).toBe('首问负责制');
    expect(normaliseFillIn('１００\u00a0８６')).toBe('10086');
  });

  it('removes Chinese punctuation', () => {
    expect(normaliseFillIn('“首问负责制”。')).toBe('首问负责制');
    expect(normaliseFillIn('，。、；：？！“”‘’（）《》【】…—·「」')).toBe('');
  });

  it('removes Latin punctuation', () => {
    expect(normaliseFillIn(`,.;:?!"'()[]-_/~`)).toBe('');
    expect(normaliseFillIn('Wi-Fi.')).toBe('wifi');
  });

  it('lower-cases Latin letters but keeps Chinese characters and digits', () => {
    expect(normaliseFillIn('VIP客户 5G')).toBe('vip客户5g');
  });

  it('folds compatibility characters (NFKC)', () => {
    expect(normaliseFillIn('①')).toBe('1');
    expect(normaliseFillIn('ｶ')).toBe('カ');
  });
});

describe('matchesFillIn', () => {
  const answer = ['首问负责制', 'First Contact Resolution'];

  it('accepts any variant after normalisation', () => {
    expect(matchesFillIn(answer, '首问负责制')).toBe(true);
    expect(matchesFillIn(answer, '  首问　负责制。')).toBe(true);
    expect(matchesFillIn(answer, 'first-contact resolution!')).toBe(true);
    expect(matchesFillIn(answer, 'ＦＩＲＳＴ　ＣＯＮＴＡＣＴ　ＲＥＳＯＬＵＴＩＯＮ')).toBe(true);
  });

  it('normalises the accepted answers too', () => {
    expect(matchesFillIn(['“10086”'], '１００８６')).toBe(true);
  });

  it('rejects other text', () => {
    expect(matchesFillIn(answer, '首问制')).toBe(false);
    expect(matchesFillIn(answer, '首问负责制度')).toBe(false);
  });

  it('rejects input that is empty after normalisation, even if an answer normalises to empty', () => {
    expect(matchesFillIn(answer, '')).toBe(false);
    expect(matchesFillIn(answer, ' 。，')).toBe(false);
    expect(matchesFillIn(['。'], '，')).toBe(false);
  });
});

describe('numbers: punctuation between digits keeps its meaning', () => {
  it('never merges a range or a decimal into one number', () => {
    const range56 = ['5～6', '5~6', '5-6', '5到6', '5至6', '五到六', '五至六'];
    expect(matchesFillIn(range56, '56')).toBe(false);
    expect(matchesFillIn(range56, '5.6')).toBe(false);
    expect(matchesFillIn(range56, '5。6')).toBe(false);
    const range35 = ['3-5', '3～5', '3~5', '3到5', '3至5', '3-5秒'];
    expect(matchesFillIn(range35, '35')).toBe(false);
    expect(matchesFillIn(range35, '3.5')).toBe(false);
    expect(matchesFillIn(range35, '35秒')).toBe(false);
  });

  it('accepts every way of writing the same range', () => {
    const range = ['5～6'];
    for (const typed of ['5~6', '5-6', '5 - 6', '５～６', '5–6', '5—6', '5〜6', '5到6', '5 至 6', '５－６']) {
      expect(matchesFillIn(range, typed), typed).toBe(true);
    }
    expect(normaliseFillIn('5～6')).toBe('5~6');
  });

  it('keeps a decimal point, typed in Latin or Chinese mode', () => {
    expect(normaliseFillIn('3.5')).toBe('3.5');
    expect(normaliseFillIn('3。5')).toBe('3.5');
    expect(normaliseFillIn('３．５')).toBe('3.5');
    expect(matchesFillIn(['3.5'], '35')).toBe(false);
  });

  it('folds multiplication signs, and keeps them apart from the bare digits', () => {
    const answer = ['7×24'];
    for (const typed of ['7*24', '7x24', '7X24', '7 × 24', '７＊２４'])
      expect(matchesFillIn(answer, typed), typed).toBe(true);
    expect(matchesFillIn(answer, '724')).toBe(false);
  });

  it('drops a thousands comma but keeps a comma or 、 that lists numbers', () => {
    expect(normaliseFillIn('10,000')).toBe('10000');
    expect(normaliseFillIn('1,234,567')).toBe('1234567');
    expect(normaliseFillIn('3、5')).toBe('3,5');
    expect(normaliseFillIn('3，5')).toBe('3,5');
    expect(matchesFillIn(['3、5'], '35')).toBe(false);
  });

  it('keeps other separators between digits (time, fraction)', () => {
    expect(normaliseFillIn('9:30')).toBe('9:30');
    expect(normaliseFillIn('9：30')).toBe('9:30');
    expect(matchesFillIn(['9:30'], '930')).toBe(false);
    expect(normaliseFillIn('1/2')).toBe('1/2');
  });

  it('still removes punctuation that is not between two digits', () => {
    expect(normaliseFillIn('“10086”。')).toBe('10086');
    expect(normaliseFillIn('5秒。')).toBe('5秒');
    expect(normaliseFillIn('第5、第6')).toBe('第5第6');
    expect(normaliseFillIn('１００\u00a0８６')).toBe('10086');
  });
});
