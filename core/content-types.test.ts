import { describe, expect, it } from 'vitest';
import { contentTypeOf } from './content-types.js';

describe('contentTypeOf', () => {
  it('names text types with their charset and binary types without', () => {
    expect(contentTypeOf('/srv/course/index.html')).toBe('text/html; charset=utf-8');
    expect(contentTypeOf('assets/player.js')).toBe('text/javascript; charset=utf-8');
    expect(contentTypeOf('cmi5.xml')).toBe('application/xml; charset=utf-8');
    expect(contentTypeOf('media/photo.webp')).toBe('image/webp');
    expect(contentTypeOf('course-scorm12.zip')).toBe('application/zip');
  });

  it('reads the extension in any case, from the file name only', () => {
    expect(contentTypeOf('media/PHOTO.JPG')).toBe('image/jpeg');
    expect(contentTypeOf('C:\\media\\logo.PNG')).toBe('image/png');
    expect(contentTypeOf('/srv/v1.2/README')).toBe('application/octet-stream');
  });

  it('serves an unknown or missing extension as plain bytes', () => {
    expect(contentTypeOf('data.bin')).toBe('application/octet-stream');
    expect(contentTypeOf('.htaccess')).toBe('application/octet-stream');
  });
});
