import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import reactRefresh from 'eslint-plugin-react-refresh';
import globals from 'globals';
import tseslint from 'typescript-eslint';

// Imports flow one way: ui/ and lib/ <- modules/ <- app/. Code reaches another top folder
// (or another feature module) only through the `@/` alias, so the rules below can see it.
const layerRules = {
  lib: ['@/ui', '@/modules', '@/app'],
  ui: ['@/modules', '@/app'],
  modules: ['@/modules', '@/app'],
  app: [],
};

function escape(text) {
  return text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}

function importBoundaries() {
  const blocks = [];
  for (const [layer, forbidden] of Object.entries(layerRules)) {
    // A feature module's root is src/modules/<feature>; the other layers' root is src/<layer>.
    const root = layer === 'modules' ? 'src/modules/*' : `src/${layer}`;
    for (let depth = 0; depth < 4; depth += 1) {
      const files = [`${root}/${'*/'.repeat(depth)}*.{ts,tsx}`];
      const patterns = forbidden.map((prefix) => ({
        regex: `^${escape(prefix)}(/|$)`,
        message:
          layer === 'modules' && prefix === '@/modules'
            ? 'Feature modules do not import each other; share code through lib/ or ui/.'
            : `${layer}/ may not import from ${prefix.slice(2)}/ (imports flow ui/, lib/ <- modules/ <- app/).`,
      }));
      patterns.push({
        regex: `^${escape('../'.repeat(depth + 1))}`,
        message: 'Leave this folder through the @/ alias, not a relative path.',
      });
      blocks.push({ files, rules: { 'no-restricted-imports': ['error', { patterns }] } });
    }
  }
  return blocks;
}

export default tseslint.config(
  { ignores: ['dist', 'node_modules', 'e2e/artifacts', 'test-results', 'coverage'] },
  js.configs.recommended,
  {
    files: ['**/*.{ts,tsx}'],
    extends: [tseslint.configs.strictTypeChecked, tseslint.configs.stylisticTypeChecked],
    languageOptions: {
      ecmaVersion: 2022,
      globals: globals.browser,
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    plugins: { 'react-hooks': reactHooks, 'react-refresh': reactRefresh },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'react-refresh/only-export-components': ['error', { allowConstantExport: true }],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      '@typescript-eslint/restrict-template-expressions': ['error', { allowNumber: false }],
    },
  },
  ...importBoundaries(),
  {
    files: ['**/*.test.{ts,tsx}', 'test/**/*.{ts,tsx}'],
    rules: { 'react-refresh/only-export-components': 'off' },
  },
  {
    files: ['**/*.{js,mjs}'],
    languageOptions: { ecmaVersion: 2023, sourceType: 'module', globals: globals.node },
  },
  {
    // Browser journeys pass functions to page.evaluate, which run inside the page.
    files: ['e2e/**/*.mjs'],
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
  },
);
