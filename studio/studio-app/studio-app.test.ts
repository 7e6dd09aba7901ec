import { expect, fixture, html } from '@open-wc/testing';
import './define.js';

describe('studio-app', () => {
  it('shows the studio heading and is accessible', async () => {
    const el = await fixture(html`<studio-app></studio-app>`);
    expect(el.shadowRoot?.querySelector('h1')?.textContent).to.equal('创作工作室');
    await expect(el).to.be.accessible();
  });
});
