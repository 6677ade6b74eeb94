// The extension's JavaScript, linted (scripts/test.sh runs `eslint extension scripts tests/js`):
// ESLint's recommended rules plus the few this codebase relies on, with each context's globals.
import js from '@eslint/js';
import globals from 'globals';

export default [
  { ignores: ['dist/**', 'pkg/**', 'extension/pkg/**', 'node_modules/**', 'target/**'] },
  js.configs.recommended,
  {
    files: ['extension/**/*.js'],
    languageOptions: {
      ecmaVersion: 2024,
      sourceType: 'module',
      globals: { ...globals.browser, ...globals.webextensions, STALLWATCH_COUNTERS: 'readonly' },
    },
    rules: {
      eqeqeq: ['error', 'always'],
      'no-var': 'error',
      'prefer-const': 'error',
      'no-implicit-globals': 'error',
      // Page and note content only ever becomes text (docs/security.md).
      'no-restricted-properties': ['error',
        { property: 'innerHTML', message: 'Text nodes only: never innerHTML (docs/security.md).' },
        { property: 'outerHTML', message: 'Text nodes only: never outerHTML.' },
        { property: 'insertAdjacentHTML', message: 'Text nodes only: never insertAdjacentHTML.' },
      ],
      'no-eval': 'error',
      'no-new-func': 'error',
      'no-unused-vars': ['error', { argsIgnorePattern: '^_', caughtErrors: 'none' }],
    },
  },
  {
    // The plan interpreter and the structure report are classic scripts (globals, no imports).
    files: ['extension/read_page.js', 'extension/page_structure.js'],
    languageOptions: { sourceType: 'script' },
  },
  {
    files: ['scripts/**/*.mjs', 'tests/js/**/*.mjs', 'eslint.config.mjs'],
    languageOptions: { ecmaVersion: 2024, sourceType: 'module', globals: { ...globals.node } },
  },
  {
    // The benchmark and the demo hand functions to the browser (page.evaluate): those run there.
    files: ['scripts/**/*.mjs'],
    languageOptions: { globals: { ...globals.node, ...globals.browser, ...globals.webextensions } },
  },
];
