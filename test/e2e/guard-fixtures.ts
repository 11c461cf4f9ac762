/** Archive builders for the leak guard's tests: ustar (long names as GNU 'L'), gzip, zip, `docker save`. */
import { crc32, deflateRawSync, gzipSync } from 'node:zlib';
import { createHash } from 'node:crypto';

function header(name: string, size: number, type: string): Buffer {
  const h = Buffer.alloc(512);
  h.write(name.slice(0, 100), 0, 'utf8');
  h.write('0000644\0', 100);
  h.write('0000000\0', 108);
  h.write('0000000\0', 116);
  h.write(`${size.toString(8).padStart(11, '0')}\0`, 124);
  h.write('00000000000\0', 136);
  h.write('        ', 148);
  h.write(type, 156);
  h.write('ustar\0', 257);
  h.write('00', 263);
  let sum = 0;
  for (const x of h) sum += x;
  h.write(`${sum.toString(8).padStart(6, '0')}\0 `, 148);
  return h;
}

function padded(data: Buffer): Buffer {
  return Buffer.concat([data, Buffer.alloc((512 - (data.length % 512)) % 512)]);
}

export function tar(files: Record<string, string | Buffer>): Buffer {
  const parts: Buffer[] = [];
  for (const [name, content] of Object.entries(files)) {
    const data = Buffer.isBuffer(content) ? content : Buffer.from(content);
    if (Buffer.byteLength(name) > 100) {
      const long = Buffer.from(`${name}\0`);
      parts.push(header('././@LongLink', long.length, 'L'), padded(long));
    }
    parts.push(header(name, data.length, '0'), padded(data));
  }
  parts.push(Buffer.alloc(1024));
  return Buffer.concat(parts);
}

export function zip(files: Record<string, string | Buffer>, deflate = true): Buffer {
  const locals: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const [name, content] of Object.entries(files)) {
    const data = Buffer.isBuffer(content) ? content : Buffer.from(content);
    const body = deflate ? deflateRawSync(data) : data;
    const n = Buffer.from(name);
    const l = Buffer.alloc(30);
    l.writeUInt32LE(0x04034b50, 0);
    l.writeUInt16LE(20, 4);
    l.writeUInt16LE(0x800, 6);
    l.writeUInt16LE(deflate ? 8 : 0, 8);
    l.writeUInt32LE(crc32(data), 14);
    l.writeUInt32LE(body.length, 18);
    l.writeUInt32LE(data.length, 22);
    l.writeUInt16LE(n.length, 26);
    const c = Buffer.alloc(46);
    c.writeUInt32LE(0x02014b50, 0);
    c.writeUInt16LE(20, 4);
    c.writeUInt16LE(20, 6);
    c.writeUInt16LE(0x800, 8);
    c.writeUInt16LE(deflate ? 8 : 0, 10);
    c.writeUInt32LE(crc32(data), 16);
    c.writeUInt32LE(body.length, 20);
    c.writeUInt32LE(data.length, 24);
    c.writeUInt16LE(n.length, 28);
    c.writeUInt32LE(offset, 42);
    locals.push(l, n, body);
    central.push(c, n);
    offset += 30 + n.length + body.length;
  }
  const cd = Buffer.concat(central);
  const e = Buffer.alloc(22);
  e.writeUInt32LE(0x06054b50, 0);
  e.writeUInt16LE(Object.keys(files).length, 8);
  e.writeUInt16LE(Object.keys(files).length, 10);
  e.writeUInt32LE(cd.length, 12);
  e.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, cd, e]);
}

export const gzip = (b: Buffer): Buffer => gzipSync(b);

/**
 * A `docker save` tarball as Docker 25+ writes it (OCI layout: index.json, manifest.json,
 * blobs/sha256/<digest>), one layer gzipped and one plain (the older <id>/layer.tar style).
 */
export function dockerSave(layers: Record<string, string | Buffer>[]): Buffer {
  const files: Record<string, Buffer> = {};
  const digests: string[] = [];
  layers.forEach((layer, i) => {
    const blob = i % 2 === 0 ? gzip(tar(layer)) : tar(layer);
    const digest = createHash('sha256').update(blob).digest('hex');
    files[`blobs/sha256/${digest}`] = blob;
    digests.push(`blobs/sha256/${digest}`);
  });
  const config = Buffer.from(JSON.stringify({ architecture: 'amd64', os: 'linux', rootfs: { type: 'layers' } }));
  const configDigest = createHash('sha256').update(config).digest('hex');
  files[`blobs/sha256/${configDigest}`] = config;
  files['manifest.json'] = Buffer.from(JSON.stringify([{ Config: `blobs/sha256/${configDigest}`, RepoTags: ['app:latest'], Layers: digests }]));
  files['index.json'] = Buffer.from(JSON.stringify({ schemaVersion: 2, manifests: [] }));
  files['oci-layout'] = Buffer.from('{"imageLayoutVersion":"1.0.0"}');
  return tar(files);
}
