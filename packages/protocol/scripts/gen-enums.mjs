// Generates src/gen/enums.ts: the wire constants (MessageType, GroupOp, ErrorCode,
// …) as `as const` objects, from the enums of parley.proto, so that the schema is
// their one source and a client in any language reads the same codes.
//
//   node scripts/gen-enums.mjs [out]      (default: src/gen/enums.ts; `npm run gen` runs it)
//
// Rules (a new enum that fits none of them fails the run, so that extending
// them is a decision, not an accident):
// - A top-level enum X becomes `export const X = { NAME: number, … } as const`.
//   Each value's name loses the prefix UPPER_SNAKE(X)_ (proto3 scopes enum values
//   to the package, so they carry it: MESSAGE_TYPE_TEXT → MessageType.TEXT), and
//   the value 0 is left out (the default proto3 requires; no valid code has it).
// - An enum `Code` nested in message M becomes `export const MCode = { NAME:
//   'NAME', … } as const`: codes that travel as strings, the value's name being
//   the string (Error.Code → ErrorCode, Notice.Code → NoticeCode). Their numbers
//   are never sent; the 0 value is left out.
// - Each const gets a type of the same name: the union of its values.
// - The .proto comments become TSDoc.
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import protobuf from 'protobufjs';

const here = dirname(fileURLToPath(import.meta.url));
const protoPath = join(here, '..', 'parley.proto');
const out = process.argv[2] ?? join(here, '..', 'src', 'gen', 'enums.ts');

const root = protobuf.parse(readFileSync(protoPath, 'utf8'), { keepCase: true, alternateCommentMode: true }).root;
const pkg = root.lookup('parley');
if (!pkg) throw new Error('parley.proto has no package parley');

/** MessageOpKind → MESSAGE_OP_KIND */
const upperSnake = (name) => name.replace(/([a-z0-9])([A-Z])/g, '$1_$2').toUpperCase();

/** A comment as TSDoc at `indent`, or nothing. */
function doc(comment, indent) {
  if (!comment) return '';
  const lines = comment.trim().split('\n').map((l) => l.trimEnd());
  if (lines.some((l) => l.includes('*/'))) throw new Error(`a comment may not contain */: ${comment}`);
  if (lines.length === 1) return `${indent}/** ${lines[0]} */\n`;
  return `${indent}/**\n${lines.map((l) => `${indent} *${l ? ` ${l}` : ''}`).join('\n')}\n${indent} */\n`;
}

function emit(exportName, enumType, members) {
  let text = doc(enumType.comment, '');
  text += `export const ${exportName} = {\n`;
  for (const { key, value, comment } of members) text += `${doc(comment, '  ')}  ${key}: ${value},\n`;
  text += '} as const;\n';
  text += `export type ${exportName} = (typeof ${exportName})[keyof typeof ${exportName}];\n`;
  return text;
}

const blocks = [];
for (const node of pkg.nestedArray) {
  if (node instanceof protobuf.Enum) {
    const prefix = `${upperSnake(node.name)}_`;
    const members = [];
    for (const [name, value] of Object.entries(node.values)) {
      if (!name.startsWith(prefix)) throw new Error(`${node.name}.${name}: values of a top-level enum are named ${prefix}…`);
      if (value === 0) continue;
      members.push({ key: name.slice(prefix.length), value: String(value), comment: node.comments[name] });
    }
    blocks.push(emit(node.name, node, members));
  } else if (node instanceof protobuf.Type) {
    for (const inner of node.nestedArray) {
      if (!(inner instanceof protobuf.Enum)) continue;
      if (inner.name !== 'Code') throw new Error(`${node.name}.${inner.name}: only an enum named Code may be nested in a message (see gen-enums.mjs)`);
      const members = [];
      for (const [name, value] of Object.entries(inner.values)) {
        if (value === 0) continue;
        members.push({ key: name, value: `'${name}'`, comment: inner.comments[name] });
      }
      blocks.push(emit(`${node.name}Code`, inner, members));
    }
  }
}

const header = `// Generated from parley.proto by scripts/gen-enums.mjs: do not edit.
// Change the .proto and run \`npm run gen -w @parley/protocol\`.

`;
writeFileSync(out, header + blocks.join('\n'));
