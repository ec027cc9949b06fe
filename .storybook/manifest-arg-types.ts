import type { ArgTypes } from '@storybook/web-components-vite';

type InputType = ArgTypes[string];

/**
 * The docs pages' API tables, read from the custom-elements manifest.
 *
 * Storybook's own reader for web components keys every row by its bare name, so a CSS part called
 * `label` replaces the `label` attribute, a `minutes` getter is replaced by the `minutes`
 * attribute, and private members (`_count`, `_frame`) are listed as API. This one keeps the rows
 * apart: attributes under their own names (the story args, as a CMS author writes them), and every
 * other row under a prefixed key (`.words`, `part:label`, `slot:default`, `state:empty`).
 */

interface ManifestItem {
  name: string;
  description?: string;
  summary?: string;
  type?: { text?: string };
  default?: string;
}

interface ManifestMember extends ManifestItem {
  kind?: 'field' | 'method';
  privacy?: 'public' | 'private' | 'protected';
  static?: boolean;
  readonly?: boolean;
  attribute?: string;
}

interface ManifestDeclaration {
  tagName?: string;
  members?: ManifestMember[];
  attributes?: ManifestItem[];
  events?: ManifestItem[];
  slots?: ManifestItem[];
  cssParts?: ManifestItem[];
  cssProperties?: ManifestItem[];
  cssStates?: ManifestItem[];
}

interface Manifest {
  modules?: { declarations?: ManifestDeclaration[] }[];
}

/** The manifest's declaration of a tag, if it has one. */
export function findDeclaration(manifest: unknown, tagName: string): ManifestDeclaration | undefined {
  for (const module of (manifest as Manifest | undefined)?.modules ?? []) {
    for (const declaration of module.declarations ?? []) {
      if (declaration.tagName === tagName) return declaration;
    }
  }
  return undefined;
}

/** A control for an attribute's type: text, number, boolean, a select for a union of strings. */
function controlFor(typeText: string | undefined): InputType['control'] {
  const parts = (typeText ?? '')
    .split('|')
    .map((part) => part.trim())
    .filter((part) => part && part !== 'null' && part !== 'undefined');
  if (parts.length === 1 && parts[0] === 'string') return 'text';
  if (parts.length === 1 && parts[0] === 'number') return 'number';
  if (parts.length === 1 && parts[0] === 'boolean') return 'boolean';
  if (parts.length > 0 && parts.every((part) => /^(['"]).*\1$/.test(part))) {
    return { type: 'select', options: parts.map((part) => part.slice(1, -1)) } as InputType['control'];
  }
  return false;
}

function row(item: ManifestItem, category: string, name = item.name, extra: Partial<InputType> = {}): InputType {
  return {
    name,
    description: item.description ?? item.summary ?? '',
    control: false,
    table: {
      category,
      type: item.type?.text ? { summary: item.type.text } : undefined,
      defaultValue: item.default !== undefined ? { summary: item.default } : undefined,
    },
    ...extra,
  };
}

/** Arg types for `tagName` from the manifest, or `undefined` when the manifest does not list it. */
export function manifestArgTypes(manifest: unknown, tagName: string): ArgTypes | undefined {
  const declaration = findDeclaration(manifest, tagName);
  if (!declaration) return undefined;
  const argTypes: ArgTypes = {};

  for (const attribute of declaration.attributes ?? []) {
    argTypes[attribute.name] = row(attribute, 'attributes', attribute.name, {
      control: controlFor(attribute.type?.text),
    });
  }
  for (const member of declaration.members ?? []) {
    if (member.static || member.name.startsWith('_')) continue;
    if (member.privacy === 'private' || member.privacy === 'protected') continue;
    if (member.kind === 'method') {
      argTypes[`.${member.name}()`] = row(member, 'methods', `${member.name}()`);
    } else {
      const description = [member.description ?? '', member.readonly ? '(read-only)' : ''].filter(Boolean).join(' ');
      argTypes[`.${member.name}`] = row({ ...member, description }, 'properties');
    }
  }
  for (const event of declaration.events ?? []) argTypes[`event:${event.name}`] = row(event, 'events');
  for (const slot of declaration.slots ?? []) {
    argTypes[`slot:${slot.name || 'default'}`] = row(slot, 'slots', slot.name || '(default)');
  }
  for (const part of declaration.cssParts ?? []) argTypes[`part:${part.name}`] = row(part, 'css shadow parts');
  for (const property of declaration.cssProperties ?? [])
    argTypes[property.name] = row(property, 'css custom properties');
  for (const state of declaration.cssStates ?? [])
    argTypes[`state:${state.name}`] = row(state, 'css states', `:state(${state.name})`);
  return argTypes;
}
