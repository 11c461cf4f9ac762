/** Archives (zip, tar, gzip, tar.gz) for the scanner, read by src/archive. */
export { archiveKind, walkArchive, unsafePath, DEFAULT_LIMITS, type ArchiveKind, type ArchiveLimits, type ArchiveMember } from './walk.js';
