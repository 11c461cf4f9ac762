/** Archives (zip, tar, gzip, tar.gz) read in memory, for the scanner and the leak guard. */
export { archiveKind, walkArchive, unsafePath, DEFAULT_LIMITS, type ArchiveKind, type ArchiveLimits, type ArchiveMember } from './walk.js';
export { readTar, isTar, type TarEntry } from './tar.js';
export { readZip, isZip, type ZipMember } from './zip.js';
