// Lint rules. Besides the usual TypeScript checks, they keep the engine honest: no clock, no
// Math.random, no floating trigonometry or powers, no DOM, Node or Phaser, and nothing from the
// layers that sit on top of the engine.
import js from '@eslint/js';
import { defineConfig } from 'eslint/config';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const forbiddenMath = ['random', 'sin', 'cos', 'tan', 'exp', 'pow', 'log', 'atan', 'atan2'];

// The rules and the computer actors make many short-lived objects: none of them may be an object
// literal with a getter or setter, which V8 (Node 20) makes in the old generation, so that what it
// points to outlives the collections of young objects (docs/architecture.md, the engine's working
// copies). Use a plain field and a function.
const noAccessorLiteral = {
  selector: "ObjectExpression > Property[kind='get'], ObjectExpression > Property[kind='set']",
  message:
    'No getter or setter in an object literal in src/engine or src/ai: a plain field (see eslint.config).',
};
const noInnerHtml = {
  selector: "AssignmentExpression[left.property.name='innerHTML']",
  message: 'Never set innerHTML: scenario text is shown as text (textContent).',
};

// Every global that browsers or Node add on top of ECMAScript itself (window, document, fetch,
// process, Buffer, HTMLElement …): none of them exists for the engine.
const hostGlobals = Object.keys({ ...globals.browser, ...globals.node, ...globals.worker })
  .filter((name) => !(name in globals.es2025) && name !== 'Date' && name !== 'performance')
  .sort();

export default defineConfig(
  { ignores: ['dist/', 'node_modules/', 'coverage/'] },
  js.configs.recommended,
  tseslint.configs.recommended,
  {
    files: ['**/*.{ts,js,mjs}'],
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    rules: {
      'no-eval': 'error',
      'no-implied-eval': 'error',
      'no-new-func': 'error',
      'no-restricted-properties': [
        'error',
        { object: 'Element', property: 'innerHTML', message: 'Show scenario text as text.' },
      ],
      'no-restricted-syntax': ['error', noInnerHtml],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['src/engine/**/*.ts'],
    rules: {
      'no-restricted-properties': [
        'error',
        ...forbiddenMath.map((property) => ({
          object: 'Math',
          property,
          message: `Math.${property} is not allowed in src/engine: use the seeded RNG or integer arithmetic.`,
        })),
        { object: 'performance', property: 'now', message: 'No clock in src/engine.' },
      ],
      'no-restricted-globals': [
        'error',
        { name: 'Date', message: 'No clock in src/engine: use the integer calendar.' },
        { name: 'performance', message: 'No clock in src/engine.' },
        ...hostGlobals.map((name) => ({
          name,
          message: `${name} is not available to the engine: it is pure and deterministic.`,
        })),
      ],
      'no-restricted-syntax': [
        'error',
        {
          selector: "BinaryExpression[operator='**']",
          message: 'No ** in src/engine: its last bit differs between engines.',
        },
        { selector: "AssignmentExpression[operator='**=']", message: 'No **= in src/engine.' },
        {
          selector: "MemberExpression[object.name='Math'][computed=true]",
          message: 'No computed Math access in src/engine.',
        },
        noAccessorLiteral,
      ],
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['phaser', 'phaser/*'], message: 'The engine does not draw: no Phaser.' },
            {
              group: [
                'node:*',
                'fs',
                'fs/*',
                'path',
                'os',
                'worker_threads',
                'child_process',
                'crypto',
                'perf_hooks',
              ],
              message: 'No Node APIs in src/engine.',
            },
            {
              group: [
                '**/game',
                '**/game/*',
                '**/ui',
                '**/ui/*',
                '**/cli',
                '**/cli/*',
                '**/ai',
                '**/ai/*',
                '**/scenario',
                '**/scenario/*',
              ],
              message: 'src/engine imports nothing from game, ui, cli, ai or scenario.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['src/ai/**/*.ts'],
    rules: {
      'no-restricted-syntax': ['error', noInnerHtml, noAccessorLiteral],
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/game', '**/game/*', '**/ui', '**/ui/*', '**/cli', '**/cli/*'],
              message: 'src/ai only produces orders: it imports the engine, not the clients.',
            },
          ],
        },
      ],
    },
  },
);
