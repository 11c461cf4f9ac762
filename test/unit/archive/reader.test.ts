/**
 * src/archive, the one archive reader under the scanner and the leak guard: formats (zip
 * stored/deflated/zip64/data descriptors, ustar, GNU long names, pax, v7, gzip, tar.gz),
 * nesting and depth, every refusal (bombs, caps, liars, ../ names, encrypted, unsupported,
 * damaged) costing only its own member, streaming through odd chunk boundaries, `docker save`
 * layers, and archives written by the real tar, gzip and zip tools.
 */
import { describe, expect, it } from '@jest/globals';
import { hasGnuTar, itIf, itWithTools } from '../../runner/os.js';
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { crc32, deflateRawSync } from 'node:zlib';
import { ArchiveRefused, readArchive, sniffArchive, type ArchiveNote, type ReadLimits } from '../../../src/archive/index.js';
import { gz, makeTar, makeZip } from '../../e2e/scan-archives.js';
import { dockerSave, tar as gnuTar } from '../../e2e/guard-fixtures.js';

const SCANNER: ReadLimits = { maxDepth: 3, maxEntryBytes: 10 * 1048576, maxTotalBytes: 256 * 1048576, maxRatio: 200 };
const GUARD: ReadLimits = { maxDepth: 4, maxZipBytes: 512 * 1048576, refuseUnsafeNames: false, gzipNames: 'same' };

interface Read {
  members: Record<string, string>;
  notes: ArchiveNote[];
  reasons: Record<string, string>;
  unopened: Record<string, string>;
}

async function* chunked(b: Buffer, size: number): AsyncGenerator<Buffer> {
  for (let i = 0; i < b.length; i += size) yield Buffer.from(b.subarray(i, i + size));
}

/** Reads every member as a stream of chunks (as the guard does); refused members keep what streamed. */
async function read(input: Buffer | AsyncIterable<Buffer>, name: string, limits: ReadLimits = SCANNER): Promise<Read> {
  const notes: ArchiveNote[] = [];
  const members: Record<string, string> = {};
  const unopened: Record<string, string> = {};
  for await (const m of readArchive(input, name, limits, notes)) {
    if (m.unopened) unopened[m.path] = m.unopened.why;
    const parts: Buffer[] = [];
    try {
      for await (const c of m.chunks()) parts.push(c);
      members[m.path] = Buffer.concat(parts).toString('utf8');
    } catch (err) {
      expect(err).toBeInstanceOf(ArchiveRefused);
    }
  }
  return { members, notes, reasons: Object.fromEntries(notes.map((n) => [n.path, n.reason])), unopened };
}

/** A zip64 archive as zip tools write it past 4 GB: 0xffffffff in the 32-bit fields, the real values in zip64 extras and records. */
function makeZip64(entries: { name: string; data: string }[]): Buffer {
  const locals: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const data = Buffer.from(e.data);
    const comp = deflateRawSync(data);
    const name = Buffer.from(e.name);
    const extra = Buffer.alloc(4 + 24);
    extra.writeUInt16LE(1, 0);
    extra.writeUInt16LE(24, 2);
    extra.writeBigUInt64LE(BigInt(data.length), 4);
    extra.writeBigUInt64LE(BigInt(comp.length), 12);
    extra.writeBigUInt64LE(BigInt(offset), 20);
    const lh = Buffer.alloc(30);
    lh.writeUInt32LE(0x04034b50, 0);
    lh.writeUInt16LE(45, 4);
    lh.writeUInt16LE(8, 8);
    lh.writeUInt32LE(crc32(data), 14);
    lh.writeUInt32LE(0xffffffff, 18);
    lh.writeUInt32LE(0xffffffff, 22);
    lh.writeUInt16LE(name.length, 26);
    lh.writeUInt16LE(20, 28);
    locals.push(lh, name, extra.subarray(0, 20), comp);
    const ch = Buffer.alloc(46);
    ch.writeUInt32LE(0x02014b50, 0);
    ch.writeUInt16LE(45, 4);
    ch.writeUInt16LE(45, 6);
    ch.writeUInt16LE(8, 10);
    ch.writeUInt32LE(crc32(data), 16);
    ch.writeUInt32LE(0xffffffff, 20);
    ch.writeUInt32LE(0xffffffff, 24);
    ch.writeUInt16LE(name.length, 28);
    ch.writeUInt16LE(extra.length, 30);
    ch.writeUInt32LE(0xffffffff, 42);
    central.push(ch, name, extra);
    offset += 30 + name.length + 20 + comp.length;
  }
  const cd = Buffer.concat(central);
  const end64 = Buffer.alloc(56);
  end64.writeUInt32LE(0x06064b50, 0);
  end64.writeBigUInt64LE(44n, 4);
  end64.writeUInt16LE(45, 12);
  end64.writeUInt16LE(45, 14);
  end64.writeBigUInt64LE(BigInt(entries.length), 24);
  end64.writeBigUInt64LE(BigInt(entries.length), 32);
  end64.writeBigUInt64LE(BigInt(cd.length), 40);
  end64.writeBigUInt64LE(BigInt(offset), 48);
  const loc = Buffer.alloc(20);
  loc.writeUInt32LE(0x07064b50, 0);
  loc.writeBigUInt64LE(BigInt(offset + cd.length), 8);
  loc.writeUInt32LE(1, 16);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(0xffff, 8);
  end.writeUInt16LE(0xffff, 10);
  end.writeUInt32LE(0xffffffff, 12);
  end.writeUInt32LE(0xffffffff, 16);
  return Buffer.concat([...locals, cd, end64, loc, end]);
}

