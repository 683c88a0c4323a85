// The architecture rules, checked by `pnpm lint:architecture` (with .dependency-cruiser.modules.cjs for cycles between folders).
// Paths below are relative to the repository root, as dependency-cruiser reports them.
const { readdirSync, readFileSync, existsSync } = require('node:fs');
const { join, posix } = require('node:path');

const escapeRegExp = (text) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The workspace packages: directory name, package.json. */
const PACKAGES = readdirSync(join(__dirname, 'packages'))
  .filter((dir) => existsSync(join(__dirname, 'packages', dir, 'package.json')))
  .map((dir) => ({
    dir,
    manifest: JSON.parse(readFileSync(join(__dirname, 'packages', dir, 'package.json'), 'utf8')),
  }));
const DIR_OF = new Map(PACKAGES.map(({ dir, manifest }) => [manifest.name, dir]));
const workspaceDirs = (dependencies) =>
  Object.keys(dependencies ?? {})
    .filter((name) => DIR_OF.has(name))
    .map((name) => DIR_OF.get(name));

/**
 * Every workspace package's public entry points: the files its package.json `exports` names. A
 * package may import another only through these (the rule `no-package-internals`), so what is
 * public is declared in one place, and widening it is a visible change to a package.json.
 */
function publicEntryPoints() {
  const entries = [];
  for (const { dir, manifest } of PACKAGES) {
    const targets = [];
    const collect = (value) => {
      if (typeof value === 'string') targets.push(value);
      else if (value && typeof value === 'object') Object.values(value).forEach(collect);
    };
    collect(manifest.exports);
    for (const target of targets) {
      if (target.includes('*'))
        throw new Error(`packages/${dir}: a pattern export (${target}) is not supported here`);
      entries.push(`^${escapeRegExp(posix.join('packages', dir, target))}$`);
    }
  }
  return entries;
}

/** Tests and what only tests, benchmarks and tooling use: never part of what ships. */
const NOT_SHIPPED = [
  '[.](?:test|bench|baseline)[.]tsx?$',
  '/testing/',
  '^packages/(?:testing|e2e)/',
  '^packages/api/src/bench/',
  '(?:^|/)scripts/',
  '[.]config[.]ts$',
  '^packages/web/dev-server[.]ts$',
];

/**
 * The workspace side of what dependency-cruiser checks for npm packages (a workspace package
 * resolves to its source, so dependency-cruiser cannot tell which section of package.json
 * declares it): a package uses only the workspace packages its package.json declares, and code
 * that ships none it declares only in devDependencies.
 */
