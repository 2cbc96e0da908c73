import { describe, expect, it } from 'vitest';
import { readMultistatus } from './webdav';

// As Nextcloud answers PROPFIND Depth 1 (lower-case prefix, entity-escaped quotes, a 404 propstat).
const NEXTCLOUD = `<?xml version="1.0"?>
<d:multistatus xmlns:d="DAV:" xmlns:s="http://sabredav.org/ns" xmlns:oc="http://owncloud.org/ns">
 <d:response><d:href>/remote.php/dav/files/me/Gloss/journals/</d:href>
  <d:propstat><d:prop><d:resourcetype><d:collection/></d:resourcetype><d:getetag>&quot;6566e1c7a1b2c&quot;</d:getetag></d:prop><d:status>HTTP/1.1 200 OK</d:status></d:propstat>
  <d:propstat><d:prop><d:getcontentlength/></d:prop><d:status>HTTP/1.1 404 Not Found</d:status></d:propstat>
 </d:response>
 <d:response><d:href>/remote.php/dav/files/me/Gloss/journals/a%20b%26c.bin</d:href>
  <d:propstat><d:prop><d:resourcetype/><d:getetag>&quot;0f1e2d&quot;</d:getetag><d:getcontentlength>120</d:getcontentlength></d:prop><d:status>HTTP/1.1 200 OK</d:status></d:propstat>
 </d:response>
 <d:response><d:href>https://cloud.example.org/remote.php/dav/files/me/Gloss/journals/dev/</d:href>
  <d:propstat><d:prop><d:resourcetype><d:collection/></d:resourcetype></d:prop><d:status>HTTP/1.1 200 OK</d:status></d:propstat>
 </d:response>
 <d:response><d:href>/remote.php/dav/files/me/Gloss/journals/weak.bin</d:href>
  <d:propstat><d:prop><d:resourcetype/><d:getetag>W/"1a"</d:getetag><d:getcontentlength>3</d:getcontentlength></d:prop><d:status>HTTP/1.1 200 OK</d:status></d:propstat>
 </d:response>
</d:multistatus>`;

// A default namespace and no prefixes at all (some NAS servers).
const UNPREFIXED = `<multistatus xmlns="DAV:"><response><href>/dav/x.bin</href><propstat><prop><resourcetype /><getetag>"abc"</getetag><getcontentlength>7</getcontentlength></prop></propstat></response></multistatus>`;

describe('readMultistatus', () => {
  const base = new URL('https://cloud.example.org/remote.php/dav/files/me/Gloss/');

  it('reads names, strong etags without quotes, sizes and folders, whatever the prefixes', () => {
    expect(readMultistatus(NEXTCLOUD, base)).toEqual([
      { file: { name: 'journals', etag: '6566e1c7a1b2c', size: 0 }, collection: true, parent: '/remote.php/dav/files/me/Gloss/' },
      { file: { name: 'a b&c.bin', etag: '0f1e2d', size: 120 }, collection: false, parent: '/remote.php/dav/files/me/Gloss/journals/' },
      { file: { name: 'dev', etag: null, size: 0 }, collection: true, parent: '/remote.php/dav/files/me/Gloss/journals/' },
      // A weak etag cannot be used in If-Match: none rather than one that never matches.
      { file: { name: 'weak.bin', etag: null, size: 3 }, collection: false, parent: '/remote.php/dav/files/me/Gloss/journals/' },
    ]);
    expect(readMultistatus(UNPREFIXED, new URL('http://nas.local/dav/'))).toEqual([{ file: { name: 'x.bin', etag: 'abc', size: 7 }, collection: false, parent: '/dav/' }]);
  });
});
