// Inlined into index.html by the build and run before first paint (a classic script, no imports at run time): tells
// the page's CSS whether the prerendered first page may show or the placeholder must (tracking/first-page.ts has
// the rule), and which launch this is, so the status line above the player has its room from the first frame.
import { firstPageDecision } from '../tracking/first-page.js';

const root = document.documentElement;
const { courseId = '', firstPage = '' } = document.currentScript?.dataset ?? {};
try {
  const decision = firstPageDecision(window, courseId, firstPage);
  root.dataset.launch = decision.launch === 'standalone' ? 'standalone' : 'lms';
  if (!decision.show) root.dataset.firstPage = 'placeholder';
} catch {
  root.dataset.firstPage = 'placeholder';
}
