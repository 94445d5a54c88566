// The version the server reports in `initialize` (serverInfo); kept equal to server/package.json by a
// test, since the bundled server cannot read package.json at run time.
export const SERVER_VERSION = '0.1.0';
