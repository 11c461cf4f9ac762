/** One archive reader (zip, tar, gzip, nested), shared by the scanner and the leak guard. */
export { readArchive } from './reader.js';
export { sniffArchive, tarHeaderOk, SNIFF_BYTES, type ArchiveKind } from './sniff.js';
export { unsafeName, mb, type ArchiveMember, type ArchiveNote, type ReadLimits } from './context.js';
export { ArchiveRefused } from './source.js';