/** Offsets of each central directory header of a zip. */
function centralHeaders(z: Buffer): number[] {
  const out: number[] = [];
  for (let i = z.indexOf('PK\x01\x02'); i >= 0; i = z.indexOf('PK\x01\x02', i + 4)) out.push(i);
  return out;
}

describe('sniffing by first bytes', () => {
  it('knows zip (and an empty zip), gzip and tar (ustar, GNU, v7 by its checksum), and nothing else', () => {
    expect(sniffArchive(makeZip([{ name: 'a', data: 'a' }]))).toBe('zip');
    const empty = Buffer.alloc(22);
    empty.writeUInt32LE(0x06054b50, 0);
    expect(sniffArchive(empty)).toBe('zip');
    expect(sniffArchive(gz('x'))).toBe('gzip');
    expect(sniffArchive(makeTar([{ name: 'a', data: 'a' }]))).toBe('tar');
    const v7 = makeTar([{ name: 'a', data: 'a' }]);
    v7.fill(0, 257, 265);
    let sum = 0;
    v7.fill(0x20, 148, 156);
    for (let i = 0; i < 512; i++) sum += v7[i]!;
    v7.write(`${sum.toString(8).padStart(6, '0')}\0 `, 148);
    expect(sniffArchive(v7)).toBe('tar');
    const bad = makeTar([{ name: 'a', data: 'a' }]);
    bad[0] = 0x62;
    expect(sniffArchive(bad)).toBeNull();
    expect(sniffArchive(Buffer.from('just text, no archive'))).toBeNull();
    expect(sniffArchive(Buffer.alloc(1024))).toBeNull();
  });
});

