// The authoring studio's entry point: registers the shell, which reads the token and loads the course outline.
import './studio-app/define.js';