const WORKSPACE_RULES = PACKAGES.flatMap(({ dir, manifest }) => {
  const shipped = workspaceDirs(manifest.dependencies).concat(workspaceDirs(manifest.peerDependencies));
  const devOnly = workspaceDirs(manifest.devDependencies).filter((other) => !shipped.includes(other));
  const declared = [dir, ...shipped, ...devOnly];
  return [
    {
      name: 'no-undeclared-workspace-package',
      severity: 'error',
      comment: `packages/${dir} uses a workspace package that its package.json does not declare.`,
      from: { path: `^packages/${dir}/` },
      to: { path: '^packages/', pathNot: declared.map((other) => `^packages/${other}/`) },
    },
    ...(devOnly.length === 0
      ? []
      : [
          {
            name: 'not-to-dev-dep',
            severity: 'error',
            comment: `Code of packages/${dir} that ships uses a workspace package it declares only in devDependencies.`,
            from: { path: `^packages/${dir}/`, pathNot: NOT_SHIPPED },
            to: { path: devOnly.map((other) => `^packages/${other}/`), dependencyTypesNot: ['type-only'] },
          },
        ]),
  ];
});

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'no-builder-outside-schema',
      severity: 'error',
      comment:
        "Only the GraphQL layer knows Pothos: a module's *.schema.ts files and src/schema.ts (which assembles them) " +
        'may import the builder. Services and every other file take plain values and return plain values, so they ' +
        'can be called from commands, jobs and tests without the schema.',
      from: {
        path: '^packages/api/',
        pathNot: ['[.]schema[.]ts$', '^packages/api/src/schema[.]ts$', '^packages/api/src/server[.]ts$'],
      },
      to: { path: '^packages/api/src/builder[.]ts$' },
    },
    {
      name: 'no-schema-outside-schema',
      severity: 'error',
      comment:
        'A *.schema.ts file is the GraphQL side of a module (types, fields, resolvers). Only other schema files and ' +
        'src/schema.ts may import one; a service or helper that needs something from it needs it moved to a plain ' +
        'module (for instance an error helper, a constant, a type) that the schema file imports in turn.',
      from: {
        path: '^packages/api/',
        pathNot: ['[.]schema[.]ts$', '^packages/api/src/schema[.]ts$'],
      },
      to: { path: '^packages/api/src/.+[.]schema[.]ts$' },
    },
    {
      name: 'no-circular',
      severity: 'error',
      comment:
        'This import is part of a cycle. Cycles through `import type` count too: they are the same knot in the ' +
        'design even when the JavaScript loads. Move what both sides need to a module of its own, or invert the ' +
        'dependency (the lower module defines the interface, the higher one implements it).',
      from: { path: '^packages/' },
      to: { circular: true },
    },
    {
      name: 'no-package-internals',
      severity: 'error',
      comment:
        'A package may use another only through the entry points that package declares in its package.json ' +
        '`exports`. Tests, the e2e and testing packages included: they use the same public surface as everyone else.',
      from: { path: '^packages/([^/]+)/' },
      to: {
        path: '^packages/',
        pathNot: ['^packages/$1/', ...publicEntryPoints()],
      },
    },
    {
      name: 'no-web-to-api',
      severity: 'error',
      comment:
        'The web client talks to the API over GraphQL only (its types come from schema.graphql through gql.tada). ' +
        'Importing API code would bundle server code, and its dependencies, into the browser.',
      from: { path: '^packages/web/' },
      to: { path: '^packages/api/' },
    },
    {
      name: 'not-to-unresolvable',
      severity: 'error',
      comment: 'This import does not resolve to a file (or to an entry point a package exports).',
      from: {},
      to: { couldNotResolve: true },
    },
    {
      name: 'no-non-package-json',
      severity: 'error',
      comment: 'This imports a package that the nearest package.json does not declare.',
      from: {},
      to: { dependencyTypes: ['npm-no-pkg', 'npm-unknown'] },
    },
    {
      name: 'not-to-dev-dep',
      severity: 'error',
      comment:
        'Code that ships uses a package from devDependencies, which a production install leaves out. Declare it ' +
        'in dependencies, or, when the file is test or tooling code, make it match NOT_SHIPPED in this config.',
      from: { path: '^packages/', pathNot: NOT_SHIPPED },
      to: {
        dependencyTypes: ['npm-dev'],
        // A type-only import is erased when the code is compiled, so nothing is loaded at run time.
        dependencyTypesNot: ['type-only'],
        pathNot: ['node_modules/@types/'],
      },
    },
    {
      name: 'not-to-test',
      severity: 'error',
      comment:
        'Nothing imports a test file: what a test file has that others need belongs in a helper module.',
      from: {},
      to: { path: '[.]test[.]tsx?$' },
    },
    {
      name: 'no-deprecated-core',
      severity: 'error',
      comment: 'A deprecated Node core module.',
      from: {},
      to: { dependencyTypes: ['core'], path: '^(?:punycode|domain|constants|sys|_linklist|_stream_wrap)$' },
    },
    ...WORKSPACE_RULES,
  ],
  options: {
    doNotFollow: { path: ['node_modules'] },
    exclude: { path: ['(?:^|/)generated/', '(?:^|/)dist/'] },
    // Count `import type` too (see no-circular).
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.base.json' },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default', 'types'],
      extensions: ['.ts', '.tsx', '.js', '.mjs', '.cjs', '.json'],
      mainFields: ['module', 'main', 'types', 'typings'],
    },
    skipAnalysisNotInRules: true,
    reporterOptions: {
      archi: {
        collapsePattern:
          '^packages/[^/]+/src/modules/[^/]+|^packages/[^/]+|node_modules/(?:@[^/]+/[^/]+|[^/]+)',
      },
    },
  },
};
