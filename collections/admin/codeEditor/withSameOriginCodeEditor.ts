/**
 * Every JSON and code field of the admin renders through `SameOriginCodeField`,
 * which loads monaco from this origin (/admin/monaco/<version>/vs, served by
 * app/(payload)/admin/monaco) before Payload's editor mounts: the admin asks
 * no CDN for it. A field with a Field component of its own is left alone.
 */
import type { CollectionConfig, Field, GlobalConfig } from 'payload'

import { installedVersion } from '../../../delivery/http'

const COMPONENT = '/collections/admin/codeEditor/SameOriginCodeField#SameOriginCodeField'

/** Monaco's min/vs folder on this origin; its version in the URL lets the files be cached for good. */
export const sameOriginMonacoPath = () => `/admin/monaco/${installedVersion('monaco-editor')}/vs`

function withEditor(field: Field, vs: string): Field {
  switch (field.type) {
    case 'json':
    case 'code':
      if (field.admin?.components?.Field) return field
      return { ...field, admin: { ...field.admin, components: { ...field.admin?.components, Field: { path: COMPONENT, clientProps: { kind: field.type, vs } } } } } as Field
    case 'array':
    case 'group':
    case 'row':
    case 'collapsible':
      return { ...field, fields: field.fields.map((child) => withEditor(child, vs)) } as Field
    case 'tabs':
      return { ...field, tabs: field.tabs.map((tab) => ({ ...tab, fields: tab.fields.map((child) => withEditor(child, vs)) })) }
    case 'blocks':
      return { ...field, blocks: field.blocks.map((block) => ({ ...block, fields: block.fields.map((child) => withEditor(child, vs)) })) }
    default:
      return field
  }
}

/** The collection or global with its JSON and code fields set to load monaco from this origin. */
export function withSameOriginCodeEditor<T extends CollectionConfig | GlobalConfig>(entity: T): T {
  const vs = sameOriginMonacoPath()
  return { ...entity, fields: entity.fields.map((field) => withEditor(field, vs)) }
}
