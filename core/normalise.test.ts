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
