import { CoursePlayer } from './course-player.js';

customElements.define('course-player', CoursePlayer);

declare global {
  interface HTMLElementTagNameMap {
    'course-player': CoursePlayer;
  }
}
