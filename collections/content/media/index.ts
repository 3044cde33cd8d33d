import path from 'node:path'

import type { CollectionConfig, ImageSize } from 'payload'

import { deliveryHooks } from '../../../delivery/snapshot'
import { isEditor } from '../../access'

/** Uploaded files live beside the embedded database; MEDIA_DIR overrides. */
export const mediaDirectory = (): string => process.env.MEDIA_DIR ?? path.resolve(process.cwd(), 'data', 'media')

const webWidths = [640, 1024, 1600]

/**
 * One rendition per channel need: responsive WebP + AVIF for the web,
 * 600/1200 px JPEG for email (Outlook renders neither WebP nor AVIF), and
 * JPEG for screens (the PNG renderer reads JPEG and PNG only).
 */
export const MEDIA_SIZES: ImageSize[] = [
  ...webWidths.flatMap((width): ImageSize[] => [
    { name: `web${width}`, width, formatOptions: { format: 'webp', options: { quality: 78 } } },
    { name: `web${width}avif`, width, formatOptions: { format: 'avif', options: { quality: 55, effort: 2 } } },
  ]),
  { name: 'email600', width: 600, formatOptions: { format: 'jpeg', options: { quality: 80, mozjpeg: true } } },
  { name: 'email1200', width: 1200, formatOptions: { format: 'jpeg', options: { quality: 75, mozjpeg: true } } },
  { name: 'screen1920', width: 1920, formatOptions: { format: 'jpeg', options: { quality: 85 } } },
  { name: 'screen3840', width: 3840, formatOptions: { format: 'jpeg', options: { quality: 82 } } },
]

export const mediaCollection = (staticDir = mediaDirectory()): CollectionConfig => ({
  slug: 'media',
  access: {
    // Images are embedded in public pages, emails and screens.
    read: () => true,
    create: isEditor,
    update: isEditor,
    delete: isEditor,
  },
  admin: { useAsTitle: 'alt', group: 'Content' },
  hooks: deliveryHooks,
  upload: {
    staticDir,
    mimeTypes: ['image/jpeg', 'image/png', 'image/webp', 'image/avif', 'image/gif'],
    focalPoint: true,
    imageSizes: MEDIA_SIZES,
    adminThumbnail: 'web640',
  },
  fields: [
    {
      name: 'alt',
      type: 'text',
      required: true,
      localized: true,
      admin: { description: 'Describe the image for people who cannot see it (screen readers, images blocked in email).' },
    },
  ],
})
