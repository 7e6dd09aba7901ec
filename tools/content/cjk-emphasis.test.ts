import { Marked } from 'marked';
import { describe, expect, it } from 'vitest';
import { canClose, canOpen, cjkFriendlyEmphasis } from './cjk-emphasis.js';

const render = (markdown: string): string =>
  (new Marked({ gfm: true, async: false }, cjkFriendlyEmphasis()).parse(markdown) as string).trim();
const plain = (markdown: string): string => (new Marked({ gfm: true, async: false }).parse(markdown) as string).trim();

describe('CJK-friendly emphasis', () => {
  it('closes bold after 。 followed by a Chinese character (CommonMark does not)', () => {
    const source = '一句话记住：**服务的本质是解决问题。**客户至上。';
    expect(plain(source)).toContain('**');
    expect(render(source)).toBe('<p>一句话记住：<strong>服务的本质是解决问题。</strong>客户至上。</p>');
  });

  it('opens bold before a quote mark after a Chinese character, and closes it after one', () => {
    expect(render('这就是**“首问负责制”**的要求')).toBe('<p>这就是<strong>“首问负责制”</strong>的要求</p>');
    expect(render('**不可以说"慢等"**这一类的话')).toBe('<p><strong>不可以说&quot;慢等&quot;</strong>这一类的话</p>');
    expect(render('客户说**「我要投诉」**时')).toBe('<p>客户说<strong>「我要投诉」</strong>时</p>');
  });

  it('handles list items, line breaks inside the bold, emphasis and bold italic', () => {
    expect(render('1. **先处理心情，再处理事情。**六个步骤')).toContain(
      '<li><strong>先处理心情，再处理事情。</strong>六个步骤</li>',
    );
    expect(render('**广义\n地说。**所以')).toBe('<p><strong>广义\n地说。</strong>所以</p>');
    expect(render('中文*强调。*中文')).toBe('<p>中文<em>强调。</em>中文</p>');
    expect(render('***重点。***后文')).toBe('<p><strong><em>重点。</em></strong>后文</p>');
    expect(render('前**甲**乙**丙**后')).toBe('<p>前<strong>甲</strong>乙<strong>丙</strong>后</p>');
  });

  it('keeps code spans and links inside bold intact', () => {
    expect(render('**用 `**` 表示加粗。**然后')).toBe('<p><strong>用 <code>**</code> 表示加粗。</strong>然后</p>');
    expect(render('**见[第二章](#/a/b)。**然后')).toBe('<p><strong>见<a href="#/a/b">第二章</a>。</strong>然后</p>');
  });

  it('still refuses a delimiter next to a space, as CommonMark does', () => {
    expect(render('加粗两端有空格：** 先问候 **之后')).toContain('** 先问候 **');
    expect(render('中文** 开头')).toContain('**');
  });

  it('parses Latin text exactly as marked does without it', () => {
    for (const source of [
      'a **b** c *d* **e**f',
      'snake_case and 2*3*4 = 24',
      '**foo "*bar*" foo**',
      '*(**foo**)*',
      'foo***bar***baz',
      '**a** **b**',
      '"**quoted**"x',
    ]) {
      expect(render(source), source).toBe(plain(source));
    }
  });

  it('flanking rules: a CJK character counts like a space next to punctuation', () => {
    expect(canOpen('是', '“')).toBe(true);
    expect(canOpen('a', '“')).toBe(false);
    expect(canOpen('', '中')).toBe(true);
    expect(canOpen('中', ' ')).toBe(false);
    expect(canClose('。', '客')).toBe(true);
    expect(canClose('.', 'a')).toBe(false);
    expect(canClose(' ', '中')).toBe(false);
  });
});