describe('formats', () => {
  it('zip stored and deflated, tar with pax and GNU long names, gz and tar.gz, named outer!inner', async () => {
    const long = `${'d/'.repeat(60)}deep.txt`;
    expect(
      (
        await read(
          makeZip([
            { name: 'a.txt', data: 'alpha' },
            { name: 'dir/b.txt', data: 'beta', store: true },
            { name: 'dir/', data: '' },
          ]),
          'x.zip',
        )
      ).members,
    ).toEqual({ 'x.zip!a.txt': 'alpha', 'x.zip!dir/b.txt': 'beta' });
    expect(
      (
        await read(
          makeTar([
            { name: 'c.txt', data: 'gamma' },
            { name: long, data: 'pax' },
          ]),
          'p.tar',
        )
      ).members,
    ).toEqual({ 'p.tar!c.txt': 'gamma', [`p.tar!${long}`]: 'pax' });
    expect((await read(gnuTar({ [long]: 'gnu', 'e.txt': 'eps' }), 'g.tar')).members).toEqual({ [`g.tar!${long}`]: 'gnu', 'g.tar!e.txt': 'eps' });
    expect((await read(gz('plain'), 'notes.txt.gz')).members).toEqual({ 'notes.txt.gz!notes.txt': 'plain' });
    expect((await read(gz(makeTar([{ name: './e.txt', data: 'eps' }])), 'r.tgz')).members).toEqual({ 'r.tgz!e.txt': 'eps' });
  });

  it('zip64: sizes and offsets from the zip64 extra field and the zip64 end records', async () => {
    const r = await read(
      makeZip64([
        { name: 'one.txt', data: 'first' },
        { name: 'two/two.txt', data: 'second' },
      ]),
      'big.zip',
    );
    expect(r.notes).toEqual([]);
    expect(r.members).toEqual({ 'big.zip!one.txt': 'first', 'big.zip!two/two.txt': 'second' });
  });

  it("the guard names a gzip's content as the gzip itself and reads ../ members (it searches, it never extracts)", async () => {
    expect((await read(gz('plain'), 'notes.txt.gz', GUARD)).members).toEqual({ 'notes.txt.gz': 'plain' });
    const z = makeZip([{ name: '../up.txt', data: 'up' }]);
    expect((await read(z, 'u.zip', GUARD)).members).toEqual({ 'u.zip!../up.txt': 'up' });
    expect((await read(z, 'u.zip')).reasons).toEqual({ 'u.zip!../up.txt': 'member with a ../ path: not read' });
  });

  it('streams: the same members whatever the chunk boundaries, a Buffer from read() equal to the chunks', async () => {
    const inner = makeZip([{ name: 'z.txt', data: 'zed' }]);
    const t = gz(
      makeTar([
        { name: 'a.txt', data: 'a'.repeat(1000) },
        { name: 'in.zip', data: inner },
        { name: `${'x/'.repeat(70)}y.txt`, data: 'why' },
      ]),
    );
    const whole = await read(t, 't.tgz');
    for (const size of [1, 7, 512, 65536]) expect(await read(chunked(t, size), 't.tgz')).toEqual(whole);
    expect(Object.keys(whole.members)).toEqual(['t.tgz!a.txt', 't.tgz!in.zip!z.txt', `t.tgz!${'x/'.repeat(70)}y.txt`]);
    const got: Record<string, string> = {};
    for await (const m of readArchive(t, 't.tgz', SCANNER, [])) got[m.path] = (await m.read())?.toString('utf8') ?? 'null';
    expect(got).toEqual(whole.members);
  });

  it('docker save: the image tar, its gzipped and plain layers, the files inside, streamed in small chunks', async () => {
    const image = dockerSave([{ 'app/config.json': '{"k":"one"}' }, { 'etc/creds': 'two' }, { 'srv/x.txt': 'three' }]);
    const r = await read(chunked(image, 4096), 'image.tar', GUARD);
    const files = Object.entries(r.members)
      .filter(([p]) => /!blobs\/sha256\/[0-9a-f]{64}!/.test(p))
      .map(([p, v]) => `${p.split('!').pop()}=${v}`);
    expect(files.sort()).toEqual(['app/config.json={"k":"one"}', 'etc/creds=two', 'srv/x.txt=three']);
    expect(r.members['image.tar!manifest.json']).toContain('RepoTags');
    expect(r.notes).toEqual([]);
  });
});

describe('depth', () => {
  const nested = gz(
    makeTar([
      { name: 'inner.tar', data: makeTar([{ name: 'z.zip', data: makeZip([{ name: 't.txt', data: 'deep' }]) }]) },
      { name: 'top.txt', data: 'top' },
    ]),
  );

  it('opens archives inside archives while the depth allows (tar.gz is one layer), hands deeper ones over unopened', async () => {
    expect((await read(nested, 'r.tgz', { ...SCANNER, maxDepth: 3 })).members).toEqual({ 'r.tgz!inner.tar!z.zip!t.txt': 'deep', 'r.tgz!top.txt': 'top' });
    const two = await read(nested, 'r.tgz', { ...SCANNER, maxDepth: 2 });
    expect(two.unopened).toEqual({ 'r.tgz!inner.tar!z.zip': 'too deep' });
    expect(two.members['r.tgz!top.txt']).toBe('top');
    const zero = await read(nested, 'r.tgz', { ...SCANNER, maxDepth: 0 });
    expect(zero.unopened).toEqual({ 'r.tgz': 'too deep' });
    // a gzip that is not a tar is a layer of its own: x.gz!x, then what x holds
    const gzZip = gz(makeZip([{ name: 'k.txt', data: 'k' }]));
    expect((await read(gzZip, 'p.zip.gz', { ...SCANNER, maxDepth: 2 })).members).toEqual({ 'p.zip.gz!p.zip!k.txt': 'k' });
    expect((await read(gzZip, 'p.zip.gz', { ...SCANNER, maxDepth: 1 })).unopened).toEqual({ 'p.zip.gz!p.zip': 'too deep' });
  });
});

