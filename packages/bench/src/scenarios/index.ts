import { connections } from './connections.ts';
import { direct } from './direct.ts';
import { flood } from './flood.ts';
import { group } from './group.ts';
import { newDevice } from './new-device.ts';
import { reconnect } from './reconnect.ts';
import { upload } from './upload.ts';
import { voice } from './voice.ts';
import type { Scenario } from './types.ts';

export const scenarios: Record<string, Scenario> = { direct, group, connections, reconnect, 'new-device': newDevice, upload, voice, flood };
