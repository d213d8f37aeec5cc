// Modules made by the build (vite.config.ts).
declare module 'virtual:unit-symbols' {
  import type { UnitSymbolSet } from './symbol-codes.ts';
  const symbols: UnitSymbolSet;
  export default symbols;
}
