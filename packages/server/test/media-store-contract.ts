/**
 * The media part of the store port (media/media-port.ts): one suite that both
 * store adapters run unchanged, through the port only (the chat rules write the
 * conversations and messages some reads join with). `open` returns a fresh,
 * empty store.
 */
import assert from 'node:assert/strict';
import { afterEach, beforeEach, describe, test } from 'node:test';
import { directConversationId, MessageOpKind, MessageType } from '@parley/protocol';
import { ChatStore } from '../src/chat/rules/chat-store.ts';
import type { StorePort } from '../src/chat/store-port.ts';
import { UploadKind, type ChallengeRow, type FileRow, type UploadRow } from '../src/media/media-port.ts';

function upload(id: string, fields: Partial<UploadRow> = {}): UploadRow {
  return {
    id, ownerId: 'ann', length: 100, offset: 0, metadata: 'filename YS50eHQ=', name: 'a.txt', mime: 'text/plain', kind: UploadKind.WHOLE,
    parts: [], consumedBy: '', createdAt: 1000, expiresAt: 10_000, leaseToken: '', leaseUntil: 0, fileId: '', ...fields,
  };
}

function file(id: string, fields: Partial<FileRow> = {}): FileRow {
  return {
    id, ownerId: 'ann', size: 3, sha256: 'ab'.repeat(32), mime: 'text/plain', name: `${id}.txt`, blobKey: `blob-${id}`, createdAt: 1000,
    width: null, height: null, durationMs: null, thumbnailId: '', gcAfter: 5000, ...fields,
  };
}

