// The "Required Capabilities" tree view: what the active ML file needs (`ml/requiredCapabilities`),
// granted or not under the active profile, with every place that needs it. Display only.
import path from 'node:path';
import * as vscode from 'vscode';
import {
  REQUIRED_CAPABILITIES_METHOD,
  type CapabilityLocation,
  type ProtocolLocation,
  type RequiredCapabilitiesResult,
} from '@mlsec/grammar/protocol';
import type { ServerManager } from '../language-client.js';
import { revealCommand } from './reveal.js';

export const CAPABILITIES_VIEW = 'ml.requiredCapabilities';

type Node =
  | {
      kind: 'capability';
      capability: string;
      granted: boolean | null;
      concrete: boolean;
      locations: CapabilityLocation[];
    }
  | {
      kind: 'declaration';
      capability: string;
      declaration: string;
      granted: boolean | null;
      location: ProtocolLocation;
    }
  | { kind: 'location'; location: CapabilityLocation }
  | { kind: 'empty'; text: string };

function verdictIcon(granted: boolean | null): vscode.ThemeIcon {
  if (granted === true) return new vscode.ThemeIcon('pass', new vscode.ThemeColor('testing.iconPassed'));
  if (granted === false) return new vscode.ThemeIcon('error', new vscode.ThemeColor('testing.iconFailed'));
  return new vscode.ThemeIcon('question');
}

function verdictText(granted: boolean | null): string {
  return granted === true ? 'granted' : granted === false ? 'not granted' : 'decided at run time';
}

export class CapabilitiesView implements vscode.TreeDataProvider<Node>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChangeTreeData = this.changed.event;
  private result: RequiredCapabilitiesResult | null = null;
  private view: vscode.TreeView<Node> | null = null;

  constructor(private readonly server: ServerManager) {}

  attach(view: vscode.TreeView<Node>): void {
    this.view = view;
  }

  /** Asks the server for `uri` (an ML document) and shows the answer; `focus` names a function. */
  async refresh(uri: vscode.Uri | null, focus: string | null = null): Promise<RequiredCapabilitiesResult | null> {
    let result: RequiredCapabilitiesResult | null = null;
    if (uri) {
      try {
        result = await this.server.request<RequiredCapabilitiesResult>(REQUIRED_CAPABILITIES_METHOD, {
          textDocument: { uri: uri.toString() },
        });
      } catch (error) {
        void vscode.window.showErrorMessage(`ML: required capabilities failed: ${String(error)}`);
      }
    }
    this.result = result;
    if (this.view) {
      this.view.description = result
        ? `${path.basename(vscode.Uri.parse(result.uri).fsPath)} · ${result.grant}`
        : undefined;
      const fn = focus && result ? result.functions.find((f) => f.name === focus) : undefined;
      this.view.message = fn ? `${fn.name}() needs: ${fn.capabilities.join(', ') || 'nothing'}` : undefined;
    }
    this.changed.fire();
    return result;
  }

  getChildren(node?: Node): Node[] {
    if (node?.kind === 'capability') return node.locations.map((location) => ({ kind: 'location', location }));
    if (node) return [];
    const result = this.result;
    if (!result) return [{ kind: 'empty', text: 'Open an ML file to see what it needs.' }];
    const nodes: Node[] = [
      ...result.capabilities.map((c): Node => ({ kind: 'capability', ...c })),
      ...result.declarations.map((d): Node => ({ kind: 'declaration', ...d })),
    ];
    return nodes.length > 0 ? nodes : [{ kind: 'empty', text: 'This program needs no capabilities.' }];
  }

  getTreeItem(node: Node): vscode.TreeItem {
    switch (node.kind) {
      case 'capability': {
        const item = new vscode.TreeItem(node.capability, vscode.TreeItemCollapsibleState.Expanded);
        item.iconPath = verdictIcon(node.granted);
        const uses = `${node.locations.length} use${node.locations.length === 1 ? '' : 's'}`;
        item.description = `${verdictText(node.granted)} · ${uses}`;
        item.tooltip = `${node.capability}\n${node.concrete ? 'target known statically' : 'target known only at run time'}`;
        item.contextValue = 'capability';
        return item;
      }
      case 'declaration': {
        const item = new vscode.TreeItem(node.capability, vscode.TreeItemCollapsibleState.None);
        item.iconPath = verdictIcon(node.granted);
        item.description = `capability ${node.declaration} · ${verdictText(node.granted)}`;
        item.command = revealCommand(node.location);
        return item;
      }
      case 'location': {
        const l = node.location;
        const file = path.basename(vscode.Uri.parse(l.uri).fsPath);
        const item = new vscode.TreeItem(`${l.callee}()`, vscode.TreeItemCollapsibleState.None);
        item.description = `${file}:${l.range.start.line + 1}:${l.range.start.character + 1}${l.functionName ? ` in ${l.functionName}()` : ''}`;
        item.iconPath = new vscode.ThemeIcon('symbol-method');
        item.command = revealCommand(l);
        return item;
      }
      case 'empty':
        return new vscode.TreeItem(node.text, vscode.TreeItemCollapsibleState.None);
    }
  }

  dispose(): void {
    this.changed.dispose();
  }
}
