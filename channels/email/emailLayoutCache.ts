/**
 * Compiled emails by decision. Everything a compiled email contains follows
 * from the snapshot version, the page, the decision (the chosen variant of
 * every slot and of the subject) and the locale, plus the sender's options;
 * recipients only fill its holes. So a send of 100,000 recipients compiles
 * once per distinct decision, typically a handful of times.
 *
 * Bounded, least recently used first out. It keeps promises, so recipients
 * processed concurrently share one compile instead of racing to start many.
 */
import { LRUCache } from 'lru-cache'

import type { ResolvedPage } from '../../engine'
import { compileEmail, type CompiledEmail, type EmailOptions } from './compileEmail'

export const EMAIL_LAYOUT_CACHE_CAPACITY = 500

export function emailLayoutKey(resolved: ResolvedPage, options: EmailOptions): string {
  return JSON.stringify([
    resolved.version,
    resolved.page.slug,
    resolved.decisionKey,
    resolved.page.locale,
    options.mediaBase,
    options.defaultLocale,
    options.brand.name,
    options.brand.postalAddress,
  ])
}

export class EmailLayoutCache {
  private readonly entries: LRUCache<string, Promise<CompiledEmail>>
  readonly stats = { hits: 0, compiles: 0 }

  constructor(
    readonly capacity = EMAIL_LAYOUT_CACHE_CAPACITY,
    private readonly compile: typeof compileEmail = compileEmail,
  ) {
    this.entries = new LRUCache({ max: capacity })
  }

  get size(): number {
    return this.entries.size
  }

  compiledEmailFor(resolved: ResolvedPage, options: EmailOptions): Promise<CompiledEmail> {
    const key = emailLayoutKey(resolved, options)
    const cached = this.entries.get(key)
    if (cached) {
      this.stats.hits++
      return cached
    }
    this.stats.compiles++
    const compiled = this.compile(resolved, options)
    this.entries.set(key, compiled)
    // A failed compile is not remembered: the next recipient tries again.
    compiled.catch(() => {
      if (this.entries.get(key) === compiled) this.entries.delete(key)
    })
    return compiled
  }

  clear(): void {
    this.entries.clear()
  }
}

/** The process-wide cache that sends and previews share. */
export const emailLayoutCache = new EmailLayoutCache()

export const compiledEmailFor = (resolved: ResolvedPage, options: EmailOptions): Promise<CompiledEmail> =>
  emailLayoutCache.compiledEmailFor(resolved, options)
