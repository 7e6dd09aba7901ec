// The authoring studio's entry point: registers the shell, which reads the token and loads the course outline, and
// the quiz and role-play editors it opens.
import './studio-app/define.js';
import './quiz-editor/define.js';
import './roleplay-editor/define.js';
