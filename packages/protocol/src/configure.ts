/**
 * Must be evaluated before the generated code (which reads `util.Long` when it
 * builds its prototypes): makes protobufjs decode 64-bit integers as plain numbers.
 */
import protobuf from 'protobufjs/minimal.js';

protobuf.util.Long = undefined as unknown as typeof protobuf.util.Long;
protobuf.configure();