describe('refusals cost only their own member', () => {
  it('zip: a bomb by ratio, an oversized member, a liar, ../ and absolute names, encrypted and unsupported members', async () => {
    const z = makeZip([
      { name: 'ratio.txt', data: Buffer.alloc(5 * 1048576, 0x43) },
      { name: 'big.txt', data: Buffer.alloc(3 * 1048576, 0x41), store: true },
      { name: 'liar.txt', data: Buffer.alloc(3 * 1048576, 0x42), declaredSize: 10 },
      { name: '../escape.txt', data: 'x' },
      { name: '/etc/abs.txt', data: 'x' },
      { name: 'C:/win.txt', data: 'x' },
      { name: 'enc.txt', data: 'x' },
      { name: 'bz.txt', data: 'x' },
      { name: 'ok.txt', data: 'fine' },
    ]);
    const ch = centralHeaders(z);
    z.writeUInt16LE(z.readUInt16LE(ch[6]! + 8) | 1, ch[6]! + 8);
    z.writeUInt16LE(12, ch[7]! + 10);
    const r = await read(z, 'evil.zip', { ...SCANNER, maxEntryBytes: 2 * 1048576 });
    expect(r.members).toEqual({ 'evil.zip!ok.txt': 'fine' });
    expect(r.reasons).toEqual({
      'evil.zip!ratio.txt': 'unpacks to 5.0 MB, over the 2.0 MB cap: not read',
      'evil.zip!big.txt': 'unpacks to 3.0 MB, over the 2.0 MB cap: not read',
      'evil.zip!liar.txt': 'unpacks past its declared size: not read (a zip bomb?)',
      'evil.zip!../escape.txt': 'member with a ../ path: not read',
      'evil.zip!/etc/abs.txt': 'member with an absolute path: not read',
      'evil.zip!C:/win.txt': 'member with an absolute path: not read',
      'evil.zip!enc.txt': 'encrypted member: not read',
      'evil.zip!bz.txt': 'compression method 12 is not supported: not read',
    });
    const ratio = await read(
      makeZip([
        { name: 'r.txt', data: Buffer.alloc(5 * 1048576, 0x43) },
        { name: 'b.txt', data: 'b' },
      ]),
      'r.zip',
    );
    expect(ratio.notes).toEqual([{ path: 'r.zip!r.txt', reason: 'compression ratio over 200:1: not read (a zip bomb?)' }]);
    expect(ratio.members).toEqual({ 'r.zip!b.txt': 'b' });
  });

  it('tar and gzip: an oversized member, ../ names, a gzip bomb by size and by ratio, the total cap', async () => {
    const t = makeTar([
      { name: 'big.bin', data: Buffer.alloc(3 * 1048576) },
      { name: '../../x.txt', data: 'x' },
      { name: 'ok.txt', data: 'ok' },
    ]);
    const r = await read(t, 't.tar', { ...SCANNER, maxEntryBytes: 2 * 1048576 });
    expect(r.members).toEqual({ 't.tar!ok.txt': 'ok' });
    expect(r.reasons).toEqual({ 't.tar!big.bin': '3.0 MB, over the 2.0 MB cap: not read', 't.tar!../../x.txt': 'member with a ../ path: not read' });
    const capped = await read(gz(Buffer.alloc(20 * 1048576)), 'big.gz', { ...SCANNER, maxEntryBytes: 1048576 });
    expect(capped.notes).toEqual([{ path: 'big.gz!big', reason: 'gzip data unpacks past 1.0 MB: not read (a gzip bomb or an oversized member)' }]);
    const bomb = await read(
      gz(
        makeTar([
          { name: 'zeros', data: Buffer.alloc(9 * 1048576) },
          { name: 'after.txt', data: 'a' },
        ]),
      ),
      'b.tgz',
    );
    expect(bomb.notes).toEqual([{ path: 'b.tgz', reason: 'compression ratio over 200:1: not read (a gzip bomb?)' }]);
    const total = await read(makeTar([1, 2, 3, 4].map((i) => ({ name: `f${i}.txt`, data: Buffer.alloc(1048576, 0x61) }))), 'many.tar', {
      ...SCANNER,
      maxTotalBytes: 2.5 * 1048576,
    });
    expect(Object.keys(total.members)).toEqual(['many.tar!f1.txt', 'many.tar!f2.txt']);
    expect(total.notes).toEqual([{ path: 'many.tar!f3.txt', reason: 'the archive unpacks to more than 2.5 MB: the rest of it was not read' }]);
  });

  it('damaged: a tar header, a truncated tar or tgz, an unreadable zip (handed back whole), a local header, deflate data, a central directory', async () => {
    const t = makeTar([
      { name: 'a.txt', data: 'a' },
      { name: 'b.txt', data: 'b' },
    ]);
    t[512 * 2 + 10] = 0x7a;
    const bad = await read(t, 'bad.tar');
    expect(bad.members).toEqual({ 'bad.tar!a.txt': 'a' });
    expect(bad.notes).toEqual([{ path: 'bad.tar', reason: 'a tar header is damaged: the rest of the archive was not read' }]);
    const cut = await read(
      makeTar([
        { name: 'a.txt', data: 'a' },
        { name: 'b.txt', data: 'b'.repeat(2000) },
      ]).subarray(0, 512 * 3 + 100),
      'cut.tar',
    );
    expect(cut.members).toEqual({ 'cut.tar!a.txt': 'a' });
    expect(cut.notes).toEqual([{ path: 'cut.tar', reason: 'the tar archive ends inside a member' }]);
    const tgz = gz(
      makeTar([
        { name: 'a.txt', data: 'a' },
        { name: 'r.bin', data: Buffer.from(Array.from({ length: 200000 }, (_, i) => (i * 7919) % 251)) },
      ]),
    );
    const cutGz = await read(tgz.subarray(0, Math.floor(tgz.length / 2)), 'cut.tgz');
    expect(cutGz.members['cut.tgz!a.txt']).toBe('a');
    expect(cutGz.notes[0]).toEqual({ path: 'cut.tgz', reason: 'gzip data could not be read to the end (unexpected end of file)' });
    const z = makeZip([{ name: 'a.txt', data: 'a' }]);
    const unreadable = await read(z.subarray(0, z.length - 30), 'cut.zip');
    expect(unreadable.unopened).toEqual({ 'cut.zip': 'unreadable' });
    expect(unreadable.notes[0]?.reason).toMatch(/^not a readable zip \(/);
    const local = makeZip([
      { name: 'a.txt', data: 'alpha', store: true },
      { name: 'b.txt', data: 'beta', store: true },
      { name: 'c.txt', data: 'gamma' },
    ]);
    local.writeUInt32LE(0x04034b51, 40);
    expect(await read(local, 'l.zip')).toMatchObject({
      members: { 'l.zip!a.txt': 'alpha', 'l.zip!c.txt': 'gamma' },
      reasons: { 'l.zip!b.txt': 'its local header is damaged: not read' },
    });
    const deflated = makeZip([
      { name: 'a.txt', data: 'alpha alpha alpha' },
      { name: 'b.txt', data: 'beta' },
    ]);
    deflated.fill(0xff, 35, 40);
    const d = await read(deflated, 'd.zip');
    expect(d.members).toEqual({ 'd.zip!b.txt': 'beta' });
    expect(d.reasons['d.zip!a.txt']).toMatch(/damaged|could not be read/);
    const cd = makeZip([
      { name: 'a.txt', data: 'a' },
      { name: 'b.txt', data: 'b' },
    ]);
    cd.writeUInt32LE(0x02014b51, centralHeaders(cd)[1]!);
    const c = await read(cd, 'cd.zip');
    expect(c.members).toEqual({ 'cd.zip!a.txt': 'a' });
    expect(c.notes[0]?.reason).toMatch(/^the zip central directory is damaged .*: the rest of the archive was not read$/);
    expect((await read(Buffer.from([0x1f, 0x8b, 8, 0, 1, 2, 3]), 'notgz.gz', GUARD)).notes).toEqual([
      { path: 'notgz.gz', reason: expect.stringMatching(/^gzip data could not be read to the end/) },
    ]);
  });

  it('the guard has no member caps: a large tar member streams through in chunks', async () => {
    const big = Buffer.alloc(30 * 1048576, 0x61);
    big.write('needle', big.length - 10);
    let bytes = 0;
    let chunks = 0;
    for await (const m of readArchive(chunked(gz(makeTar([{ name: 'big.txt', data: big }])), 1 << 20), 'big.tgz', GUARD, [])) {
      for await (const c of m.chunks()) {
        bytes += c.length;
        chunks++;
      }
    }
    expect(bytes).toBe(big.length);
    expect(chunks).toBeGreaterThan(100);
  });
});

describe('archives written by the real tools (tar, gzip, zip)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'ps-archive-tools-'));
  const src = join(dir, 'src');
  const long = `${'deep/'.repeat(25)}long.txt`;
  mkdirSync(join(src, ...long.split('/').slice(0, -1)), { recursive: true });
  writeFileSync(join(src, 'a.txt'), 'alpha\n');
  writeFileSync(join(src, long), 'long\n');
  const run = (cmd: string, args: string[]): Buffer => execFileSync(cmd, args, { cwd: src, stdio: ['ignore', 'pipe', 'pipe'] });
  const out = (name: string): string => join(dir, name);

  itIf(hasGnuTar, 'GNU tar is not installed')('GNU tar in gnu, pax, ustar and v7 formats, tar czf, gzip', async () => {
    const want = { 'x!a.txt': 'alpha\n', [`x!${long}`]: 'long\n' };
    for (const format of ['gnu', 'pax']) {
      run('tar', [`--format=${format}`, '-cf', out(`${format}.tar`), 'a.txt', long]);
      expect((await read(readFileSync(out(`${format}.tar`)), 'x')).members).toEqual(want);
    }
    run('tar', ['--format=v7', '-cf', out('v7.tar'), 'a.txt']);
    expect(sniffArchive(readFileSync(out('v7.tar')))).toBe('tar');
    expect((await read(readFileSync(out('v7.tar')), 'x')).members).toEqual({ 'x!a.txt': 'alpha\n' });
    run('tar', ['-czf', out('t.tgz'), '.']);
    const tgz = await read(chunked(readFileSync(out('t.tgz')), 1000), 'x');
    expect(tgz.members).toEqual(want);
    expect((await read(run('gzip', ['-c', 'a.txt']), 'a.txt.gz')).members).toEqual({ 'a.txt.gz!a.txt': 'alpha\n' });
  });

  itWithTools('zip')('Info-ZIP zip: deflated, stored, forced zip64, and streamed to stdout (data descriptors)', async () => {
    const want = { 'x!a.txt': 'alpha\n', [`x!${long}`]: 'long\n' };
    run('zip', ['-q', '-r', out('d.zip'), 'a.txt', 'deep']);
    expect((await read(readFileSync(out('d.zip')), 'x')).members).toEqual(want);
    run('zip', ['-q', '-0', '-r', out('s.zip'), 'a.txt', 'deep']);
    expect((await read(readFileSync(out('s.zip')), 'x')).members).toEqual(want);
    run('zip', ['-q', '-fz', out('z64.zip'), 'a.txt', long]);
    expect((await read(readFileSync(out('z64.zip')), 'x')).members).toEqual(want);
    const streamed = run('zip', ['-q', '-', 'a.txt', long]);
    expect((await read(streamed, 'x')).members).toEqual(want);
    run('zip', ['-q', out('outer.zip'), 'a.txt']);
    run('tar', ['-czf', out('nest.tgz'), '-C', dir, 'outer.zip']);
    expect((await read(readFileSync(out('nest.tgz')), 'n.tgz')).members).toEqual({ 'n.tgz!outer.zip!a.txt': 'alpha\n' });
  });
});