export function mediaStoreContract(name: string, open: () => Promise<StorePort>): void {
  describe(`Media store contract: ${name}`, () => {
    let port: StorePort;
    beforeEach(async () => {
      port = await open();
      for (const id of ['ann', 'ben', 'cat']) await port.createUser({ id, displayName: id, passwordHash: null, createdAt: 0 });
    });
    afterEach(async () => {
      await port.close();
    });

    test('uploads: inserted, locked, written back whole, counted while unfinished, listed when expired, deleted', async () => {
      await port.write(async (tx) => {
        await tx.insertUpload(upload('u1'));
        await tx.insertUpload(upload('u2', { length: null, kind: UploadKind.PARTIAL, expiresAt: 20_000 }));
        await tx.insertUpload(upload('u3', { ownerId: 'ben' }));
      });
      assert.deepEqual(await port.getUpload('u1'), upload('u1'));
      assert.equal((await port.getUpload('u2'))?.length, null, 'a deferred length stays null');
      const changed = upload('u1', {
        length: 5_000_000_000, offset: 4_000_000_000, kind: UploadKind.FINAL, parts: ['p1', 'p2'], consumedBy: 'f', expiresAt: 30_000,
        leaseToken: 'lease', leaseUntil: 12_345, fileId: 'file1', name: 'b.txt', mime: 'image/png', metadata: 'filename Yi50eHQ=',
      });
      await port.write(async (tx) => {
        const locked = await tx.lockUploads(['u1', 'u1', 'nothing']);
        assert.deepEqual([...locked.keys()], ['u1']);
        await tx.updateUpload(changed);
      });
      assert.deepEqual(await port.getUpload('u1'), changed, 'every mutable column, and offsets past 2^32');
      assert.equal(await port.write((tx) => tx.countUnfinishedUploads('ann', 15_000)), 1, 'u1 became a file; u2 is unfinished until 20,000');
      assert.equal(await port.write((tx) => tx.countUnfinishedUploads('ann', 25_000)), 0, 'u2 expired');
      assert.deepEqual((await port.expiredUploads(25_000, 10)).map((u) => u.id), ['u3', 'u2'], 'oldest expiry first');
      assert.deepEqual((await port.expiredUploads(25_000, 1)).map((u) => u.id), ['u3']);
      await port.write((tx) => tx.deleteUploads(['u2', 'u3']));
      assert.equal(await port.getUpload('u2'), undefined);
      assert.deepEqual((await port.expiredUploads(25_000, 10)).map((u) => u.id), []);
    });

    test('a write that fails leaves no upload or file behind', async () => {
      await assert.rejects(
        port.write(async (tx) => {
          await tx.insertUpload(upload('gone'));
          await tx.insertFile(file('gone'));
          throw new Error('refused');
        }),
        /refused/,
      );
      assert.equal(await port.getUpload('gone'), undefined);
      assert.equal(await port.getFile('gone'), undefined);
    });

    test('files: found by id and by content, media set, deleted; which blobs are in use', async () => {
      await port.write(async (tx) => {
        await tx.insertFile(file('f1', { createdAt: 2000 }));
        await tx.insertFile(file('f2', { createdAt: 1000, blobKey: 'blob-f1', ownerId: 'ben' }));
        await tx.insertFile(file('f3', { sha256: 'cd'.repeat(32), size: 3 }));
      });
      assert.deepEqual(await port.getFile('f1'), file('f1', { createdAt: 2000 }));
      assert.equal((await port.fileByContent('ab'.repeat(32), 3))?.id, 'f2', 'the oldest file with that content');
      assert.equal(await port.fileByContent('ab'.repeat(32), 4), undefined, 'the size is part of the content');
      await port.write(async (tx) => {
        assert.equal((await tx.lockFileByContent('cd'.repeat(32), 3))?.id, 'f3');
        assert.deepEqual([...(await tx.lockFiles(['f3', 'f1', 'none'], true)).keys()].sort(), ['f1', 'f3']);
        assert.deepEqual([...(await tx.lockFiles(['f2'], false)).keys()], ['f2']);
        await tx.setFileMedia('f1', { width: 640, height: 480, durationMs: 1500, thumbnailId: 'f3' });
        assert.deepEqual([...(await tx.blobsInUse(['blob-f1', 'blob-f3', 'blob-none']))].sort(), ['blob-f1', 'blob-f3']);
      });
      const f1 = await port.getFile('f1');
      assert.deepEqual([f1?.width, f1?.height, f1?.durationMs, f1?.thumbnailId], [640, 480, 1500, 'f3']);
      await port.write((tx) => tx.deleteFiles(['f2']));
      assert.equal(await port.getFile('f2'), undefined);
      assert.deepEqual([...(await port.write((tx) => tx.blobsInUse(['blob-f1'])))], ['blob-f1'], 'f1 still uses it');
    });

    test('the collector: candidates by gcAfter; references by messages and by thumbnails protect a file', async () => {
      await port.write(async (tx) => {
        await tx.insertFile(file('old', { gcAfter: 100 }));
        await tx.insertFile(file('young', { gcAfter: 9000 }));
        await tx.insertFile(file('thumb', { gcAfter: 200 }));
        await tx.insertFile(file('sent', { gcAfter: 300, thumbnailId: 'thumb' }));
        await tx.insertFileRefs([{ fileId: 'sent', conversationId: 'd:ann:ben', seq: 1 }]);
        await tx.insertFileRefs([{ fileId: 'sent', conversationId: 'd:ann:ben', seq: 1 }]); // again: one reference
      });
      assert.deepEqual(await port.collectableFiles(1000, 10), ['old', 'thumb', 'sent']);
      assert.deepEqual(await port.collectableFiles(1000, 2), ['old', 'thumb']);
      const referenced = await port.write((tx) => tx.referencedFiles(['old', 'young', 'thumb', 'sent']));
      assert.deepEqual([...referenced].sort(), ['sent', 'thumb']);
      await port.write((tx) => tx.setFilesGcAfter(['sent', 'thumb'], null));
      assert.deepEqual(await port.collectableFiles(1000, 10), ['old']);
      const named = await port.write((tx) => tx.deleteFileRefs('d:ann:ben', [1, 2]));
      assert.deepEqual(named, ['sent']);
      assert.deepEqual([...(await port.write((tx) => tx.referencedFiles(['sent', 'thumb'])))], ['thumb'], 'still the thumbnail of sent');
    });

    test("file access: the messages carrying a file (or one whose thumbnail it is), with the user's member row and hidden flag", async () => {
      const chat = new ChatStore(port);
      const conv = directConversationId('ann', 'ben');
      const send = (clientMsgId: string) =>
        chat.appendMessages([{ senderId: 'ann', senderDevice: 'd', clientMsgId, conversationId: conv, directMembers: ['ann', 'ben'], type: MessageType.FILE, body: new Uint8Array([1]) }]);
      await send('m1');
      await send('m2');
      await port.write(async (tx) => {
        await tx.insertFile(file('pic', { thumbnailId: 'pic-thumb' }));
        await tx.insertFile(file('pic-thumb'));
        await tx.insertFileRefs([{ fileId: 'pic', conversationId: conv, seq: 1 }, { fileId: 'pic', conversationId: conv, seq: 2 }]);
      });
      await chat.modifyMessage({ actorId: 'ben', actorDevice: 'd', clientMsgId: 'h', op: MessageOpKind.HIDE, conversationId: conv, seq: 2, body: new Uint8Array(0), emoji: '', recallWindowMs: 0 });
      const ben = await port.fileAccess('pic', 'ben', 10);
      assert.deepEqual(ben.map((r) => [r.conversationId, r.seq, r.member.userId, r.member.joinSeq, r.member.maxSeq, r.hidden]), [
        [conv, 1, 'ben', 0, 2, false],
        [conv, 2, 'ben', 0, 2, true],
      ]);
      assert.deepEqual((await port.fileAccess('pic-thumb', 'ben', 10)).map((r) => r.seq), [1, 2], 'the thumbnail follows its file');
      assert.deepEqual((await port.fileAccess('pic', 'ben', 1)).map((r) => r.seq), [1], 'at most limit');
      assert.deepEqual(await port.fileAccess('pic', 'cat', 10), [], 'not a member there');
      assert.deepEqual(await port.fileAccess('nothing', 'ben', 10), []);
    });

    test('a message stored with a sentDigest keeps it; a resend is recognised by it', async () => {
      const chat = new ChatStore(port);
      const conv = directConversationId('ann', 'ben');
      await chat.appendMessages([{ senderId: 'ann', senderDevice: 'd', clientMsgId: 'x', conversationId: conv, directMembers: ['ann', 'ben'], type: MessageType.TEXT, body: new TextEncoder().encode('hi') }]);
      const stored = await port.write(async (tx) => {
        const [m] = await port.readMessages(conv, 1, 1, 1);
        const copy = { ...m!, seq: 2, id: 'other-id', clientMsgId: 'y', body: new TextEncoder().encode('stored') };
        await tx.insertMessages([{ message: copy, sentDigest: new Uint8Array(32).fill(7) }]);
        await tx.setMaxSeqs(new Map([[conv, 2]]));
        return (await tx.findSent([['ann', 'y']])).get('ann\u0000y');
      });
      assert.deepEqual(stored?.sentDigest && [...stored.sentDigest], new Array(32).fill(7));
    });

    test('usage: added per (user, day), each addition sees its own total, concurrent additions all count', async () => {
      assert.equal(await port.usage('ann', 20_000), 0);
      assert.equal(await port.write((tx) => tx.addUsage('ann', 20_000, 100)), 100);
      assert.equal(await port.write((tx) => tx.addUsage('ann', 20_000, 5_000_000_000)), 5_000_000_100);
      assert.equal(await port.write((tx) => tx.addUsage('ann', 20_000, -100)), 5_000_000_000);
      assert.equal(await port.write((tx) => tx.addUsage('ann', 20_001, 7)), 7, 'another day');
      assert.equal(await port.write((tx) => tx.addUsage('ben', 20_000, 9)), 9, 'another user');
      const totals = await Promise.all(Array.from({ length: 8 }, () => port.write((tx) => tx.addUsage('cat', 1, 10))));
      assert.deepEqual([...totals].sort((a, b) => a - b), [10, 20, 30, 40, 50, 60, 70, 80]);
      assert.equal(await port.usage('cat', 1), 80);
    });

    test('challenges: taken once; expired ones deleted', async () => {
      const c: ChallengeRow = { id: 'c1', userId: 'ann', sha256: 'ef'.repeat(32), size: 10_000, start: 10, end: 4105, name: 'n', mime: 'image/png', expiresAt: 500 };
      await port.write(async (tx) => {
        await tx.insertChallenge(c);
        await tx.insertChallenge({ ...c, id: 'c2', expiresAt: 100 });
      });
      const taken = await Promise.all([port.write((tx) => tx.takeChallenge('c1')), port.write((tx) => tx.takeChallenge('c1'))]);
      assert.deepEqual(taken.filter((t) => t !== undefined), [c], 'one of two takers gets it');
      await port.write((tx) => tx.deleteExpiredChallenges(200));
      assert.equal(await port.write((tx) => tx.takeChallenge('c2')), undefined);
    });

    test('blob trash: kept once per key, oldest first, forgotten when deleted', async () => {
      await port.write((tx) => tx.trashBlobs(['b2', 'b1'], 100));
      await port.write((tx) => tx.trashBlobs(['b1', 'b0'], 200));
      assert.deepEqual(await port.trashedBlobs(10), ['b1', 'b2', 'b0']);
      await port.write((tx) => tx.untrashBlobs(['b1', 'b2']));
      assert.deepEqual(await port.trashedBlobs(10), ['b0']);
    });
  });
}
