'use client'
import { useTranslation } from '@payloadcms/ui'

import type { TesseraTranslationKey, TesseraTranslations } from './translations'

/** `t('tessera:…')` in our admin components, typed against collections/admin/translations.ts. */
export const useTesseraTranslation = () => useTranslation<TesseraTranslations, TesseraTranslationKey>()
