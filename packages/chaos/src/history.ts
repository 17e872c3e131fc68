/**
 * The history of a chaos run: every send as invoked and how it ended, and every
 * message each device showed its app. The checker reads only this and the store.
 */
export type SendOutcome = 'ok' | 'failed' | 'unknown';

export interface SendOp {
  /** The payload identifies the send: `${deviceId}.${counter}`, also its clientMsgId. */
  clientMsgId: string;
  userId: string;
  deviceId: string;
  to: string;
  invokedAt: number;
  outcome: SendOutcome;
  completedAt?: number;
  seq?: number;
  messageId?: string;
  conversationId?: string;
  error?: string;
}

export interface Delivery {
  deviceId: string;
  userId: string;
  conversationId: string;
  seq: number;
  messageId: string;
  /** The text body: the sender's clientMsgId. */
  payload: string;
  at: number;
}

export interface FaultEvent {
  at: number;
  kind: string;
  detail?: string;
  /** ms until the system was healthy again (every device online), when measured. */
  recoveryMs?: number;
}

export class History {
  readonly sends = new Map<string, SendOp>();
  readonly deliveries: Delivery[] = [];
  readonly faults: FaultEvent[] = [];
  /** Raw frames re-delivered by the server and dropped by the SDK are not visible here; see `rawRedeliveries`. */
  rawRedeliveries = 0;

  invoke(op: Omit<SendOp, 'outcome'>): SendOp {
    const full: SendOp = { ...op, outcome: 'unknown' };
    this.sends.set(op.clientMsgId, full);
    return full;
  }

  toJSON(): unknown {
    return { sends: [...this.sends.values()], deliveries: this.deliveries, faults: this.faults };
  }
}
