import { StudioCourseSettings } from './studio-course-settings.js';

customElements.define('studio-course-settings', StudioCourseSettings);

declare global {
  interface HTMLElementTagNameMap {
    'studio-course-settings': StudioCourseSettings;
  }
}
