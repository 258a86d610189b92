import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { startServer } from './secretServer';

// Entry of the language server bundle: over IPC when the extension starts it, over stdio for
// `secure-gpt lsp --stdio` (vscode-languageserver picks the transport from argv).
startServer(createConnection(ProposedFeatures.all));
