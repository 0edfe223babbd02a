// Lint rules for Gatewhy: typescript-eslint's recommended set, with formatting left to Prettier.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import prettier from 'eslint-config-prettier';
import globals from 'globals';

export default tseslint.config(
  { ignores: ['.output/', '.wxt/', 'dist/', 'node_modules/', 'test/fixtures/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  prettier,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      // `_`-prefixed names mark parameters a callback signature requires but this function does not read.
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
    },
  },
  {
    files: ['test/e2e/**'],
    rules: {
      // WebDriver BiDi and the DevTools protocol answer with untyped JSON; the e2e helpers read it as such.
      '@typescript-eslint/no-explicit-any': 'off',
    },
  },
);
