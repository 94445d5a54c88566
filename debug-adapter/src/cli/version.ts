// The version `mlsec --version` prints; kept equal to debug-adapter/package.json by a test
// (the bundled CLI cannot read package.json at run time).
export const VERSION = '0.1.0';
