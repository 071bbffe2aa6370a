// ESLint 9 flat config: type-aware typescript-eslint rules over the TypeScript of client/, server/src/ and test/
// (the files of tsconfig.json), eslint's recommended rules over the plain .mjs scripts, and 140-character lines
// everywhere (Prettier keeps code within 140 columns but does not break long strings or comments).
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import js from '@eslint/js';
import { defineConfig, globalIgnores } from 'eslint/config';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default defineConfig([
  globalIgnores(['out/', 'client/out/', 'server/out/', '.vscode-test/', '.bench/', 'test-results/', 'e2e/editor/node_modules/']),
  {
    files: ['**/*.ts'],
    extends: [js.configs.recommended, tseslint.configs.recommendedTypeChecked],
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: dirname(fileURLToPath(import.meta.url)) },
    },
    rules: {
      // As tsc's noUnusedLocals/noUnusedParameters: a leading `_` marks a parameter or binding kept on purpose,
      // and `const { dropped, ...rest } = value` is how a property is left out of a copy.
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_', ignoreRestSiblings: true },
      ],
    },
  },
  {
    files: ['**/*.mjs'],
    extends: [js.configs.recommended],
    languageOptions: { globals: globals.node },
  },
  {
    rules: {
      'max-len': ['error', { code: 140 }],
      // A `let` that closures read before its one assignment (a subscription made after a first check) cannot be a const.
      'prefer-const': ['error', { ignoreReadBeforeAssign: true }],
    },
  },
]);
