/**
 * The wire form of bus events between nodes. A frame is
 *
 *   [u8 version][u32 header length][header: JSON][message: protobuf Message]
 *
 * The header carries the sending node and every field of the event except a
 * message event's `message`, which is the protobuf `Message` the clients already
 * receive (compact, and its binary body needs no base64). Control frames
 * (`control` set, no event) tell other nodes something about the bus itself.
 */
import { parley, type MessageRecord } from '@parley/protocol';
import type { BusEvent } from '../../chat/types.ts';

const VERSION = 1;
const PREFIX_BYTES = 5;

/** A node's notice to the others that they may have missed events it dropped. */
export type BusControl = 'missed';

export type BusFrame = { from: string; event: BusEvent; control?: undefined } | { from: string; control: BusControl; event?: undefined };

type Header = { from: string; control?: BusControl; event?: Omit<BusEvent, 'message'> };

export function encodeBusFrame(frame: BusFrame): Buffer {
  let header: Header;
  let message: Uint8Array = new Uint8Array(0);
  if (frame.event === undefined) {
    header = { from: frame.from, control: frame.control };
  } else if (frame.event.kind === 'message') {
    const { message: record, ...rest } = frame.event;
    header = { from: frame.from, event: rest };
    message = parley.Message.encode(record).finish();
  } else {
    header = { from: frame.from, event: frame.event };
  }
  const json = Buffer.from(JSON.stringify(header));
  const out = Buffer.allocUnsafe(PREFIX_BYTES + json.length + message.length);
  out.writeUInt8(VERSION, 0);
  out.writeUInt32BE(json.length, 1);
  json.copy(out, PREFIX_BYTES);
  out.set(message, PREFIX_BYTES + json.length);
  return out;
}

/** Throws on a frame this version cannot read (another version, or garbage). */
export function decodeBusFrame(bytes: Buffer): BusFrame {
  if (bytes.length < PREFIX_BYTES || bytes.readUInt8(0) !== VERSION) throw new Error('not a bus frame of version 1');
  const end = PREFIX_BYTES + bytes.readUInt32BE(1);
  if (end > bytes.length) throw new Error('truncated bus frame');
  const header = JSON.parse(bytes.toString('utf8', PREFIX_BYTES, end)) as Header;
  if (header.control !== undefined) return { from: header.from, control: header.control };
  if (header.event === undefined) throw new Error('bus frame has neither event nor control');
  if (header.event.kind !== 'message') return { from: header.from, event: header.event as BusEvent };
  const message = toRecord(parley.Message.decode(bytes.subarray(end)));
  return { from: header.from, event: { ...header.event, message } as BusEvent };
}

/**
 * A decoded protobuf Message as a plain record with every field present (the
 * decoded object keeps defaults on its prototype). The body is copied out so it
 * does not pin the whole received frame.
 */
function toRecord(m: parley.Message): MessageRecord {
  return {
    id: m.id,
    conversationId: m.conversationId,
    seq: Number(m.seq),
    senderId: m.senderId,
    senderDevice: m.senderDevice,
    clientMsgId: m.clientMsgId,
    type: m.type,
    body: new Uint8Array(m.body),
    serverTime: Number(m.serverTime),
    flags: m.flags,
    refSeq: Number(m.refSeq),
    mentions: [...m.mentions],
    mentionAll: m.mentionAll,
    replyTo: Number(m.replyTo),
    reactions: m.reactions.map((r) => ({ emoji: r.emoji ?? '', users: [...(r.users ?? [])] })),
  };
}
