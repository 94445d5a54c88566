// Entry of the @vscode/test-electron suite, loaded by VS Code's extension host (extensionTestsPath):
// sets up mocha's BDD globals, registers the tests and runs them. Failures reject, which fails VS Code.
import Mocha from 'mocha';
import { registerExtensionTests } from './extension.test.js';

export function run(): Promise<void> {
  const mocha = new Mocha({ ui: 'bdd', timeout: 60_000, color: false });
  mocha.suite.emit('pre-require', globalThis, 'extension.test', mocha);
  registerExtensionTests();
  return new Promise((resolve, reject) => {
    mocha.run((failures) => (failures > 0 ? reject(new Error(`${failures} test(s) failed`)) : resolve()));
  });
}
