import { fixture, expect, html } from '@open-wc/testing';
it('renders', async () => {
  const el = await fixture(html`<main><h1>你好</h1><button>确定</button></main>`);
  await expect(el).to.be.accessible();
});
