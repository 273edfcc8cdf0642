// Jest (on Node 20) cannot require() ES modules, and NestJS 12 ships only as ESM. For tests only,
// Babel turns those packages into CommonJS: import.meta.url becomes the file's URL and import()
// a require(). The built app runs them natively (Node ≥ 20.19 loads ESM through require).

/** `const require = createRequire(import.meta.url)` is redundant in CommonJS, where `require` exists. */
function dropCreateRequire({ types: t }) {
  return {
    visitor: {
      VariableDeclarator(path) {
        const { id, init } = path.node;
        if (t.isIdentifier(id, { name: 'require' }) && t.isCallExpression(init) && t.isIdentifier(init.callee, { name: 'createRequire' })) {
          path.remove();
        }
      },
    },
  };
}

module.exports = require('babel-jest').default.createTransformer({
  babelrc: false,
  configFile: false,
  plugins: [
    dropCreateRequire,
    'babel-plugin-transform-import-meta',
    '@babel/plugin-transform-dynamic-import',
    ['@babel/plugin-transform-modules-commonjs', { importInterop: 'node' }],
  ],
});
