/**
 * What the media rules (media/rules/) need of the store of record: the rows of
 * uploads, files, the messages that carry files, per-user daily upload bytes,
 * instant-upload challenges and blobs waiting to be deleted. Part of the store
 * port (chat/store-port.ts): `MediaTx` inside a write transaction (the send's
 * transaction records its file references here too), `MediaReads` outside one.
 * Both store adapters implement it with SQL and row mapping only; every rule
 * (limits, ownership, leases, who may download) is decided above it, once.
 *
 * Invariants an adapter keeps, beyond the store port's:
 * - `lockUploads` and `lockFiles(ids, true)` order every writer of those rows
 *   behind the others for the rest of the transaction (PostgreSQL: FOR UPDATE;
 *   SQLite: its single writer). `lockFiles(ids, false)` and `lockFileByContent`
 *   keep the rows from being deleted until the transaction ends (FOR SHARE), so a
 *   new reference to a file or its blob cannot race the collector.
 * - `addUsage` is atomic: two transactions adding to one (user, day) never lose
 *   an addition, and each sees the total its own addition made.
 * - `takeChallenge` returns a challenge to one transaction only (it is deleted).
 */
import type { MemberRow } from '../chat/store-port.ts';

/** How an upload takes part in tus concatenation. */
export const UploadKind = {
  /** An ordinary upload: it becomes a file when complete. */
  WHOLE: 0,
  /** `Upload-Concat: partial`: a part of a final upload, never a file itself. */
  PARTIAL: 1,
  /** `Upload-Concat: final;…`: the concatenation of its parts, which becomes the file. */
  FINAL: 2,
} as const;
export type UploadKind = (typeof UploadKind)[keyof typeof UploadKind];

/** An upload (a tus resource) as the store keeps it. */
export interface UploadRow {
  id: string;
  ownerId: string;
  /** The declared length, or null while deferred (Upload-Defer-Length: 1). */
  length: number | null;
  /** Bytes durably stored and acknowledged. */
  offset: number;
  /** Upload-Metadata as the client sent it (checked), given back on HEAD. */
  metadata: string;
  /** The file name it will have (sanitised) and the MIME type it claims (checked syntax). */
  name: string;
  mime: string;
  kind: UploadKind;
  /** A final upload's partial uploads, in order. */
  parts: string[];
  /** A partial upload: the final upload that consumes it ('' while none does). */
  consumedBy: string;
  createdAt: number;
  /** After this (ms since epoch) an unfinished upload is dead and its bytes reclaimed; a finished one's row is dropped. */
  expiresAt: number;
  /** The lease of the one request writing it ('' when none), and until when it holds (ms since epoch). */
  leaseToken: string;
  leaseUntil: number;
  /** The file it became ('' until then). */
  fileId: string;
}

/** Width, height and duration of a file's content, and its thumbnail, when known. */
export interface FileMedia {
  width: number | null;
  height: number | null;
  durationMs: number | null;
  /** '' when none was made. */
  thumbnailId: string;
}

/** A complete file. */
export interface FileRow extends FileMedia {
  id: string;
  /** Who uploaded it (or obtained it by instant upload). */
  ownerId: string;
  size: number;
  /** SHA-256 of the content, lowercase hex. */
  sha256: string;
  mime: string;
  name: string;
  /** Where its bytes are in the blob store; files with the same content may share one. */
  blobKey: string;
  createdAt: number;
  /** From when the collector may delete it if no message carries it; null once a message did. */
  gcAfter: number | null;
}

/** A message that carries a file. */
export interface FileRef {
  fileId: string;
  conversationId: string;
  seq: number;
}

/** A message carrying a file (or a file whose thumbnail it is), with one user's member row there. */
export interface FileAccessRow {
  conversationId: string;
  seq: number;
  member: MemberRow;
  /** The user deleted that message for themselves. */
  hidden: boolean;
}

