/**
 * Encode and decode `Frame`s. Generated protobufjs code does the work; this module
 * pins its behaviour: 64-bit integers decode as plain numbers (seqs and times stay
 * exact up to 2^53), and a decode failure becomes a `ParleyError` with a stable code.
 */
import './configure.ts';
import { parley } from './gen/parley.js';
import { ErrorCode, ParleyError } from './errors.ts';

export const Frame = parley.Frame;
export type FrameData = parley.Frame.$Properties;
export type MessageData = parley.Message.$Properties;

/**
 * A message with every field present, as servers store it and clients deliver it
 * (the generated `parley.IMessage` has every field optional).
 */
export interface MessageRecord {
  id: string;
  conversationId: string;
  seq: number;
  senderId: string;
  senderDevice: string;
  clientMsgId: string;
  type: number;
  body: Uint8Array;
  serverTime: number;
  /** MessageFlag bits (0 if none). */
  flags: number;
  /** For RECALL / EDIT events: the seq they change (0 otherwise). */
  refSeq: number;
  /** Users the message mentions (groups). */
  mentions: string[];
  /** The message mentions everyone (@all). */
  mentionAll: boolean;
  /** The seq of the message this one replies to (0: none). */
  replyTo: number;
  /** Current reactions: who reacted with each emoji. */
  reactions: { emoji: string; users: string[] }[];
}

/** The body kinds a Frame can carry, as named in the generated code. */
export type FrameKind = NonNullable<parley.Frame['body']>;

export function encodeFrame(frame: FrameData): Uint8Array {
  return parley.Frame.encode(frame).finish();
}

export function decodeFrame(bytes: Uint8Array): parley.Frame {
  try {
    return parley.Frame.decode(bytes);
  } catch (err) {
    throw new ParleyError(ErrorCode.BAD_FRAME, 'frame is not a valid protobuf Frame', { cause: err });
  }
}

/** The body kind of a decoded frame, or undefined when it carries none we know. */
export function frameKind(frame: parley.Frame): FrameKind | undefined {
  return frame.body ?? undefined;
}

export { parley };
