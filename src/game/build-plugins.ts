// Vite plugins of the browser build (vite.config.ts). They run in Node when the game is built or
// served, never in the browser.
//   unitSymbols             "virtual:unit-symbols": the unit symbols, made with milsymbol at build time
//   withoutSchemaDescriptions  drops the `.describe("…")` texts from the scenario schema: they are for
//                           the editor schemas (`idlib-sim schema`); nothing in the game reads them
import { parseSync, Visitor, type ESTree, type Plugin } from 'vite';
import { buildUnitSymbolSet } from './symbol-set.ts';

const SYMBOLS_ID = 'virtual:unit-symbols';

export function unitSymbols(): Plugin {
  const resolved = '\0' + SYMBOLS_ID;
  return {
    name: 'idlib-sim:unit-symbols',
    resolveId: (source) => (source === SYMBOLS_ID ? resolved : null),
    load: (id) => (id === resolved ? `export default ${JSON.stringify(buildUnitSymbolSet())};` : null),
  };
}

/** A name or a property read (`a`, `a.b`, `a[b]`): dropping it changes nothing. */
function isRead(node: ESTree.Node): boolean {
  if (node.type === 'Identifier' || node.type === 'Literal') return true;
  return node.type === 'MemberExpression' && isRead(node.object) && isRead(node.property);
}

/** A string literal, a template whose placeholders only read names, or texts joined with "+". */
function isText(node: ESTree.Node): boolean {
  if (node.type === 'Literal') return typeof node.value === 'string';
  if (node.type === 'TemplateLiteral') return node.expressions.every(isRead);
  if (node.type === 'BinaryExpression')
    return node.operator === '+' && isText(node.left) && isText(node.right);
  return false;
}

/** The source without every `.describe(<text>)` call (the schema it was called on is kept). */
export function withoutDescriptions(code: string, filename: string): string {
  const { program, errors } = parseSync(filename, code);
  if (errors.length > 0) throw new Error(`${filename}: ${errors[0]!.message}`);
  const cuts: [number, number][] = [];
  new Visitor({
    CallExpression(node) {
      const callee = node.callee;
      const arg = node.arguments[0];
      if (
        callee.type === 'MemberExpression' &&
        !callee.computed &&
        callee.property.type === 'Identifier' &&
        callee.property.name === 'describe' &&
        node.arguments.length === 1 &&
        arg !== undefined &&
        isText(arg)
      )
        cuts.push([callee.object.end, node.end]);
    },
  }).visit(program);
  let out = code;
  for (const [start, end] of cuts.sort((a, b) => b[0] - a[0])) out = out.slice(0, start) + out.slice(end);
  return out;
}

export function withoutSchemaDescriptions(): Plugin {
  return {
    name: 'idlib-sim:without-schema-descriptions',
    transform: {
      filter: { id: /[\\/]src[\\/]scenario[\\/]schema\.ts$/ },
      handler: (code, id) => ({ code: withoutDescriptions(code, id), map: null }),
    },
  };
}
