// The second half of `pnpm lint:architecture`: no cycles between folders (the API's domain modules,
// packages/api/src/modules/<domain>, and every other folder of a package's src), over the code
// that ships. Tests, benchmarks and their baselines are left out of this graph: a test of one
// module may well set up data through another, and that is no dependency of the module. The
// file-level rules, tests included, are in .dependency-cruiser.cjs.
const base = require('./.dependency-cruiser.cjs');

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'no-module-cycle',
      severity: 'error',
      comment:
        'Two folders (for the API: two domain modules) depend on each other, directly or through others. A module ' +
        'depends on the modules below it only: move what both need to the lower one (or to modules/common), or ' +
        'invert the dependency (the lower module takes a function or an interface, the higher one passes it in).',
      scope: 'folder',
      from: { path: '^packages/[^/]+/src/[^/]+' },
      to: { path: '^packages/[^/]+/src/[^/]+', circular: true },
    },
  ],
  options: {
    ...base.options,
    exclude: { path: [...base.options.exclude.path, '[.](?:test|bench|baseline)[.]tsx?$'] },
  },
};
