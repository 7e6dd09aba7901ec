import { buildLocales } from '../../tools/locales.js';

export default function setup(): void {
  buildLocales();
}
