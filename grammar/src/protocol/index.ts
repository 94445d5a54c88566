// Barrel of the protocol shared by the language server and its clients: settings, custom requests,
// command ids and the semantic token legend. Types and constants only.
export * from './settings.js';
export * from './requests.js';
export * from './editor.js';