/** An instant-upload challenge: prove you hold the content by the SHA-256 of its bytes start..end. */
export interface ChallengeRow {
  id: string;
  userId: string;
  sha256: string;
  size: number;
  start: number;
  end: number;
  /** The new file's name and type, as asked for (checked). */
  name: string;
  mime: string;
  expiresAt: number;
}

/** Media reads and writes of one write transaction. */
export interface MediaTx {
  insertUpload(row: UploadRow): Promise<void>;
  /** The rows of those of `ids` that exist, locked for this transaction. */
  lockUploads(ids: readonly string[]): Promise<Map<string, UploadRow>>;
  /** Write back every mutable column of an upload. */
  updateUpload(row: UploadRow): Promise<void>;
  deleteUploads(ids: readonly string[]): Promise<void>;
  /** Uploads of `ownerId` that have not become a file and have not expired at `now`. */
  countUnfinishedUploads(ownerId: string, now: number): Promise<number>;

  insertFile(row: FileRow): Promise<void>;
  /** The rows of those of `ids` that exist: kept from deletion (`forUpdate` false) or locked for it (true). */
  lockFiles(ids: readonly string[], forUpdate: boolean): Promise<Map<string, FileRow>>;
  /** A file with this content, kept from deletion for this transaction; undefined if none. */
  lockFileByContent(sha256: string, size: number): Promise<FileRow | undefined>;
  deleteFiles(ids: readonly string[]): Promise<void>;
  /** Those of `ids` that a message carries or that are the thumbnail of a file. */
  referencedFiles(ids: readonly string[]): Promise<Set<string>>;
  /** Those of `keys` that some file's bytes are in. */
  blobsInUse(keys: readonly string[]): Promise<Set<string>>;
  setFileMedia(id: string, media: FileMedia): Promise<void>;
  /** Set when the collector may look at these files again (null: not a candidate). */
  setFilesGcAfter(ids: readonly string[], gcAfter: number | null): Promise<void>;

  insertFileRefs(refs: readonly FileRef[]): Promise<void>;
  /** Drop the references of these messages; returns the files they named. */
  deleteFileRefs(conversationId: string, seqs: readonly number[]): Promise<string[]>;

  /** Add `delta` bytes to a user's usage of `day` (days since the epoch, UTC); returns the new total. */
  addUsage(userId: string, day: number, delta: number): Promise<number>;

  insertChallenge(row: ChallengeRow): Promise<void>;
  /** The challenge, deleted: no other transaction gets it. */
  takeChallenge(id: string): Promise<ChallengeRow | undefined>;
  deleteExpiredChallenges(now: number): Promise<void>;

  /** Blobs to delete from the blob store (by the collector, after this commits). */
  trashBlobs(keys: readonly string[], now: number): Promise<void>;
  /** Blobs deleted from the blob store: forget them. */
  untrashBlobs(keys: readonly string[]): Promise<void>;
}

/** Committed media reads. */
export interface MediaReads {
  getUpload(id: string): Promise<UploadRow | undefined>;
  getFile(id: string): Promise<FileRow | undefined>;
  /** A file with this content, if any. */
  fileByContent(sha256: string, size: number): Promise<FileRow | undefined>;
  /**
   * The messages carrying file `fileId`, or a file whose thumbnail it is, in
   * conversations `userId` is or was a member of: each with their member row and
   * whether they deleted that message for themselves. At most `limit`.
   */
  fileAccess(fileId: string, userId: string, limit: number): Promise<FileAccessRow[]>;
  /** A user's upload bytes of `day`. */
  usage(userId: string, day: number): Promise<number>;
  /** Uploads whose `expiresAt` is before `now`, oldest first. */
  expiredUploads(now: number, limit: number): Promise<UploadRow[]>;
  /** Files whose `gcAfter` is before `now` (candidates: the collector checks each again), oldest first. */
  collectableFiles(now: number, limit: number): Promise<string[]>;
  /** Blobs waiting to be deleted. */
  trashedBlobs(limit: number): Promise<string[]>;
}
